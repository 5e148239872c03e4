/**
 * The add-in's commands on the fake Excel as the pane and the ribbon run them: core's use cases over the Excel
 * adapter's port, inside one Excel.run, their outcomes flattened into the shapes these tests assert on (syncs,
 * notices, conflicts).
 */
import { IndexedSet } from "../../src/core/criteria/indexed";
import { Lang } from "../../src/core/i18n/lang";
import { TypedCellConflict } from "../../src/core/plan/unitPlan";
import { RevertConflict } from "../../src/core/snapshot/revertConflicts";
import { check, Checked } from "../../src/core/usecases/check";
import { revert } from "../../src/core/usecases/revert";
import { score, ScoreOptions, summarize } from "../../src/core/usecases/score";
import { ExcelWorkbookRead } from "../../src/excel/excelRead";
import { ExcelRunner } from "../../src/excel/excelRunner";
import {
  excelWorkbookPort,
  ExcelApplied,
  withActiveWorkbook,
} from "../../src/excel/excelWorkbookPort";
import { ExcelNotice } from "../../src/excel/notices";
import { LoadedRun } from "../../src/excel/revertLastRun";

export interface CommandOptions {
  criteria?: IndexedSet;
  lang?: Lang;
  run?: ExcelRunner;
}

/** The Excel port's reads are the adapter's own, with what only Excel tells. */
type ExcelChecked = Omit<Checked, "read"> & { read: ExcelWorkbookRead };

export type ScoreOutcome =
  | ({ status: "written"; conflicts: TypedCellConflict[] } & ExcelApplied & ExcelChecked)
  | ({ status: "cancelled"; conflicts: TypedCellConflict[] } & ExcelChecked);

export type RevertReport =
  | {
      status: "reverted";
      syncs: number;
      restoredCells: number;
      notices: ExcelNotice[];
      conflicts: RevertConflict[];
    }
  | { status: "conflicts"; syncs: number; conflicts: RevertConflict[]; notices: ExcelNotice[] };

export function checkActiveWorkbook(options: CommandOptions = {}): Promise<Checked> {
  return withActiveWorkbook(
    (port) => check(port, { given: options.criteria, lang: options.lang ?? "vi" }),
    options.run
  );
}

type WriteOptions = CommandOptions & Partial<Pick<ScoreOptions, "confirmTypedCells">>;

/** Without confirmTypedCells, typed values are not replaced (as the ribbon). */
export function scoreActiveWorkbook(options: WriteOptions = {}): Promise<ScoreOutcome> {
  return writing(score, options);
}

export function summarizeActiveWorkbook(options: WriteOptions = {}): Promise<ScoreOutcome> {
  return writing(summarize, options);
}

async function writing(useCase: typeof score, options: WriteOptions): Promise<ScoreOutcome> {
  const outcome = await withActiveWorkbook(
    (port) =>
      useCase(port, {
        given: options.criteria,
        lang: options.lang ?? "vi",
        confirmTypedCells: options.confirmTypedCells ?? (() => false),
      }),
    options.run
  );
  if (outcome.status === "cancelled")
    return { ...outcome, read: outcome.read as ExcelWorkbookRead };
  const { applied, scored: _scored, plan: _plan, ...rest } = outcome;
  return { ...rest, read: rest.read as ExcelWorkbookRead, ...applied };
}

export function revertActiveWorkbook(
  options: Pick<CommandOptions, "run"> & { restoreSafe?: boolean } = {}
): Promise<RevertReport> {
  return withActiveWorkbook((port) => revertWith(port, options), options.run);
}

/** Undo on a context a test holds (with a payload budget of its own, where given). */
export function revertIn(
  context: Excel.RequestContext,
  options: { restoreSafe?: boolean; payloadBudget?: number } = {}
): Promise<RevertReport> {
  return revertWith(excelWorkbookPort(context, options), options);
}

async function revertWith(
  port: ReturnType<typeof excelWorkbookPort>,
  options: { restoreSafe?: boolean }
): Promise<RevertReport> {
  const outcome = await revert(port, { restoreSafe: options.restoreSafe });
  if (outcome.status === "conflicts")
    return {
      status: "conflicts",
      syncs: (outcome.run as LoadedRun).syncs,
      conflicts: outcome.conflicts,
      notices: [],
    };
  return { status: "reverted", ...outcome.reverted, conflicts: outcome.conflicts };
}
