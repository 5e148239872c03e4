/**
 * "Tạo bộ tiêu chí từ trang này" (issue 13 item 1): a criteria set drafted from the active sheet, a scoring form
 * in any layout the reader knows (core/criteria/fromForm), written as a new criteria sheet with its "Cần xác nhận"
 * column, through applyPlan like every run (undo removes it). A workbook that already has a criteria sheet keeps
 * it: the draft is not written over a set someone may have reviewed.
 */
import { CRITERIA_SHEET, isCriteriaSheetName } from "../core/check/sheetNames";
import { Draft, DraftNote } from "../core/criteria/fromForm/draft";
import { draftFromForm } from "../core/criteria/fromForm/draftFromForm";
import { draftSheetPlan } from "../core/criteria/fromForm/draftSheetPlan";
import { formSheet } from "../core/criteria/fromForm/formSheet";
import { Problem } from "../core/problem";
import { applyPlan } from "./applyPlan";
import { excelRun, ExcelRunner } from "./excelRunner";
import { readWorkbook } from "./readWorkbook";

export type DraftWritten =
  | { status: "written"; sheet: string; from: string; draft: Draft; notes: DraftNote[] }
  /** The workbook has a criteria sheet already: nothing written. */
  | { status: "exists"; sheet: string }
  /** The active sheet is not a scoring form the reader knows. */
  | { status: "no-form"; from: string }
  /** The form reads, but the set drafted from it does not hold (its problems). */
  | { status: "refused"; from: string; problems: Problem[] };

export async function draftCriteriaFromActiveSheet(
  options: { run?: ExcelRunner } = {}
): Promise<DraftWritten> {
  return (options.run ?? excelRun)(async (context) => {
    const active = context.workbook.worksheets.getActiveWorksheet().load("name");
    const read = await readWorkbook(context);
    const existing = read.sheets.find((s) => isCriteriaSheetName(s.name));
    if (existing) return { status: "exists", sheet: existing.name };
    const grid = formSheet(read, active.name);
    const result = grid ? draftFromForm(grid) : undefined;
    if (!result || (!result.ok && result.reason === "no-form"))
      return { status: "no-form", from: active.name };
    if (!result.ok) return { status: "refused", from: active.name, problems: result.problems };
    const { draft } = result;
    await applyPlan(context, draftSheetPlan(draft), { read });
    return {
      status: "written",
      sheet: CRITERIA_SHEET,
      from: active.name,
      draft,
      notes: draft.notes,
    };
  });
}
