import { promises as fs } from "fs";
import * as path from "path";
import type { Workbook } from "exceljs";
import { DomainError } from "../core/errors/domainError";
import { checkSheetLimits } from "../xlsx/limits";
import { WorkbookRead } from "../core/port";
import { loadWorkbookBytes, readWorkbook } from "../xlsx/xlsxFilePort";

/** An DomainError that knows which file it is about. */
export class FileError extends Error {
  constructor(
    readonly file: string,
    readonly inputError: DomainError
  ) {
    super(`${file}: ${inputError.message}`);
  }
}

export async function readBytes(file: string): Promise<Buffer> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory())
      throw new DomainError("file-unreadable", { reason: "là thư mục / is a directory" });
    return await fs.readFile(file);
  } catch (e) {
    if (e instanceof DomainError) throw new FileError(file, e);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new FileError(file, new DomainError("file-not-found"));
    throw new FileError(file, new DomainError("file-unreadable", { reason: code ?? String(e) }));
  }
}

/** `readOnly`: the workbook is only checked, never written back (see loadWorkbookBytes). */
export async function loadWorkbookFile(file: string, readOnly = false): Promise<Workbook> {
  return loadWorkbookBytesNamed(file, await readBytes(file), readOnly);
}

async function loadWorkbookBytesNamed(
  file: string,
  bytes: Buffer,
  readOnly: boolean
): Promise<Workbook> {
  try {
    return await loadWorkbookBytes(bytes, { readOnly, limits: checkSheetLimits });
  } catch (e) {
    if (e instanceof DomainError) throw new FileError(file, e);
    throw new FileError(
      file,
      new DomainError("damaged", {
        reason: e instanceof Error ? e.message.split("\n")[0] : String(e),
      })
    );
  }
}

/** An .xlsx to be written back: its bytes (the writer patches them) and its read (only read: see loadWorkbookBytes). */
export async function readWorkbookFile(
  file: string
): Promise<{ bytes: Uint8Array; read: WorkbookRead }> {
  const bytes = await readBytes(file);
  const book = await loadWorkbookBytesNamed(file, bytes, true);
  return { bytes: new Uint8Array(bytes), read: readWorkbook(book) };
}

export function displayName(file: string): string {
  return path.basename(file);
}
