/**
 * Byte-identity guard for write-path performance work: scores each FILE with the package writer as the write bench
 * does (fixed clock), writes the result to DIR/<basename>, and with --compare REFDIR checks every zip entry (names,
 * order and bytes) against the reference outputs (the zip's own timestamps differ from run to run).
 *
 *   node build-tools/bench/writeOutputs.js DIR FILE... [--compare REFDIR]
 */
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import JSZip from "jszip";
import { checkWorkbook } from "../src/core/check/checkWorkbook";
import { planScoreWorkbook } from "../src/core/plan/workbookPlan";
import { loadWorkbookBytes } from "../src/xlsx/loadWorkbook";
import { patchPackage } from "../src/xlsx/package";
import { usePartDeflate, usePartInflate } from "../src/xlsx/package/partDeflate";
import { nativeDeflate, nativeInflate } from "../src/cli/nativeDeflate";
import { readWorkbook } from "../src/xlsx/readWorkbook";
import { fixtureSet } from "../test/support/sample";

async function entries(bytes: Uint8Array): Promise<Array<[string, Uint8Array]>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Array<[string, Uint8Array]> = [];
  for (const f of Object.values(zip.files)) out.push([f.name, await f.async("uint8array")]);
  return out;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const ci = args.indexOf("--compare");
  const ref = ci >= 0 ? args[ci + 1] : undefined;
  const [dir, ...files] = ci >= 0 ? args.slice(0, ci).concat(args.slice(ci + 2)) : args;
  mkdirSync(dir, { recursive: true });
  usePartDeflate(nativeDeflate);
  usePartInflate(nativeInflate);
  let bad = 0;
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(file));
    const read = readWorkbook(await loadWorkbookBytes(bytes, { readOnly: true }));
    const set = fixtureSet();
    const plan = planScoreWorkbook(set, read, checkWorkbook(set, read, file).units).plan;
    const out = await patchPackage(bytes, read, plan, {
      now: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
    });
    const target = path.join(dir, path.basename(file));
    writeFileSync(target, out);
    if (!ref) continue;
    const want = new Uint8Array(readFileSync(path.join(ref, path.basename(file))));
    const a = await entries(want);
    const b = await entries(out);
    const diffs: string[] = [];
    if (a.map((e) => e[0]).join("\n") !== b.map((e) => e[0]).join("\n"))
      diffs.push("entry list differs");
    const bm = new Map(b);
    for (const [name, data] of a) {
      const got = bm.get(name);
      if (!got || Buffer.compare(Buffer.from(got), Buffer.from(data)) !== 0)
        diffs.push(`entry ${name} differs`);
    }
    process.stdout.write(
      `${path.basename(file)}: ${a.length} entries, ${diffs.length ? diffs.join("; ") : "identical"}\n`
    );
    if (diffs.length) bad++;
  }
  process.exit(bad ? 1 : 0);
}

main().catch((e) => {
  process.stderr.write(`writeOutputs: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(2);
});
