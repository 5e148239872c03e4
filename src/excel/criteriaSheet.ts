/**
 * An imported criteria set written to the workbook's criteria sheet, through applyPlan like every other run:
 * refused on a protected sheet, verified against the read, and stored in the undo snapshot (revert removes
 * a sheet it added, or puts back the one it replaced).
 */
import { CRITERIA_SHEET, isCriteriaSheetName } from "../core/check/sheetNames";
import { CriteriaSet } from "../core/criteria/model";
import { criteriaToRows } from "../core/criteria/sheetForm";
import { WorkbookRead, WritePlan } from "../core/port";
import { applyPlan } from "./applyPlan";
import { excelRun, ExcelRunner } from "./excelRunner";
import { readWorkbook } from "./readWorkbook";

/** Column widths of the criteria sheet, in characters: code, name, level, max, weight, rule, params, … */
const CRITERIA_COLUMN_WIDTHS = [10, 50, 6, 10, 10, 12, 36, 12, 14, 10, 10];

/** The plan that replaces the criteria sheet's content with `set` (the sheet is owned: rebuilt whole). */
export function criteriaSheetPlan(set: CriteriaSet, sheet: string): WritePlan {
  const rows = criteriaToRows(set);
  const width = Math.max(...rows.map((r) => r.length));
  return {
    sheets: [{ name: sheet, owned: true, columnWidths: CRITERIA_COLUMN_WIDTHS }],
    ranges: [
      {
        sheet,
        at: "A1",
        cells: rows.map((r) => Array.from({ length: width }, (_, i) => ({ value: r[i] ?? null }))),
      },
    ],
    styles: [],
    conditionalFormats: [],
    validations: [],
    names: [],
  };
}

/** The workbook's criteria sheet by its name there ("Bộ tiêu chí", "Criteria", …), else "Bộ tiêu chí". */
export function criteriaSheetOf(read: WorkbookRead): string {
  return read.sheets.find((s) => isCriteriaSheetName(s.name))?.name ?? CRITERIA_SHEET;
}

/**
 * Writes `set` to the workbook's criteria sheet (the existing "Bộ tiêu chí"/"Criteria" sheet, else a new
 * "Bộ tiêu chí"), replacing its content. Returns the sheet's name.
 */
export async function writeCriteriaSheet(
  set: CriteriaSet,
  options: { run?: ExcelRunner } = {}
): Promise<string> {
  return (options.run ?? excelRun)(async (context) => {
    const read = await readWorkbook(context);
    const sheet = criteriaSheetOf(read);
    await applyPlan(context, criteriaSheetPlan(set, sheet), { read });
    return sheet;
  });
}
