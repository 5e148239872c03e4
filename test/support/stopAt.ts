import type { WorkOptions, WorkProgress } from "../../src/taskpane/work";

/** Work options that record every progress report and stop the run (the person's "Dừng") at the first of `at`. */
export function stopAt(at: WorkProgress["step"]): {
  seen: WorkProgress[];
  steps: () => string[];
  work: WorkOptions;
} {
  const controller = new AbortController();
  const seen: WorkProgress[] = [];
  return {
    seen,
    steps: () => seen.map((p) => p.step),
    work: {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p);
        if (p.step === at) controller.abort();
      },
    },
  };
}
