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

export const excelRun: ExcelRunner = (batch) => Excel.run(batch);

export const excelRunIn: ExcelRunnerIn = (context, batch) => Excel.run(context, batch);
