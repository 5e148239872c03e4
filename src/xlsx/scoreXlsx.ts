import { checkWorkbook, WorkbookCheck } from "../core/check/checkWorkbook";
import { IndexedSet } from "../core/criteria/indexed";
import { InputError } from "../core/inputError";
import { protectedSheetsIn } from "../core/plan/protectedSheets";
import { planScoreWorkbook, ScorePlan } from "../core/plan/workbookPlan";
import { WorkbookRead } from "../core/port";
import { patchPackage } from "./package/patchPackage";

export interface ScoredWorkbook {
  result: WorkbookCheck;
  scored: ScorePlan;
  bytes: Uint8Array;
}

/**
 * The whole "Tính điểm" on an .xlsx held in memory: check, plan, refuse protected sheets, then write the plan
 * into the file's own package (src/xlsx/package), keeping the undo snapshot there. `read` is the workbook as the
 * reader gave it; `bytes` are never changed. Shared by the command line and the pane's browser mode.
 */
export async function scoreXlsx(
  bytes: Uint8Array,
  read: WorkbookRead,
  set: IndexedSet,
  file?: string
): Promise<ScoredWorkbook> {
  const result = checkWorkbook(set, read, file);
  const scored = planScoreWorkbook(set, read, result.units);
  const blocked = protectedSheetsIn(read, scored.plan);
  if (blocked.length) throw new InputError("sheet-protected", { sheets: blocked.join(", ") });
  return { result, scored, bytes: await patchPackage(bytes, read, scored.plan) };
}
