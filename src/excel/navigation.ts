/** Going to a finding: the pane's "show me this cell". */
import { DomainError } from "../core/errors/domainError";
import { excelRun, ExcelRunner } from "./excelRunner";
import { EXCEL_API, requireExcelApi } from "./requirements";

export interface GoToOptions {
  run?: ExcelRunner;
  /** The person asked to unhide the sheet (a hidden one; a veryHidden sheet is never shown). */
  unhide?: boolean;
}

/**
 * Activates `sheet` and selects `cell` on it (A1 address), or only activates the sheet; one sync. A hidden or
 * veryHidden sheet cannot be shown: what Excel does when asked is not documented (it may fail, or do
 * nothing), so the sheet's visibility is loaded in the same sync and either way the person is told the sheet
 * is hidden (SheetHiddenError), unless they asked to unhide it.
 */
export async function goToCell(
  sheet: string,
  cell: string | undefined,
  options: GoToOptions = {}
): Promise<void> {
  requireExcelApi(EXCEL_API.navigation);
  await (options.run ?? excelRun)(async (context) => {
    const go = (unhide: boolean): Excel.Worksheet => {
      const worksheet = context.workbook.worksheets.getItem(sheet).load("visibility");
      if (unhide) worksheet.visibility = "Visible" as Excel.SheetVisibility;
      worksheet.activate();
      if (cell) worksheet.getRange(cell).select();
      return worksheet;
    };
    let visibility: string;
    try {
      const worksheet = go(false);
      await context.sync();
      visibility = worksheet.visibility;
    } catch (error) {
      const worksheet = context.workbook.worksheets.getItemOrNullObject(sheet).load("visibility");
      await context.sync();
      if (worksheet.isNullObject || worksheet.visibility === "Visible") throw error;
      visibility = worksheet.visibility;
    }
    if (visibility === "Visible") return;
    if (!options.unhide || visibility !== "Hidden")
      throw new DomainError("sheet-hidden", { sheet });
    go(true);
    await context.sync();
  });
}
