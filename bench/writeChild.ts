/**
 * The write bench's child: loads FILE, reads it and makes the score plan as needed, then times only the write
 * step named by MODE:
 *
 *   exceljs  ExcelJS merely writing the loaded workbook back (`book.xlsx.writeBuffer()`, the whole workbook loaded
 *            as ExcelJS must to write it): the floor to beat;
 *   exceljs-tuned  the same in a process with V8 set as the command sets it (src/cli/v8Tuning.ts): the floor
 *            under the same runtime setting, reported beside the target;
 *   patch    the package writer, as `cchc score` runs it (V8 set as src/cli/main.ts sets it): the file's package
 *            opened and read once (the package reader), then `patchEditor` on that open package (snapshot, plan,
 *            undo sheet, save);
 *   patch-no-undo  the same without the undo record (`undo: false`, as for a new workbook): what the snapshot and
 *            the undo sheet cost is the difference;
 *   rules    only the check of the plan against Excel's rules that patchEditor starts with
 *            (assertPlanFollowsExcel): its share of the write step.
 *
 * Prints one JSON line: the mode, the write step's wall and CPU milliseconds, the output's size, and its parts'
 * size unpacked (counted after the timing). Loading and planning are left out of the figures (the end-to-end pair
 * in writeBench.ts counts everything).
 */
import { readFileSync } from "fs";
import JSZip from "jszip";
import { checkWorkbook } from "../src/core/check/checkWorkbook";
import { assertPlanFollowsExcel } from "../src/core/excelRules";
import { planScoreWorkbook } from "../src/core/plan/workbookPlan";
import { loadWorkbookBytes } from "../src/xlsx/loadWorkbook";
import { patchEditor } from "../src/xlsx/package/patchPackage";
import { readPackageBytes } from "../src/xlsx/packageWorkbook";
import { usePartDeflate, usePartInflate } from "../src/xlsx/package/partDeflate";
import { nativeDeflate, nativeInflate } from "../src/cli/nativeDeflate";
import { tuneV8 } from "../src/cli/v8Tuning";
import { fixtureSet } from "../test/support/sample";

const MODES = ["exceljs", "exceljs-tuned", "patch", "patch-no-undo", "rules"] as const;
type Mode = (typeof MODES)[number];

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2) as [Mode, string];
  if (!MODES.includes(mode) || !file) throw new Error(`usage: writeChild ${MODES.join("|")} FILE`);
  if (mode !== "exceljs") tuneV8(["score"]); // as src/cli/main.ts for `cchc score`, before anything is read
  const bytes = new Uint8Array(readFileSync(file));
  let run: () => Promise<Uint8Array>;
  if (mode === "exceljs" || mode === "exceljs-tuned") {
    const book = await loadWorkbookBytes(bytes);
    run = async () => new Uint8Array(await book.xlsx.writeBuffer());
  } else {
    usePartDeflate(nativeDeflate);
    usePartInflate(nativeInflate); // as bin/cchc.js (src/cli/main.ts) sets it
    const { ed, read } = await readPackageBytes(bytes); // as src/cli/files.ts reads it
    const set = fixtureSet();
    const plan = planScoreWorkbook(set, read, checkWorkbook(set, read, file).units).plan;
    if (mode === "rules")
      run = () => {
        assertPlanFollowsExcel(plan, read);
        return Promise.resolve(new Uint8Array());
      };
    else run = () => patchEditor(ed, read, plan, { undo: mode === "patch" });
  }
  (globalThis as { gc?: () => void }).gc?.();

  const wall = performance.now();
  const cpu = process.cpuUsage();
  const out = await run();
  const used = process.cpuUsage(cpu);
  const writeMs = performance.now() - wall;
  process.stdout.write(
    JSON.stringify({
      mode,
      writeMs,
      writeCpuMs: (used.user + used.system) / 1000,
      bytes: out.byteLength,
      xmlBytes: out.byteLength ? await unpackedBytes(out) : 0,
    }) + "\n"
  );
}

/** What the package holds unpacked (its parts' bytes): how much XML the write made, counted after the timing. */
async function unpackedBytes(zipBytes: Uint8Array): Promise<number> {
  const zip = await JSZip.loadAsync(zipBytes);
  let n = 0;
  for (const f of Object.values(zip.files)) if (!f.dir) n += (await f.async("uint8array")).length;
  return n;
}

main().catch((e) => {
  process.stderr.write(`writeChild: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
