import { InputError } from "../../core/inputError";
import { revertLastRun } from "../../xlsx/revertLastRun";
import { writeAtomically } from "../atomicWrite";
import { FileError, loadWorkbookFile } from "../files";
import { CommandContext } from "../io";
import { OutTarget } from "../outputPath";

/**
 * Undoes the last `cchc score` (or add-in run) recorded in the workbook, from the snapshot it stored there,
 * and writes the result to --out (or, with --in-place, over the input through a temporary file).
 */
export async function revertCommand(
  file: string,
  opts: { out: OutTarget },
  ctx: CommandContext
): Promise<number> {
  const book = await loadWorkbookFile(file);
  let done;
  try {
    done = revertLastRun(book);
  } catch (e) {
    throw e instanceof InputError ? new FileError(file, e) : e;
  }
  await writeAtomically(opts.out, Buffer.from(await book.xlsx.writeBuffer()));
  const removed = done.removedSheets.join(", ");
  const rebuilt = done.restoredSheets.join(", ");
  ctx.io.out(
    ctx.lang === "en"
      ? `Undid the run of ${done.createdAt}: ${done.restoredCells} cells put back` +
          (removed ? `; removed sheet(s) ${removed}` : "") +
          (rebuilt ? `; sheet(s) ${rebuilt} as they were` : "") +
          `.\nWritten: ${opts.out.given}\n`
      : `Đã hoàn tác lần chạy lúc ${done.createdAt}: trả lại ${done.restoredCells} ô` +
          (removed ? `; bỏ trang ${removed}` : "") +
          (rebuilt ? `; trang ${rebuilt} như trước` : "") +
          `.\nĐã ghi: ${opts.out.given}\n`
  );
  return 0;
}
