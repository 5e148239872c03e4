/**
 * The write bench's child: loads FILE as `cchc score` does (ExcelJS, the whole workbook), reads it and makes the
 * score plan, then times only the write step named by MODE:
 *
 *   exceljs  ExcelJS merely writing the loaded workbook back (`book.xlsx.writeBuffer()`): the floor to beat;
 *   today    today's writer: the plan applied to ExcelJS's model, the snapshot sheet, `writeBuffer()`;
 *   patch    the package writer: `patchPackage` on the file's own bytes (snapshot, plan, undo sheet, save).
 *
 * Prints one JSON line: the mode, the write step's wall and CPU milliseconds, and the output's size. Loading and
 * planning are the same for every mode and are left out of the figures.
 */
import type { Workbook } from "exceljs";
import { readFileSync } from "fs";
import { checkWorkbook } from "../src/core/check/checkWorkbook";
import { planScoreWorkbook } from "../src/core/plan/workbookPlan";
import { applyPlan } from "../src/xlsx/applyPlan";
import { loadWorkbookBytes } from "../src/xlsx/loadWorkbook";
import { patchPackage } from "../src/xlsx/package";
import { readWorkbook } from "../src/xlsx/readWorkbook";
import { snapshotBeforeApply, storeSnapshot } from "../src/xlsx/snapshot";
import { fixtureSet } from "../test/support/sample";

const MODES = ["exceljs", "today", "patch"] as const;
type Mode = (typeof MODES)[number];

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2) as [Mode, string];
  if (!MODES.includes(mode) || !file) throw new Error(`usage: writeChild ${MODES.join("|")} FILE`);
  const bytes = new Uint8Array(readFileSync(file));
  // The package writer needs only the read and the file's bytes: its run lets go of ExcelJS's workbook, as
  // `cchc score` can once it has read it.
  let book: Workbook | undefined = await loadWorkbookBytes(bytes);
  const read = readWorkbook(book);
  const set = fixtureSet();
  const plan = planScoreWorkbook(set, read, checkWorkbook(set, read, file).units).plan;
  if (mode === "patch") book = undefined;
  (globalThis as { gc?: () => void }).gc?.();

  const wall = performance.now();
  const cpu = process.cpuUsage();
  let out: Uint8Array;
  if (mode === "exceljs") out = new Uint8Array(await book!.xlsx.writeBuffer());
  else if (mode === "today") {
    const snapshot = snapshotBeforeApply(book!, read, plan);
    applyPlan(book!, plan);
    storeSnapshot(book!, snapshot);
    out = new Uint8Array(await book!.xlsx.writeBuffer());
  } else out = await patchPackage(bytes, read, plan);
  const used = process.cpuUsage(cpu);
  const writeMs = performance.now() - wall;
  process.stdout.write(
    JSON.stringify({
      mode,
      writeMs,
      writeCpuMs: (used.user + used.system) / 1000,
      bytes: out.byteLength,
    }) + "\n"
  );
}

main().catch((e) => {
  process.stderr.write(`writeChild: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
