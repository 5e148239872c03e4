/**
 * Worksheet change events for the pane's re-check after edits. The handlers sit on the worksheet collection
 * (any sheet's cells changed, a sheet added or deleted), so they are added in one sync however many sheets
 * the workbook has, and cover sheets added later. Events caused by the add-in's own writes are dropped here.
 */
import { excelRun, ExcelRunner, excelRunIn, ExcelRunnerIn } from "./excelRunner";
import { EXCEL_API, requireExcelApi } from "./requirements";
import { isOwnEvent } from "./writeGuard";

export interface ChangeEventOptions {
  run?: ExcelRunner;
  /** Runs the removal in the context that added the handlers (Excel.run(context, …)). */
  runIn?: ExcelRunnerIn;
}

/** Removes the handlers onWorkbookChanged added; the callback is not called after it resolves. */
export type Unsubscribe = () => Promise<void>;

/**
 * Calls `onChange` when a worksheet's cells change (ExcelApi 1.9) and when a sheet is added or deleted (1.7),
 * except for the add-in's own writes (see writeGuard: by the event's triggerSource where ExcelApi 1.14 has
 * it, else while and shortly after the add-in writes). Returns the function that removes the handlers.
 */
export async function onWorkbookChanged(
  onChange: () => void,
  options: ChangeEventOptions = {}
): Promise<Unsubscribe> {
  requireExcelApi(EXCEL_API.worksheetEvents);
  let active = true;
  const handler = async (args: unknown): Promise<void> => {
    if (active && !isOwnEvent(args)) onChange();
  };
  const added = await (options.run ?? excelRun)(async (context) => {
    const sheets = context.workbook.worksheets;
    const results = [
      sheets.onChanged.add(handler),
      sheets.onAdded.add(handler),
      sheets.onDeleted.add(handler),
    ];
    await context.sync();
    return results;
  });
  return async () => {
    if (!active) return;
    active = false;
    await (options.runIn ?? excelRunIn)(added[0].context, async (context) => {
      for (const result of added) result.remove();
      await context.sync();
    });
  };
}
