import { WorkbookPort } from "../core/usecases/workbookPort";
import { applyPlan, ApplyReport } from "./applyPlan";
import { ExcelWorkbookRead } from "./excelRead";
import { excelRun, ExcelRunner } from "./excelRunner";
import { ExcelNotice, formatsLeftAlone, freeNameNotices } from "./notices";
import { DEFAULT_PAYLOAD_BUDGET } from "./payload";
import { readWorkbook } from "./readWorkbook";
import { ExcelReverted, LoadedRun, loadLastRun, revertLoadedRun } from "./revertLastRun";
import { summaryChartOps } from "./summaryChart";

export interface ExcelApplied {
  apply: ApplyReport;
  /** What the run could not do, for the person (e.g. conditional formats Excel could not read). */
  notices: ExcelNotice[];
}

export type ExcelWorkbookPort = WorkbookPort<ExcelApplied, ExcelReverted>;

/**
 * The Excel adapter's side of the use cases, over one Excel.run's context: each call is a few batched syncs
 * (readWorkbook, applyPlan, loadLastRun and revertLoadedRun count theirs), never one per row. The port keeps
 * what it read for the write that follows: the read with its Excel-only parts (the summary chart needs them)
 * and the sheet list and rules loaded with the undo snapshot.
 */
export function excelWorkbookPort(
  context: Excel.RequestContext,
  options: { payloadBudget?: number } = {}
): ExcelWorkbookPort {
  const budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
  const reads = new WeakSet<ExcelWorkbookRead>();
  const runs = new WeakSet<LoadedRun>();
  return {
    async read(purpose) {
      // A check reads no conditional formats: it does not need them, and some make Excel's read fail.
      const read = await readWorkbook(
        context,
        purpose === "check" ? { conditionalFormats: false } : {}
      );
      reads.add(read);
      return read;
    },
    async apply(plan, about) {
      const read = about.read as ExcelWorkbookRead;
      if (!reads.has(read)) throw new Error("the plan was not made from this workbook's read");
      const apply = await applyPlan(context, plan, {
        read,
        extraWrites: summaryChartOps(plan, about.units, read),
        payloadBudget: options.payloadBudget,
        onWritten: about.onWritten,
      });
      const notices = [
        ...freeNameNotices(plan, read),
        ...formatsLeftAlone("formats-not-updated", apply.skippedFormatSheets),
      ];
      return { apply, notices };
    },
    async lastRun() {
      const run = await loadLastRun(context, budget);
      if (run) runs.add(run);
      return run;
    },
    async revert(run, check) {
      if (!runs.has(run as LoadedRun)) throw new Error("the run was not loaded from this workbook");
      return revertLoadedRun(context, run as LoadedRun, check);
    },
  };
}

/** `work` on the open workbook's port, inside one Excel.run (`run`: tests pass their own). */
export function withActiveWorkbook<T>(
  work: (port: ExcelWorkbookPort) => Promise<T>,
  run: ExcelRunner = excelRun
): Promise<T> {
  return run((context) => work(excelWorkbookPort(context)));
}

/** The criteria sheet the pane imports into the open workbook, and finding the workbook's own. */
export { criteriaSheetOf, readCriteriaSheet, writeCriteriaSheet } from "./criteriaSheet";

/** "Tạo bộ tiêu chí từ trang này": a criteria sheet drafted from the active sheet's scoring form. */
export { draftCriteriaFromActiveSheet } from "./draftCriteriaSheet";

/** Copying other workbooks' sheets into the open one ("Tổng hợp nhiều sổ"). */
export { insertSheets } from "./insertSheets";
export type { InsertReport, WorkbookToCopy } from "./insertSheets";
