import { DomainError } from "../core/errors/domainError";
import { FileError } from "./files";

/**
 * Runs the work on one file so that whatever goes wrong names that file: an DomainError becomes a line about it,
 * and a failure nobody foresaw (a bug) becomes "lỗi nội bộ: …" about it, never a line that leaves a person with
 * a batch of files guessing which one to look at. Errors that already name their file pass through.
 */
export async function aboutFile<T>(file: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw namingFile(file, e);
  }
}

export function namingFile(file: string, e: unknown): unknown {
  if (e instanceof FileError || e instanceof AggregateError) return e;
  if (e instanceof DomainError) return new FileError(file, e);
  const reason = e instanceof Error ? e.message.split("\n")[0] : String(e);
  return new FileError(file, new DomainError("internal", { reason }));
}
