import { existsSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { errorLine } from "../../src/core/errors/domainError";
import { storedJson, withStoredJson } from "../support/undoData";
import { brokenPromises, runCapture, sha256 } from "../support/badInputs";
import { tempDir } from "../support/cli";
import { mulberry32, pick } from "../support/random";
import { fixtureSet, sampleWorkbook } from "../support/sample";

/**
 * The undo snapshot is read back from a workbook anyone may have opened and edited, so `cchc revert` must keep
 * the same promise on a damaged one as every command does on a damaged workbook. Each round takes the snapshot
 * a real `cchc score` stored, changes its JSON at random (a value replaced by junk, a key dropped, an array
 * element repeated, an address pushed off the grid), stores it back and runs `cchc revert`: exit 0 or 2, exit 2
 * only with one plain line naming the file (or a list of conflicts, each line naming the file), no stack trace, nothing written on exit 2, the input unchanged, and a
 * workbook ExcelJS can open on exit 0.
 *
 *   CCHC_SNAPSHOT_SEED=7 CCHC_SNAPSHOT_ROUNDS=2000 npx jest test/badinput/snapshotMutation.test.ts
 */

const SEED = Number(process.env.CCHC_SNAPSHOT_SEED ?? 20_261_123);
const ROUNDS = Number(process.env.CCHC_SNAPSHOT_ROUNDS ?? 300);
const ROUND_MS = 30_000;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Rand = () => number;

const JUNK: Json[] = [null, true, -1, 0, 1.5, 1e308, 2_000_000, 16_385, "", "A0", "XFD1048577", "A1:XFD1048576", "#REF!", "=1+2", "x".repeat(5_000), [], {}, [[]], { f: 1 }, { v: null }];

/** Every place in the JSON: its parent and key. */
function places(root: Json): [Json[] | { [k: string]: Json }, string | number][] {
  const out: [Json[] | { [k: string]: Json }, string | number][] = [];
  const walk = (node: Json) => {
    if (Array.isArray(node)) node.forEach((v, i) => (out.push([node, i]), walk(v)));
    else if (node && typeof node === "object") for (const k of Object.keys(node)) out.push([node, k]), walk(node[k]);
  };
  walk(root);
  return out;
}

function mutate(snapshot: Json, rand: Rand): string {
  const [parent, key] = pick(rand, places(snapshot));
  const r = rand();
  if (r < 0.45) {
    const junk = pick(rand, JUNK);
    (parent as Record<string | number, Json>)[key] = junk;
    return `${String(key)} = ${JSON.stringify(junk).slice(0, 30)}`;
  }
  if (r < 0.65) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key as string];
    return `drop ${String(key)}`;
  }
  if (r < 0.8 && Array.isArray(parent)) {
    parent.push(...Array.from({ length: 1 + Math.floor(rand() * 50) }, () => parent[Number(key)]));
    return `repeat [${key}]`;
  }
  const v = (parent as Record<string | number, Json>)[key];
  if (typeof v === "number") {
    (parent as Record<string | number, Json>)[key] = pick(rand, [v * 1000, -v, v + 1_048_576, v + 0.5]);
    return `number ${String(key)}`;
  }
  if (typeof v === "string") {
    (parent as Record<string | number, Json>)[key] = pick(rand, [v + "9999999", v.slice(1), v.toLowerCase(), "Không có"]);
    return `string ${String(key)}`;
  }
  (parent as Record<string | number, Json>)[key] = pick(rand, JUNK);
  return `replace ${String(key)}`;
}

test(`${ROUNDS} damaged undo snapshots: revert keeps the promise (seed ${SEED})`, async () => {
  const dir = tempDir();
  const input = path.join(dir, "input.xlsx");
  const scored = path.join(dir, "scored.xlsx");
  writeFileSync(input, await sampleWorkbook(fixtureSet()));
  expect((await runCapture(["score", input, "--out", scored])).code).toBe(1);
  const scoredBytes = new Uint8Array(readFileSync(scored));
  const original = (await storedJson(scoredBytes)) as Json;

  const rand = mulberry32(SEED);
  const exits: Record<number, number> = { 0: 0, 2: 0 };
  const reasons = new Map<string, number>();
  const broken: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const snapshot = structuredClone(original);
    const did = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => mutate(snapshot, rand)).join("; ");
    // Whatever the damage, stored as cchc score stores it (the JSON as kept: `written` in its compact form).
    const file = path.join(dir, `r${round}.xlsx`);
    writeFileSync(file, await withStoredJson(scoredBytes, snapshot));
    const hash = sha256(readFileSync(file));
    const out = path.join(dir, `r${round}-out.xlsx`);
    const o = await runCapture(["revert", file, "--out", out], ROUND_MS * 2);
    const problems = brokenPromises(o, { json: false });
    if (o.code === 1) problems.push("exit 1 from revert");
    if (o.ms > ROUND_MS) problems.push(`took ${Math.round(o.ms)} ms`);
    if (sha256(readFileSync(file)) !== hash) problems.push("input changed");
    if (o.code === 2) {
      if (existsSync(out)) problems.push("exit 2 but --out written");
      const lines = o.stderr.trim().split("\n");
      if (!lines.every((l) => l.startsWith(`cchc: ${file}: `))) problems.push("a line does not name the file");
      // One plain line; or, where the damage makes cells or sheets look changed since the run, the conflicts
      // listed one a line, then the line that says nothing was written.
      const conflictsLine = `cchc: ${file}: ${errorLine("revert-conflicts", { count: lines.length - 1 }, "vi")}`;
      if (lines.length !== 1 && lines[lines.length - 1] !== conflictsLine) problems.push("more than one line, not a conflict list");
      const reason = lines.length > 1 ? "conflicts" : (/\(([a-z]+)\)/.exec(o.stderr)?.[1] ?? o.stderr.replace(file, "FILE").slice(0, 60));
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    if (o.code === 0) await new ExcelJS.Workbook().xlsx.readFile(out);
    exits[o.code] = (exits[o.code] ?? 0) + 1;
    if (problems.length) broken.push(`round ${round} (${did}): ${problems.join(", ")}\n${o.stderr.slice(0, 300)}`);
  }
  console.log(
    `snapshot mutation: seed ${SEED}, ${ROUNDS} rounds: exit 0 ×${exits[0]}, exit 2 ×${exits[2]}; refusals ${JSON.stringify(Object.fromEntries(reasons))}; broken ${broken.length}`,
  );
  expect(broken).toEqual([]);
  // Both outcomes occur: harmless damage is undone, harmful damage refused.
  expect(exits[0]).toBeGreaterThan(0);
  expect(exits[2]).toBeGreaterThan(0);
}, 600_000);
