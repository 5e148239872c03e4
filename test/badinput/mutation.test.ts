import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { brokenPromises, damageBytes, damageCells, damagePart, runCapture, sha256 } from "../support/badInputs";
import { ROOT, tempDir } from "../support/cli";
import { mulberry32 } from "../support/random";
import { FIXTURE, fixtureSet, sampleWorkbook } from "../support/sample";
import { toXlsx, unitSheet } from "../support/workbookBuilder";

/**
 * The mutation test of docs/architecture.md ("Nothing lost, nothing let in"): the sample workbook damaged at random, round after round, and `cchc check`
 * (every 50th round `cchc score --out`) run on each. Half the rounds damage cells through ExcelJS, half damage
 * bytes (of the zip, or of one XML part inside it). Every round must keep the promise: exit 0, 1 or 2; exit 2
 * only with plain lines on stderr; a JSON report otherwise; no stack trace, no escaped exception, no stray
 * rejection; the input's bytes unchanged; nothing written on exit 2.
 *
 *   CCHC_MUTATION_SEED=123 CCHC_MUTATION_ROUNDS=5000 npx jest test/badinput/mutation.test.ts
 *   CCHC_MUTATION_SCORE_EVERY=1 …   (score --out on every round: slower, searches the writing path)
 *
 * A failing round's input is kept in test/.tmp/mutation/ and named with the seed and round, so it repeats.
 */

const SEED = Number(process.env.CCHC_MUTATION_SEED ?? 20_251_123);
const ROUNDS = Number(process.env.CCHC_MUTATION_ROUNDS ?? 2_000);
const SCORE_EVERY = Number(process.env.CCHC_MUTATION_SCORE_EVERY ?? 50);
/** One round of a well-behaved tool takes well under a second; this catches a near-hang without flaking. */
const ROUND_MS = 30_000;

test(`${ROUNDS} rounds of random damage keep the promise (seed ${SEED})`, async () => {
  const started = performance.now();
  const set = fixtureSet();
  // The five-unit sample (with the slips real units make) most of the time; a flawless one-unit workbook in a
  // quarter of the rounds, so that damage which goes unnoticed shows as exit 0.
  const sample = await sampleWorkbook(set);
  const clean = await toXlsx([unitSheet(set, { sheet: "Xã Sạch", unitName: "UBND xã Sạch" })], set);
  const rand = mulberry32(SEED);
  const dir = tempDir();
  const kept = path.join(ROOT, "test", ".tmp", "mutation");
  const exits: Record<"cells" | "bytes", Record<number, number>> = { cells: { 0: 0, 1: 0, 2: 0 }, bytes: { 0: 0, 1: 0, 2: 0 } };
  const crashes: string[] = [];
  const reasons = new Map<string, number>();
  let scored = 0;
  let slowest = { ms: 0, round: -1 };
  console.log(`mutation test: seed ${SEED}, ${ROUNDS} rounds (CCHC_MUTATION_SEED / CCHC_MUTATION_ROUNDS to change)`);

  try {
    for (let round = 0; round < ROUNDS; round++) {
      const kind = round % 2 === 0 ? "cells" : "bytes";
      const base = rand() < 0.25 ? clean : sample;
      const { bytes, did } = kind === "cells" ? await cellRound(base, rand) : rand() < 0.5 ? damageBytes(base, rand) : await damagePart(base, rand);
      const file = path.join(dir, `r${round}.xlsx`);
      writeFileSync(file, bytes);
      const hash = sha256(bytes);
      const score = round % SCORE_EVERY === SCORE_EVERY - 1;
      const out = path.join(dir, `r${round}-out.xlsx`);
      // Half the rounds bring the set with --criteria, so damage to the workbook's own criteria sheet does not end
      // every one of them at "criteria refused" before the unit sheets are read.
      const given = rand() < 0.5 ? ["--criteria", FIXTURE] : [];
      const o = await runCapture(score ? ["score", file, "--out", out, "--json", ...given] : ["check", file, "--json", ...given], 120_000);

      const broken = brokenPromises(o, { json: true });
      if (sha256(readFileSync(file)) !== hash) broken.push("the input file changed");
      if (score) {
        scored++;
        if (o.code === 2 && existsSync(out)) broken.push("exit 2 but --out was written");
        if ((o.code === 0 || o.code === 1) && !existsSync(out)) broken.push(`exit ${o.code} but no --out file`);
      }
      if (o.ms > ROUND_MS) broken.push(`took ${Math.round(o.ms)} ms`);
      if (o.ms > slowest.ms) slowest = { ms: o.ms, round };
      if (broken.length) {
        mkdirSync(kept, { recursive: true });
        const keep = path.join(kept, `seed${SEED}-round${round}.xlsx`);
        copyFileSync(file, keep);
        crashes.push(`round ${round} (${kind}: ${did}) → ${keep}\n    ${broken.join("\n    ")}`);
      }
      if (o.code in exits[kind]) exits[kind][o.code]++;
      if (o.code === 2) {
        // "cchc: /tmp/…/r12.xlsx: tệp .xlsx bị hỏng, không đọc được (…)" → "tệp .xlsx bị hỏng, không đọc được"
        const why = `${kind}: ${o.stderr.split("\n")[0].replace(/^cchc: [^:]*\.xlsx: /, "").replace(/ \(.*$|\d+/g, "").slice(0, 80)}`;
        reasons.set(why, (reasons.get(why) ?? 0) + 1);
      }
      rmSync(file, { force: true });
      rmSync(out, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const total = (c: 0 | 1 | 2) => exits.cells[c] + exits.bytes[c];
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    [
      `mutation test: seed ${SEED}, rounds ${ROUNDS} (${scored} with score --out), ${seconds} s, slowest round ${Math.round(slowest.ms)} ms (#${slowest.round})`,
      `  exit 0: ${total(0)}   exit 1: ${total(1)}   exit 2: ${total(2)}`,
      `  cell damage: ${JSON.stringify(exits.cells)}   byte damage: ${JSON.stringify(exits.bytes)}`,
      `  exit 2, most common first lines:`,
      ...[...reasons].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([why, n]) => `    ${String(n).padStart(5)}  ${why}`),
      `  crashes: ${crashes.length}`,
      ...crashes,
    ].join("\n"),
  );
  expect(crashes).toEqual([]);
  expect(total(0) + total(1) + total(2)).toBe(ROUNDS);
  // The damage must not be so mild that nothing fails, nor so wild that nothing loads.
  expect(total(0)).toBeGreaterThan(0);
  expect(total(1)).toBeGreaterThan(ROUNDS / 10);
  expect(total(2)).toBeGreaterThan(ROUNDS / 10);
}, 900_000);

/** Cells damaged through ExcelJS. An edit ExcelJS itself cannot save is retried with other damage. */
async function cellRound(base: Buffer, rand: () => number): Promise<{ bytes: Buffer; did: string }> {
  for (let attempt = 0; ; attempt++) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(base as unknown as ArrayBuffer);
    const did = damageCells(wb, rand);
    try {
      return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), did: did.join(", ") };
    } catch (e) {
      if (attempt >= 5) throw new Error(`ExcelJS cannot save damaged workbooks: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
