/**
 * "Tạo bộ tiêu chí từ sổ này" in the browser mode: a criteria set drafted from the open file's scoring form (its
 * first sheet the reader knows as one), as an .xlsx holding the "Bộ tiêu chí" sheet with its "Cần xác nhận"
 * column, to download; the open file is never changed. A file that already has a criteria sheet keeps using it.
 */
import { CRITERIA_SHEET, isCriteriaSheetName } from "../../core/check/sheetNames";
import { Draft } from "../../core/criteria/fromForm/draft";
import { draftFromForm } from "../../core/criteria/fromForm/draftFromForm";
import { draftSheetPlan } from "../../core/criteria/fromForm/draftSheetPlan";
import { formSheet } from "../../core/criteria/fromForm/formSheet";
import { WorkbookRead } from "../../core/port";
import { newWorkbook } from "../../xlsx/xlsxFilePort";
import type { Lang } from "../i18n";
import type { DraftOutcome } from "../session";
import { draftNoteLines, problemViews } from "./coreViews";

export type BrowserDraft =
  | {
      status: "drafted";
      draft: Draft;
      outcome: Omit<Extract<DraftOutcome, { status: "written" }>, "check">;
    }
  | Exclude<DraftOutcome, { status: "written" }>;

/** "xa-mau.xlsx" → "xa-mau-bo-tieu-chi.xlsx". */
export function draftFileName(fileName: string): string {
  return `${fileName.replace(/\.xlsx$/i, "") || "so-tinh"}-bo-tieu-chi.xlsx`;
}

export async function draftFromOpenFile(
  read: WorkbookRead,
  fileName: string,
  lang: Lang
): Promise<BrowserDraft> {
  const existing = read.sheets.find((s) => isCriteriaSheetName(s.name));
  if (existing) return { status: "exists", sheet: existing.name };
  const grid = formSheet(read);
  const result = grid ? draftFromForm(grid) : undefined;
  if (!result || (!result.ok && result.reason === "no-form"))
    return { status: "no-form", from: grid?.name ?? fileName };
  if (!result.ok)
    return { status: "refused", from: grid!.name, problems: problemViews(result.problems) };
  const { draft } = result;
  const bytes = await newWorkbook(draftSheetPlan(draft));
  return {
    status: "drafted",
    draft,
    outcome: {
      status: "written",
      sheet: CRITERIA_SHEET,
      from: draft.sheet,
      toConfirm: draft.toConfirm.length,
      notes: draftNoteLines(draft.notes, lang),
      download: { bytes, fileName: draftFileName(fileName) },
    },
  };
}
