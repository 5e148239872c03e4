import { Lang } from "../../core/i18n/lang";
import { DomainError, errorLine } from "../../core/errors/domainError";
import { RevertConflict } from "../../core/snapshot/revertConflicts";
import { revert } from "../../core/usecases/revert";
import { xlsxWorkbookPort } from "../../xlsx/xlsxWorkbookPort";
import { writeAtomically } from "../atomicWrite";
import { FileError, readWorkbookFile } from "../files";
import { CommandContext } from "../io";
import { OutTarget } from "../outputPath";

/**
 * Undoes the last `cchc score` (or add-in run) recorded in the workbook, from the snapshot it stored there, and
 * writes the result to --out (or, with --in-place, over the input through a temporary file). It first compares
 * the workbook with what the run wrote: where the person has changed since what undo would overwrite, it prints
 * one line per conflict, writes nothing and exits 2 — unless --skip-conflicts, when it restores what is safe and
 * lists what it left.
 */
export async function revertCommand(
  file: string,
  opts: { out: OutTarget; skipConflicts: boolean },
  ctx: CommandContext
): Promise<number> {
  const { source, read } = await readWorkbookFile(file);
  let done;
  try {
    done = await revert(xlsxWorkbookPort(source, read), { restoreSafe: opts.skipConflicts });
  } catch (e) {
    throw e instanceof DomainError ? new FileError(file, e) : e;
  }
  const lines = done.conflicts.map((c) => conflictLine(c, ctx.lang));
  if (done.status === "conflicts") {
    for (const line of lines) ctx.io.err(`cchc: ${file}: ${line}\n`);
    const why = errorLine("revert-conflicts", { count: lines.length }, ctx.lang);
    ctx.io.err(`cchc: ${file}: ${why}\n`);
    return 2;
  }
  await writeAtomically(opts.out, done.reverted.bytes);
  const r = done.reverted.result;
  const removed = r.removedSheets.join(", ");
  const rebuilt = r.restoredSheets.join(", ");
  ctx.io.out(
    ctx.lang === "en"
      ? `Undid the run of ${r.createdAt}: ${r.restoredCells} cells put back` +
          (removed ? `; removed sheet(s) ${removed}` : "") +
          (rebuilt ? `; sheet(s) ${rebuilt} as they were` : "") +
          `.\n` +
          (lines.length ? `Left as they are (changed since the run):\n` : "") +
          lines.map((l) => `  ${l}\n`).join("") +
          `Written: ${opts.out.given}\n`
      : `Đã hoàn tác lần chạy lúc ${r.createdAt}: trả lại ${r.restoredCells} ô` +
          (removed ? `; bỏ trang ${removed}` : "") +
          (rebuilt ? `; trang ${rebuilt} như trước` : "") +
          `.\n` +
          (lines.length ? `Để nguyên (đã bị sửa sau lần chạy):\n` : "") +
          lines.map((l) => `  ${l}\n`).join("") +
          `Đã ghi: ${opts.out.given}\n`
  );
  return 0;
}

/** One conflict: the sheet and cell, what the run wrote, what is there now; or a sheet no longer found. */
export function conflictLine(c: RevertConflict, lang: Lang): string {
  const shown = (s: string) =>
    s === "" ? (lang === "en" ? "(empty)" : "(trống)") : JSON.stringify(s);
  if ("missing" in c)
    return lang === "en"
      ? `sheet "${c.sheet}": not found (deleted?) — its cells are not restored`
      : `trang "${c.sheet}": không còn (đã xoá?) — không trả lại các ô của trang này`;
  return lang === "en"
    ? `'${c.sheet}'!${c.cell}: the run wrote ${shown(c.wrote)}, now ${shown(c.now)}`
    : `'${c.sheet}'!${c.cell}: lần chạy đã ghi ${shown(c.wrote)}, nay là ${shown(c.now)}`;
}
