import type JSZip from "jszip";
import { DomainError } from "../core/errors/domainError";
import { WorkbookRead } from "../core/port";
import { refuseNonXlsx } from "./fileKind";
import { PackageReadOptions, readPackage } from "./package/packageRead";
import { WorkbookEditor } from "./package/workbookEditor";
import { XlsxPackage } from "./package/zipPackage";

/** A workbook opened once for both reading and editing: its read, and its package with the sheets parsed. */
export interface PackageWorkbook {
  ed: WorkbookEditor;
  read: WorkbookRead;
}

/**
 * Reads an .xlsx held in memory from its own parts (package/packageRead.ts), without ExcelJS, refusing what is
 * not one as loadWorkbookBytes does: too large, not a zip, an OpenDocument file, a zip with no workbook, a part
 * that is not well-formed. `limits` as loadWorkbookBytes's: refuses a zip before any part is parsed.
 */
export async function readPackageBytes(
  bytes: Uint8Array,
  options: PackageReadOptions & { limits?: (zip: JSZip) => Promise<void> } = {}
): Promise<PackageWorkbook> {
  refuseNonXlsx(bytes);
  const pkg = await XlsxPackage.open(bytes, options.limits);
  let ed: WorkbookEditor;
  try {
    ed = await WorkbookEditor.of(pkg);
  } catch (e) {
    if (e instanceof DomainError) throw e;
    const mime = (await pkg.text("mimetype"))?.trim() ?? "";
    const odf = /^application\/vnd\.oasis\.opendocument\.([a-z-]+)/.exec(mime);
    if (odf) throw new DomainError("opendocument", { kind: odf[1] });
    throw new DomainError("damaged", { reason: e instanceof Error ? e.message : String(e) });
  }
  return { ed, read: await readPackage(ed, options) };
}
