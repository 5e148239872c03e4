/**
 * The .xlsx adapter's package reader on its own, for a face that reads a file to write it back (`cchc score`,
 * `cchc revert`): an .xlsx opened once, read without ExcelJS, its package kept open for the writer. Kept apart
 * from xlsxFilePort, whose ExcelJS reader a process then never loads.
 */
export { readPackageBytes } from "./packageWorkbook";
export type { PackageWorkbook } from "./packageWorkbook";
