/**
 * Office.js pieces the pane needs that src/excel does not offer (yet): going to a cell, listening for
 * worksheet changes, and writing an imported criteria set to the workbook's criteria sheet. Kept small and
 * in one place so that they can move into src/excel as they are; the criteria sheet goes through src/excel's
 * applyPlan, so it is protected-sheet checked, verified and revertable like every other run.
 */
import { CRITERIA_SHEET, isCriteriaSheetName } from "../../core/check/sheetNames";
import { CriteriaSet } from "../../core/criteria/model";
import { criteriaToRows } from "../../core/criteria/sheetForm";
import { WritePlan } from "../../core/port";
import { applyPlan } from "../../excel/applyPlan";
import { readWorkbook } from "../../excel/readWorkbook";

/** Activates `sheet` and selects `cell` on it (A1), or only activates the sheet. */
export async function goToCell(sheet: string, cell: string | undefined): Promise<void> {
  await Excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    if (cell) worksheet.getRange(cell).select();
    await context.sync();
  });
}

/**
 * Calls `onChange` on every change to any worksheet's cells and when sheets are added or deleted
 * (ExcelApi 1.9 / 1.7). Returns a function that removes the handlers.
 */
export async function onWorkbookChanged(onChange: () => void): Promise<() => Promise<void>> {
  const handler = async () => onChange();
  const results = await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const added = [
      sheets.onChanged.add(handler),
      sheets.onAdded.add(handler),
      sheets.onDeleted.add(handler),
    ];
    await context.sync();
    return added;
  });
  return async () => {
    await Excel.run(results[0].context, async (context) => {
      for (const result of results) result.remove();
      await context.sync();
    });
  };
}

const CRITERIA_COLUMN_WIDTHS = [10, 50, 6, 10, 10, 12, 36, 12, 14, 10, 10];

/**
 * Writes `set` to the workbook's criteria sheet (the existing "Bộ tiêu chí"/"Criteria" sheet, else a new
 * "Bộ tiêu chí"), replacing its content. Returns the sheet's name.
 */
export async function writeCriteriaSheet(set: CriteriaSet): Promise<string> {
  return Excel.run(async (context) => {
    const read = await readWorkbook(context);
    const sheet = read.sheets.find((s) => isCriteriaSheetName(s.name))?.name ?? CRITERIA_SHEET;
    const rows = criteriaToRows(set);
    const width = Math.max(...rows.map((r) => r.length));
    const plan: WritePlan = {
      sheets: [{ name: sheet, owned: true, columnWidths: CRITERIA_COLUMN_WIDTHS }],
      ranges: [
        {
          sheet,
          at: "A1",
          cells: rows.map((r) =>
            Array.from({ length: width }, (_, i) => ({ value: r[i] ?? null }))
          ),
        },
      ],
      styles: [],
      conditionalFormats: [],
      validations: [],
    };
    await applyPlan(context, plan, { read });
    return sheet;
  });
}
