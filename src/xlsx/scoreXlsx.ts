import type { Workbook } from "exceljs";
import { checkWorkbook, WorkbookCheck } from "../core/check/checkWorkbook";
import { IndexedSet } from "../core/criteria/indexed";
import { InputError } from "../core/inputError";
import { protectedSheetsIn } from "../core/plan/protectedSheets";
import { planScoreWorkbook, ScorePlan } from "../core/plan/workbookPlan";
import { WorkbookRead } from "../core/port";
import { applyPlan } from "./applyPlan";
import { undoSheetMarkers } from "../core/snapshot/runRecord";
import { snapshotBeforeApply, storeSnapshot } from "./snapshot";

export interface ScoredWorkbook {
  result: WorkbookCheck;
  scored: ScorePlan;
  bytes: Uint8Array;
}

/**
 * The whole "Tính điểm" on an .xlsx held in memory: check, plan, refuse protected sheets, keep the undo
 * snapshot, apply, serialize.
 * Shared by the command line and the pane's browser mode; the input workbook object is changed, its bytes are not.
 */
export async function scoreLoadedWorkbook(
  book: Workbook,
  wb: WorkbookRead,
  set: IndexedSet,
  file?: string
): Promise<ScoredWorkbook> {
  const result = checkWorkbook(set, wb, file);
  const scored = planScoreWorkbook(set, wb, result.units);
  const blocked = protectedSheetsIn(wb, scored.plan);
  if (blocked.length) throw new InputError("sheet-protected", { sheets: blocked.join(", ") });
  const snapshot = snapshotBeforeApply(book, wb, scored.plan);
  applyPlan(book, scored.plan);
  storeSnapshot(book, snapshot, undoSheetMarkers(scored.plan).names);
  return { result, scored, bytes: new Uint8Array(await book.xlsx.writeBuffer()) };
}
