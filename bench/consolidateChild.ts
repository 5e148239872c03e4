/**
 * The consolidate bench's child: reads N unit workbooks' bytes from disk (untimed), then times MODE:
 *
 *   load         merely loading them as the browser mode opens a workbook (ExcelJS read-only load and the
 *                adapter's read of every sheet), one after another: the floor;
 *   consolidate  "Tổng hợp nhiều sổ" in the browser mode (consolidateInBrowser): every file read and checked, its
 *                unit sheet copied with its styles into a new package, then scored with "Tổng hợp".
 *
 * Prints one JSON line: the mode, wall and CPU milliseconds, and what was made (sheets, output bytes).
 */
import { readFileSync } from "fs";
import * as path from "path";
import { consolidateInBrowser } from "../src/taskpane/modes/consolidateBrowser";
import { loadWorkbookBytes, readWorkbook } from "../src/xlsx/xlsxFilePort";

const MODES = ["load", "consolidate"] as const;
type Mode = (typeof MODES)[number];

async function main(): Promise<void> {
  const [mode, ...files] = process.argv.slice(2) as [Mode, ...string[]];
  if (!MODES.includes(mode) || !files.length) throw new Error(`usage: consolidateChild ${MODES.join("|")} FILE…`);
  const picked = files.map((f) => ({ name: path.basename(f), bytes: new Uint8Array(readFileSync(f)) }));
  (globalThis as { gc?: () => void }).gc?.();
  const wall = performance.now();
  const cpu = process.cpuUsage();
  let made: Record<string, number> = {};
  if (mode === "load") {
    let sheets = 0;
    for (const f of picked) sheets += readWorkbook(await loadWorkbookBytes(f.bytes, { readOnly: true })).sheets.length;
    made = { sheets };
  } else {
    const outcome = await consolidateInBrowser({}, picked, "vi", {
      onProgress: () => undefined,
      signal: new AbortController().signal,
      confirmReplace: async () => true,
      confirmTyped: async () => true,
    });
    if (outcome.status !== "done") throw new Error(`consolidate: ${outcome.status}`);
    made = { units: outcome.check.report?.units.length ?? 0, bytes: outcome.download!.bytes.length };
  }
  const used = process.cpuUsage(cpu);
  process.stdout.write(
    JSON.stringify({ mode, ms: performance.now() - wall, cpuMs: (used.user + used.system) / 1000, ...made }) + "\n"
  );
}

main().catch((e) => {
  process.stderr.write(String(e instanceof Error ? e.stack : e) + "\n");
  process.exit(2);
});
