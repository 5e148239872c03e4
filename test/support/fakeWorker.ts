/**
 * A Web Worker for jest (which has none): the real job server (src/taskpane/modes/xlsxJobServer.ts) behind a
 * message boundary like a worker's — every message structured-cloned (transfers moved) and delivered in a later
 * task. terminate() drops whatever the job still posts, as a terminated worker's messages never arrive.
 */
import { serveJobs, type JobScope } from "../../src/taskpane/modes/xlsxJobServer";

type Listener = ((event: MessageEvent) => void) | null;

export class FakeWorker {
  onmessage: Listener = null;
  onerror: ((event: unknown) => void) | null = null;
  terminated = false;
  private readonly scope: JobScope = {
    onmessage: null,
    postMessage: (message, transfer) => {
      const data = structuredClone(message, { transfer: transfer as Transferable[] });
      setTimeout(() => {
        if (!this.terminated) this.onmessage?.({ data } as MessageEvent);
      });
    },
  };

  /** `broken`: its script "fails to load" — an error event and no answers. */
  constructor(broken = false) {
    if (broken) setTimeout(() => this.onerror?.(new Error("worker script failed")));
    else serveJobs(this.scope);
  }

  postMessage(message: unknown): void {
    const data = structuredClone(message);
    setTimeout(() => {
      if (!this.terminated) this.scope.onmessage?.({ data } as MessageEvent);
    });
  }

  terminate(): void {
    this.terminated = true;
  }
}

/** A spawn for xlsxJobs() that counts the workers it made. */
export function fakeSpawn(broken = false): {
  spawn: () => Promise<Worker>;
  workers: FakeWorker[];
} {
  const workers: FakeWorker[] = [];
  return {
    workers,
    spawn: async () => {
      const w = new FakeWorker(broken);
      workers.push(w);
      return w as unknown as Worker;
    },
  };
}
