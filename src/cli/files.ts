import { promises as fs } from "fs";
import * as path from "path";
import type { Workbook } from "exceljs";
import { InputError } from "../core/inputError";
import { checkSheetLimits } from "../xlsx/limits";
import { loadWorkbookBytes } from "../xlsx/loadWorkbook";

/** An InputError that knows which file it is about. */
export class FileError extends Error {
  constructor(
    readonly file: string,
    readonly inputError: InputError
  ) {
    super(`${file}: ${inputError.message}`);
  }
}

export async function readBytes(file: string): Promise<Buffer> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory())
      throw new InputError("file-unreadable", { reason: "là thư mục / is a directory" });
    return await fs.readFile(file);
  } catch (e) {
    if (e instanceof InputError) throw new FileError(file, e);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new FileError(file, new InputError("file-not-found"));
    throw new FileError(file, new InputError("file-unreadable", { reason: code ?? String(e) }));
  }
}

/** `readOnly`: the workbook is only checked, never written back (see loadWorkbookBytes). */
export async function loadWorkbookFile(file: string, readOnly = false): Promise<Workbook> {
  const bytes = await readBytes(file);
  try {
    return await loadWorkbookBytes(bytes, { readOnly, limits: checkSheetLimits });
  } catch (e) {
    if (e instanceof InputError) throw new FileError(file, e);
    throw new FileError(
      file,
      new InputError("damaged", {
        reason: e instanceof Error ? e.message.split("\n")[0] : String(e),
      })
    );
  }
}

export function displayName(file: string): string {
  return path.basename(file);
}
