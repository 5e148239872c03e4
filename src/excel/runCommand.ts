/**
 * What the ribbon buttons and the pane run against the open workbook: thin Excel.run wrappers around core's
 * checkWorkbook / planScoreWorkbook and this adapter's read, apply and revert.
 */
import { checkWorkbook, WorkbookCheck } from "../core/check/checkWorkbook";
import { criteriaFromWorkbook } from "../core/criteria/fromWorkbook";
import { indexSet, IndexedSet } from "../core/criteria/indexed";
import { Lang } from "../core/i18n/lang";
import { TypedCellConflict } from "../core/plan/unitPlan";
import { sheetMarkerName } from "../core/owned/names";
import { planScoreWorkbook } from "../core/plan/workbookPlan";
import { WritePlan } from "../core/port";
import { applyPlan, ApplyReport } from "./applyPlan";
import { criteriaSheetOf } from "./criteriaSheet";
import {
  CriteriaMissingError,
  CriteriaRefusedError,
  HostTooOldError,
  NothingToRevertError,
  ProtectedSheetsError,
  SnapshotUnreadableError,
  TypedCellsNotConfirmedError,
  WorkbookChangedError,
} from "./errors";
import { ExcelWorkbookRead } from "./excelRead";
import { excelRun, ExcelRunner } from "./excelRunner";
import { readWorkbook } from "./readWorkbook";
import { revertLastRun, RevertReport } from "./revertLastRun";
import { summaryChartOps } from "./summaryChart";

export { isAddinWriting } from "./writeGuard";
export type { ExcelRunner };
/** What the commands throw; each has a code and says itself in Vietnamese or English (messageFor). */
export {
  CriteriaMissingError,
  CriteriaRefusedError,
  HostTooOldError,
  NothingToRevertError,
  ProtectedSheetsError,
  SnapshotUnreadableError,
  TypedCellsNotConfirmedError,
  WorkbookChangedError,
};

export type CommandName = "check" | "score" | "summary";

export interface CommandOptions {
  /** A set loaded in the pane; else the workbook's own "Bộ tiêu chí" sheet. */
  criteria?: IndexedSet;
  lang?: Lang;
  run?: ExcelRunner;
}

export interface ScoreOptions extends CommandOptions {
  /** Shown the typed values about to become formulas; nothing is written unless it answers true. */
  confirmTypedCells?: (conflicts: TypedCellConflict[]) => boolean | Promise<boolean>;
}

export interface CheckOutcome {
  set: IndexedSet;
  check: WorkbookCheck;
  read: ExcelWorkbookRead;
}

export type ScoreOutcome =
  | ({ status: "written"; conflicts: TypedCellConflict[]; apply: ApplyReport } & CheckOutcome)
  | ({ status: "cancelled"; conflicts: TypedCellConflict[] } & CheckOutcome);

export function checkActiveWorkbook(options: CommandOptions = {}): Promise<CheckOutcome> {
  return (options.run ?? excelRun)((context) => readAndCheck(context, options));
}

/** Unit sheet formulas, conditional formats, validations and the "Tổng hợp" sheet with its chart. */
export function scoreActiveWorkbook(options: ScoreOptions = {}): Promise<ScoreOutcome> {
  return (options.run ?? excelRun)((context) => writeScores(context, options, (plan) => plan));
}

/**
 * Rebuilds "Tổng hợp" only, when every unit sheet already has its index row (scored before); otherwise the
 * summary would point at cells that do not exist yet, so the whole score plan is written.
 */
export function summarizeActiveWorkbook(options: ScoreOptions = {}): Promise<ScoreOutcome> {
  return (options.run ?? excelRun)((context) =>
    writeScores(context, options, (plan, check) =>
      check.units.every((u) => u.check.unit.indexRow) ? summaryOnly(plan) : plan
    )
  );
}

export function revertActiveWorkbook(
  options: Pick<CommandOptions, "run"> = {}
): Promise<RevertReport> {
  return (options.run ?? excelRun)((context) => revertLastRun(context));
}

/** Ribbon buttons have no pane to ask in: typed values are never overwritten from there. */
export async function runCommand(name: CommandName): Promise<void> {
  if (name === "check") {
    await checkActiveWorkbook();
    return;
  }
  const outcome = await (name === "score" ? scoreActiveWorkbook : summarizeActiveWorkbook)({
    confirmTypedCells: () => false,
  });
  if (outcome.status === "cancelled") throw new TypedCellsNotConfirmedError(outcome.conflicts);
}

async function readAndCheck(
  context: Excel.RequestContext,
  options: CommandOptions
): Promise<CheckOutcome> {
  const read = await readWorkbook(context);
  const set = criteriaFor(read, options);
  return { set, read, check: checkWorkbook(set, read) };
}

async function writeScores(
  context: Excel.RequestContext,
  options: ScoreOptions,
  narrow: (plan: WritePlan, check: WorkbookCheck) => WritePlan
): Promise<ScoreOutcome> {
  const checked = await readAndCheck(context, options);
  const scored = planScoreWorkbook(checked.set, checked.read, checked.check.units);
  const plan = narrow(scored.plan, checked.check);
  const written = new Set(plan.ranges.map((r) => r.sheet));
  const conflicts = scored.conflicts.filter((c) => written.has(c.sheet));
  if (conflicts.length && !(await options.confirmTypedCells?.(conflicts)))
    return { status: "cancelled", conflicts, ...checked };
  const apply = await applyPlan(context, plan, {
    read: checked.read,
    extraWrites: summaryChartOps(plan, checked.check.units.length, checked.read),
  });
  return { status: "written", conflicts, apply, ...checked };
}

function criteriaFor(read: ExcelWorkbookRead, options: CommandOptions): IndexedSet {
  if (options.criteria) return options.criteria;
  const own = criteriaFromWorkbook(read, options.lang ?? "vi");
  if (!own) throw new CriteriaMissingError();
  if (!own.ok) throw new CriteriaRefusedError(own.problems, criteriaSheetOf(read));
  return indexSet(own.set);
}

/** The plan's summary sheet (found by its role: it may have a free name) and its marker, nothing else. */
function summaryOnly(plan: WritePlan): WritePlan {
  const sheet = plan.sheets.find((s) => s.role === "summary")?.name;
  const marker = sheetMarkerName("summary");
  return {
    sheets: plan.sheets.filter((s) => s.name === sheet),
    ranges: plan.ranges.filter((r) => r.sheet === sheet),
    styles: plan.styles.filter((s) => s.sheet === sheet),
    conditionalFormats: plan.conditionalFormats.filter((c) => c.sheet === sheet),
    validations: plan.validations.filter((v) => v.sheet === sheet),
    names: plan.names.filter((n) => n.name === marker),
  };
}
