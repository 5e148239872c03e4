/**
 * The worker's side of the .xlsx jobs: answers each JobMessage with its progress, then its result or error.
 * xlsxWorker.ts serves the worker's global scope with it; the tests serve a fake worker's.
 */
import { createJobRunner } from "./xlsxJobs";
import { jobError, type JobMessage, type JobReply } from "./xlsxJobProtocol";

export interface JobScope {
  onmessage: ((event: MessageEvent<JobMessage>) => void) | null;
  postMessage(message: JobReply, transfer?: Transferable[]): void;
}

export function serveJobs(scope: JobScope): void {
  const runner = createJobRunner();
  scope.onmessage = ({ data: { id, request } }) => {
    runner
      .run(request, (progress) => scope.postMessage({ id, progress }))
      .then(
        (result) =>
          // The scored package's bytes move to the page rather than being copied.
          scope.postMessage(
            { id, result },
            "bytes" in result && result.bytes instanceof Uint8Array ? [result.bytes.buffer] : []
          ),
        (error: unknown) => scope.postMessage({ id, error: jobError(error) })
      );
  };
}
