/**
 * The heavy .xlsx work of the pane — reading a workbook with ExcelJS, scoring it into new bytes — run the same in a
 * Web Worker (xlsxWorker.ts, off the page's thread) or in the page (xlsxWorkerClient.ts, where no worker can be
 * made). Requests and results: xlsxJobProtocol.ts.
 */
import { indexSet } from "../../core/criteria/indexed";
import type { WorkbookRead } from "../../core/port";
import type { Report } from "../../core/report/report";
import { score } from "../../core/usecases/score";
import { loadWorkbookBytes, readWorkbook } from "../../xlsx/xlsxFilePort";
import { xlsxWorkbookPort } from "../../xlsx/xlsxWorkbookPort";
import { reportWith } from "./coreViews";
import type { JobProgress, JobRequest, JobResult, ScoreResult } from "./xlsxJobProtocol";

export interface JobRunner {
  run<R extends JobRequest>(
    request: R,
    onProgress: (p: JobProgress) => void | Promise<void>
  ): Promise<JobResult<R>>;
}

/** A runner holding at most one kept read (the open workbook's), as the worker does. */
export function createJobRunner(): JobRunner {
  let kept: { id: number; read: WorkbookRead } | undefined;
  const readBytes = async (
    bytes: Uint8Array,
    onProgress: (p: JobProgress) => void | Promise<void>
  ) => {
    await onProgress({ step: "reading" });
    return readWorkbook(await loadWorkbookBytes(bytes, { readOnly: true }));
  };

  /** The kept read where the request names it, else the request's bytes read now. */
  const readOf = (
    request: { bytes: Uint8Array; kept?: number },
    onProgress: (p: JobProgress) => void | Promise<void>
  ) =>
    kept && kept.id === request.kept
      ? Promise.resolve(kept.read)
      : readBytes(request.bytes, onProgress);

  /** The same findings and units as `cchc check`. */
  async function checkJob(
    request: Extract<JobRequest, { kind: "check" }>,
    onProgress: (p: JobProgress) => void | Promise<void>
  ): Promise<Report> {
    const read = await readOf(request, onProgress);
    await onProgress({ step: "checking" });
    return reportWith(indexSet(request.given), read, request.lang, request.file);
  }

  async function scoreJob(
    request: Extract<JobRequest, { kind: "score" }>,
    onProgress: (p: JobProgress) => void | Promise<void>
  ): Promise<ScoreResult> {
    const read = await readOf(request, onProgress);
    const done = await score(xlsxWorkbookPort(request.bytes, read), {
      ...(request.given ? { given: indexSet(request.given) } : {}),
      lang: request.lang,
      file: request.file,
      // The picked file is never changed, so typed values are replaced without asking (listed after).
      confirmTypedCells: () => true,
      onStep: (step) => onProgress({ step }),
    });
    if (done.status !== "written") throw new Error("typed cells not confirmed");
    const conflicts = done.scored.conflicts.map((c) => ({
      sheet: c.sheet,
      cell: c.cell,
      value: c.value,
      formula: c.formula,
    }));
    return { bytes: done.applied.bytes, conflicts };
  }

  return {
    async run(request, progress) {
      // A score that reads the file itself reports "reading" before core's check says it again: once is enough.
      let last: string | undefined;
      const onProgress = (p: JobProgress) => {
        if (p.step === last && p.done === undefined) return;
        last = p.step;
        return progress(p);
      };
      if (request.kind === "score")
        return (await scoreJob(request, onProgress)) as JobResult<typeof request>;
      if (request.kind === "check")
        return (await checkJob(request, onProgress)) as JobResult<typeof request>;
      const read = await readBytes(request.bytes, onProgress);
      if (request.keep !== undefined) kept = { id: request.keep, read };
      return read as JobResult<typeof request>;
    },
  };
}
