/** Going to a finding: the pane's "show me this cell". */
import { excelRun, ExcelRunner } from "./excelRunner";
import { EXCEL_API, requireExcelApi } from "./requirements";

/** Activates `sheet` and selects `cell` on it (A1 address), or only activates the sheet; one sync. */
export async function goToCell(
  sheet: string,
  cell: string | undefined,
  options: { run?: ExcelRunner } = {}
): Promise<void> {
  requireExcelApi(EXCEL_API.navigation);
  await (options.run ?? excelRun)(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    if (cell) worksheet.getRange(cell).select();
    await context.sync();
  });
}
