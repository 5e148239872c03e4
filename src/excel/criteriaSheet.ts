/**
 * An imported criteria set written to the workbook's criteria sheet, through applyPlan like every other run:
 * refused on a protected sheet, verified against the read, and stored in the undo snapshot (revert removes
 * a sheet it added, or puts back the one it replaced).
 */
import { CRITERIA_SHEET, isCriteriaSheetName } from "../core/check/sheetNames";
import { CriteriaSet } from "../core/criteria/model";
import { criteriaSheetPlan } from "../core/criteria/sheetPlan";
import { SheetGrid, WorkbookRead } from "../core/port";
import { applyPlan } from "./applyPlan";
import { excelRun, ExcelRunner } from "./excelRunner";
import { loadSheetContents } from "./loadSheetContents";
import { DEFAULT_PAYLOAD_BUDGET } from "./payload";
import { readWorkbook } from "./readWorkbook";

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

/**
 * The workbook's criteria sheet ("Bộ tiêu chí", "Criteria", …) as core reads it (values and number formats),
 * or undefined when it has none: the sheet list, then that sheet's used range (more syncs only past the
 * response budget, see loadSheetContents).
 */
export async function readCriteriaSheet(
  options: { run?: ExcelRunner } = {}
): Promise<SheetGrid | undefined> {
  return (options.run ?? excelRun)(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const name = sheets.items.map((s) => s.name).find(isCriteriaSheetName);
    if (name === undefined) return undefined;
    const loaded = await loadSheetContents(context, {
      names: [name],
      merges: false,
      conditionalFormatsOf: [],
      chartsOf: [],
      budget: DEFAULT_PAYLOAD_BUDGET,
    });
    const content = loaded.contents.get(name);
    return { name, values: content?.values ?? [], numberFormats: content?.numberFormats ?? [] };
  });
}
