/**
 * Long work in the pane (checking, scoring, comparing hundreds of sheets): what a session tells of its progress and
 * how the person stops it. No core here: the pane's initial chunk imports this file.
 */
import { afterPaint } from "./modes/pageBreaks";

/** A stage of a run (core's RunStep), plus reading a second file (compare's older version). */
export type WorkStep = "reading" | "checking" | "writing" | "readingOther" | "comparing";

export interface WorkProgress {
  step: WorkStep;
  /** Where the stage counts its parts (Excel's write batches): parts done, of `total`. */
  done?: number;
  total?: number;
}

/** Given to a session's long actions: where to report, and the signal that stops them. */
export interface WorkOptions {
  onProgress?: (progress: WorkProgress) => void;
  /** Honoured between stages and until writing starts; a write is never stopped halfway. */
  signal?: AbortSignal;
}

/** The run was stopped by the person: nothing was written. */
export class WorkCancelled extends Error {
  readonly code = "cancelled";
  constructor() {
    super("cancelled");
    this.name = "WorkCancelled";
  }
}

export function isCancelled(error: unknown): boolean {
  return error instanceof WorkCancelled;
}

/** Throws WorkCancelled when the person has stopped the run. */
export function stopIfCancelled(work: WorkOptions | undefined): void {
  if (work?.signal?.aborted) throw new WorkCancelled();
}

/**
 * Core's onStep for a run: reports each stage, stops before the next one when the person asked, and lets the page
 * paint the stage's label and take a click on "Dừng" (core's stages are otherwise back to back in one task).
 */
export function stepReporter(work: WorkOptions | undefined): (step: WorkStep) => Promise<void> {
  let writing = false;
  return async (step) => {
    if (!writing) stopIfCancelled(work);
    if (step === "writing") writing = true;
    work?.onProgress?.({ step });
    await afterPaint();
    if (!writing) stopIfCancelled(work);
  };
}
