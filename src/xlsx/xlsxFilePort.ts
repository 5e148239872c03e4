/**
 * The .xlsx adapter's whole-file operations, for the faces that work on files (the command line, the pane's
 * browser mode) besides the workbook port (xlsxWorkbookPort): a file's bytes checked and opened, a workbook read
 * into the port's shapes, and a new package made from a plan. See docs/architecture.md.
 */
export { loadWorkbookBytes } from "./loadWorkbook";
export { readWorkbook } from "./readWorkbook";
export { readPackageBytes } from "./packageWorkbook";
export type { PackageWorkbook } from "./packageWorkbook";
export { newWorkbook } from "./package/newWorkbook";
export { consolidateInto, consolidatePackage } from "./consolidatePackage";
export type { SheetCopy, SheetSource } from "./consolidatePackage";
export { emptyPackage } from "./package/newWorkbook";
