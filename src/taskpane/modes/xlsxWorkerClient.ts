/**
 * The page's side of the .xlsx jobs (xlsxJobs.ts): run in a Web Worker where the page can start one, else in the
 * page (jest's jsdom; a host that refuses workers). Progress goes to `work.onProgress`. The person's stop
 * terminates the worker — the job ends at once and the next job starts a new worker — or, in the page, stops the
 * job between its stages.
 */
import { stepReporter, WorkCancelled, type WorkOptions } from "../work";
import type { JobRunner } from "./xlsxJobs";
import {
  errorOf,
  type JobMessage,
  type JobReply,
  type JobRequest,
  type JobResult,
} from "./xlsxJobProtocol";

export interface XlsxJobs {
  run<R extends JobRequest>(request: R, work?: WorkOptions): Promise<JobResult<R>>;
  /** True once a worker has answered a job (the tests ask). */
  readonly usedWorker: boolean;
}

interface Pending {
  request: JobRequest;
  work?: WorkOptions;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
}

/** A worker where the page can make one; undefined where it cannot (no Worker, or refused by the host). */
async function defaultSpawn(): Promise<Worker | undefined> {
  if (typeof Worker !== "function") return undefined;
  try {
    return (
      await import(/* webpackChunkName: "xlsx-worker-spawn" */ "./xlsxWorkerSpawn")
    ).spawnXlsxWorker();
  } catch {
    return undefined;
  }
}

export function xlsxJobs(spawn: () => Promise<Worker | undefined> = defaultSpawn): XlsxJobs {
  let worker: Worker | undefined;
  let starting: Promise<Worker | undefined> | undefined;
  /** Set when the page cannot run a worker (none, or its script failed to load): every job runs in the page. */
  let inPage = false;
  let usedWorker = false;
  let ids = 0;
  const pending = new Map<number, Pending>();
  let pageRunner: Promise<JobRunner> | undefined;

  const runInPage = async <R extends JobRequest>(request: R, work?: WorkOptions) => {
    pageRunner ??= import(/* webpackChunkName: "xlsx-jobs" */ "./xlsxJobs").then((m) =>
      m.createJobRunner()
    );
    const step = stepReporter(work);
    return (await pageRunner).run(request, (p) => step(p.step));
  };

  const onReply = ({ data }: MessageEvent<JobReply>) => {
    const job = pending.get(data.id);
    if (!job) return;
    if ("progress" in data) return job.work?.onProgress?.(data.progress);
    pending.delete(data.id);
    usedWorker = true;
    if ("result" in data) job.resolve(data.result);
    else job.reject(errorOf(data.error));
  };

  // The worker's script could not load or threw: its jobs are done in the page instead, and so are later ones.
  const onBroken = () => {
    inPage = true;
    worker?.terminate();
    worker = undefined;
    starting = undefined;
    const jobs = [...pending.values()];
    pending.clear();
    for (const job of jobs) runInPage(job.request, job.work).then(job.resolve, job.reject);
  };

  /**
   * Stops job `id` at once: its worker is terminated. Other jobs that worker was doing (a check while a comparison
   * is stopped) start again in a new one.
   */
  const stop = (id: number) => {
    const stopped = pending.get(id);
    worker?.terminate();
    worker = undefined;
    starting = undefined;
    const others = [...pending].filter(([other]) => other !== id).map(([, job]) => job);
    pending.clear();
    stopped?.reject(new WorkCancelled());
    for (const job of others) jobs.run(job.request, job.work).then(job.resolve, job.reject);
  };

  /** The worker, started once however many jobs ask for it at the same time. */
  function ready(): Promise<Worker | undefined> {
    if (inPage) return Promise.resolve(undefined);
    starting ??= spawn().then((w) => {
      if (!w) inPage = true;
      else {
        w.onmessage = onReply;
        w.onerror = onBroken;
      }
      return (worker = w);
    });
    return starting;
  }

  const jobs: XlsxJobs = {
    get usedWorker() {
      return usedWorker;
    },
    async run(request, work) {
      if (work?.signal?.aborted) throw new WorkCancelled();
      const w = await ready();
      if (!w) return runInPage(request, work);
      if (work?.signal?.aborted) throw new WorkCancelled();
      const id = ++ids;
      return new Promise((resolve, reject) => {
        pending.set(id, { request, work, resolve: resolve as (r: unknown) => void, reject });
        work?.signal?.addEventListener("abort", () => pending.has(id) && stop(id), { once: true });
        const message: JobMessage = { id, request };
        w.postMessage(message);
      });
    },
  };
  return jobs;
}
