/**
 * Workbook structure protection (Review › Protect Workbook) stops adding, deleting, moving, renaming and
 * hiding sheets ("Protect workbook structure", Excel add-in docs). Writes that would do any of that are
 * refused before anything is written, instead of failing midway.
 */
import { DomainError } from "../core/errors/domainError";
import { EXCEL_API, supportsExcelApi } from "./requirements";
import { WriteOp } from "./writeBatches";

/** Queues the load of Workbook.protection (ExcelApi 1.7); undefined where the host cannot tell. */
export function loadStructureProtection(
  context: Excel.RequestContext
): Excel.WorkbookProtection | undefined {
  if (!supportsExcelApi(EXCEL_API.workbookProtection)) return undefined;
  return context.workbook.protection.load("protected");
}

/** Throws when the structure is protected and one of `ops` adds, deletes, moves or hides a sheet. */
export function refuseStructureChanges(structureProtected: boolean, ops: WriteOp[]): void {
  if (structureProtected && ops.some((op) => op.structural))
    throw new DomainError("structure-protected");
}
