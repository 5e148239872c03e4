import { promises as fs } from "fs";
import * as path from "path";
import type { Workbook } from "exceljs";
import { DomainError } from "../core/errors/domainError";
import { checkSheetLimits } from "../xlsx/limits";
import { WorkbookRead } from "../core/port";
import { PackageWorkbook, readPackageBytes } from "../xlsx/xlsxPackagePort";

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
    // ExcelJS loads only for the commands that read with it (see run.ts).
    const { loadWorkbookBytes } = await import("../xlsx/xlsxFilePort");
    return await loadWorkbookBytes(bytes, { readOnly, limits: checkSheetLimits });
  } catch (e) {
    throw namedError(file, e);
  }
}

/**
 * An .xlsx to be written back, opened once: its package with the sheets parsed (the writer edits it; the file is
 * never changed) and the package reader's read of it (packageRead.ts, equal to the ExcelJS reader's).
 */
export async function readWorkbookFile(
  file: string
): Promise<{ source: PackageWorkbook["ed"]; read: WorkbookRead }> {
  const bytes = await readBytes(file);
  try {
    const { ed, read } = await readPackageBytes(new Uint8Array(bytes), {
      limits: checkSheetLimits,
    });
    return { source: ed, read };
  } catch (e) {
    throw namedError(file, e);
  }
}

function namedError(file: string, e: unknown): FileError {
  if (e instanceof DomainError) return new FileError(file, e);
  return new FileError(
    file,
    new DomainError("damaged", {
      reason: e instanceof Error ? e.message.split("\n")[0] : String(e),
    })
  );
}

export function displayName(file: string): string {
  return path.basename(file);
}
