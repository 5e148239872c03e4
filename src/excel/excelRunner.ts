/** How src/excel gets a request context: Excel.run in Office, a fake context in the tests. */

/** Excel.run, or a test's fake context. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Excel.run on the context of an earlier run, as Office.js requires to remove event handlers: they are
 * removed through the context that added them.
 */
export type ExcelRunnerIn = <T>(
  context: OfficeExtension.ClientRequestContext,
  batch: (context: Excel.RequestContext) => Promise<T>
) => Promise<T>;

/**
 * While a person edits a cell, Excel fails a batch (InvalidOperationInCellEditMode) unless the run asks it to
 * wait until edit mode ends: RunOptions.delayForCellEdit (docs: "Delay execution while cell is being
 * edited"). The option is in Office.js's reference from ExcelApi 1.1 on, with no requirement set of its own,
 * so every run asks for it.
 */
const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

export const excelRun: ExcelRunner = (batch) => Excel.run(RUN_OPTIONS, batch);

export const excelRunIn: ExcelRunnerIn = (context, batch) =>
  Excel.run({ ...RUN_OPTIONS, previousObjects: context }, batch);
