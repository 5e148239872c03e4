import { WorkbookCheck } from "../check/checkWorkbook";
import { sheetProtected } from "../errors/domainError";
import { sheetMarkerName } from "../owned/names";
import { protectedSheetsIn } from "../plan/protectedSheets";
import { comparePrevious, PreviousComparison } from "../previous/compare";
import { LastYear } from "../previous/lastYear";
import { TypedCellConflict } from "../plan/unitPlan";
import { planScoreWorkbook, ScorePlan } from "../plan/workbookPlan";
import { WritePlan } from "../port";
import { check, CheckOptions, Checked } from "./check";
import { WorkbookPort } from "./workbookPort";

export interface ScoreOptions extends CheckOptions {
  /** Shown the typed values about to become formulas; nothing is written unless it answers true (the command
   * line answers true: it replaces them and says so). */
  confirmTypedCells: (conflicts: TypedCellConflict[]) => boolean | Promise<boolean>;
  /** Last year's results (`summary --previous`, the pane's summary with a last-year file): beside this year's. */
  previous?: LastYear;
  /** Told how far the write has gone (the Excel adapter: batches sent of all), where the adapter can say. */
  onWritten?: (done: number, total: number) => void;
}

export type ScoreOutcome<Applied> =
  | ({
      status: "written";
      /** The typed values the run replaced (on the sheets it wrote). */
      conflicts: TypedCellConflict[];
      scored: ScorePlan;
      plan: WritePlan;
      applied: Applied;
      /** With `previous`: this year's units matched against last year's. */
      previous?: PreviousComparison;
    } & Checked)
  | ({ status: "cancelled"; conflicts: TypedCellConflict[] } & Checked);

/**
 * "Tính điểm": check, plan (unit sheet formulas, conditional formats, validations, the summary sheet), ask about
 * typed values that would become formulas, refuse protected sheets, then write the plan with its undo snapshot.
 */
export function score<A>(port: WorkbookPort<A>, options: ScoreOptions): Promise<ScoreOutcome<A>> {
  return write(port, options, (plan) => plan);
}

/**
 * "Tổng hợp" in the workbook: rebuilds the summary sheet only, when every unit sheet already has its index row
 * (scored before); otherwise the summary would point at cells that do not exist yet, so the whole score plan is
 * written.
 */
export function summarize<A>(
  port: WorkbookPort<A>,
  options: ScoreOptions
): Promise<ScoreOutcome<A>> {
  return write(port, options, (plan, checked) =>
    checked.units.every((u) => u.check.unit.indexRow) ? summaryOnly(plan) : plan
  );
}

async function write<A>(
  port: WorkbookPort<A>,
  options: ScoreOptions,
  narrow: (plan: WritePlan, check: WorkbookCheck) => WritePlan
): Promise<ScoreOutcome<A>> {
  const checked = await check(port, options, "write");
  const units = checked.check.units;
  const previous =
    options.previous &&
    comparePrevious(
      checked.set,
      units.map((u) => ({ name: u.name, sheet: u.sheet, index: u.scores.index, rank: u.rank })),
      options.previous
    );
  const scored = planScoreWorkbook(checked.set, checked.read, units, previous?.units);
  const plan = narrow(scored.plan, checked.check);
  const written = new Set(plan.ranges.map((r) => r.sheet));
  const conflicts = scored.conflicts.filter((c) => written.has(c.sheet));
  if (conflicts.length && !(await options.confirmTypedCells(conflicts)))
    return { status: "cancelled", conflicts, ...checked };
  const blocked = protectedSheetsIn(checked.read, plan);
  if (blocked.length) throw sheetProtected(blocked);
  await options.onStep?.("writing");
  const applied = await port.apply(plan, {
    read: checked.read,
    units: checked.check.units.length,
    ...(options.onWritten ? { onWritten: options.onWritten } : {}),
  });
  return {
    status: "written",
    conflicts,
    scored,
    plan,
    applied,
    ...(previous ? { previous } : {}),
    ...checked,
  };
}

/** The plan's summary sheet (found by its role: it may have a free name) and its marker, nothing else. */
export function summaryOnly(plan: WritePlan): WritePlan {
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
