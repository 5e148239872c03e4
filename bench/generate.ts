/**
 * Test workbooks for the bench, made with the test builders (unitSheet, toXlsx) and cached in bench/out under a
 * key: a version string, plus a hash of everything that decides their bytes (the criteria fixture, the builder
 * and this generator's sources, the ExcelJS version, the counts). A changed key regenerates everything.
 */
import { createHash } from "crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as path from "path";
import { IndexedNode, IndexedSet } from "../src/core/criteria/indexed";
import { allowedValues } from "../src/core/criteria/allowedScores";
import { FIXTURE, fixtureSet } from "../test/support/sample";
import { LeafEntry, toXlsx, unitSheet, UnitSpec } from "../test/support/workbookBuilder";
import { OUT, ROOT, UNITS_DIR } from "./paths";

/** Bump when the generated data should change for a reason the hash cannot see. */
export const DATA_VERSION = "bench-data-2";

export interface DataSet {
  key: string;
  /** Workbooks with N unit sheets (plus the criteria sheet), by N. */
  multi: Map<number, string>;
  /** One-unit workbooks (each with its criteria sheet). */
  units: string[];
  /** How the data was obtained this run. */
  generated: boolean;
  generateMs: number;
  bytes: number;
}

export interface DataPlan {
  multiSizes: number[];
  unitFiles: number;
}

const STAMP = path.join(OUT, "data-version.json");

export async function ensureData(plan: DataPlan): Promise<DataSet> {
  const key = dataKey(plan);
  const multi = new Map(plan.multiSizes.map((n) => [n, path.join(OUT, `check-${n}.xlsx`)]));
  const units = Array.from({ length: plan.unitFiles }, (_, i) => path.join(UNITS_DIR, `xa-${String(i + 1).padStart(4, "0")}.xlsx`));
  const all = [...multi.values(), ...units];
  const stamp = existsSync(STAMP) ? (JSON.parse(readFileSync(STAMP, "utf8")) as { key?: string }) : {};
  if (stamp.key === key && all.every((f) => existsSync(f))) return { key, multi, units, generated: false, generateMs: 0, bytes: totalBytes(all) };

  const t0 = performance.now();
  rmSync(STAMP, { force: true });
  rmSync(UNITS_DIR, { recursive: true, force: true });
  mkdirSync(UNITS_DIR, { recursive: true });
  const set = fixtureSet();
  for (const [n, file] of multi) {
    const sheets = Array.from({ length: n }, (_, i) => unitSheet(set, unitSpec(set, i)));
    writeFileSync(file, await toXlsx(sheets, set));
  }
  for (const [i, file] of units.entries()) writeFileSync(file, await toXlsx([unitSheet(set, unitSpec(set, i))], set));
  writeFileSync(STAMP, JSON.stringify({ key, plan, at: new Date().toISOString() }, null, 1));
  return { key, multi, units, generated: true, generateMs: performance.now() - t0, bytes: totalBytes(all) };
}

function dataKey(plan: DataPlan): string {
  const h = createHash("sha256");
  for (const f of [FIXTURE, path.join(ROOT, "test/support/workbookBuilder.ts"), path.join(ROOT, "bench/generate.ts")]) h.update(existsSync(f) ? readFileSync(f) : f);
  h.update(JSON.parse(readFileSync(require.resolve("exceljs/package.json"), "utf8")).version);
  h.update(JSON.stringify(plan));
  return `${DATA_VERSION}-${h.digest("hex").slice(0, 12)}`;
}

function totalBytes(files: string[]): number {
  let n = 0;
  for (const f of files) n += readFileSync(f).byteLength;
  return n;
}

/** Deterministic per unit, so a regenerated set is the same set. */
function rng(seed: number): () => number {
  let s = (seed * 2654435761) >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

const COMMUNES = ["An", "Bình", "Cẩm", "Đông", "Hòa", "Hưng", "Long", "Minh", "Phú", "Quang", "Tân", "Thạnh", "Trung", "Vĩnh", "Xuân", "Yên"];
const SUFFIX = ["Bình", "Hà", "Sơn", "Lạc", "Phước", "Thịnh", "Lộc", "Mỹ", "Hải", "Đức", "Thành", "Hòa"];

/**
 * A unit as they come in: mostly full marks, some leaves lower (always a value the rule allows), one to two
 * appraisal rounds on two units in three (some under a merged two-row header), appraisers lowering a few
 * scores with a note, evidence now and then forgotten, "not applicable" where the set allows it, bonus and
 * penalty on some, and headers typed in NFD on a few.
 */
export function unitSpec(set: IndexedSet, i: number): UnitSpec {
  const r = rng(i + 1);
  const name = `${COMMUNES[i % COMMUNES.length]} ${SUFFIX[Math.floor(i / COMMUNES.length) % SUFFIX.length]}`;
  const sheet = `${String(i + 1).padStart(4, "0")} ${name}`;
  const rounds = ([0, 1, 2] as const)[i % 3];
  const pick = (leaf: IndexedNode): number => {
    if (r() < 0.65) return leaf.innerMax;
    const allowed = allowedValues(leaf.rule, leaf.innerMax);
    if (allowed) return allowed[Math.floor(r() * allowed.length)];
    const step = leaf.rule?.kind === "manual" && leaf.rule.step ? leaf.rule.step : 0.25;
    return Math.round(Math.floor((r() * leaf.innerMax) / step) * step * 100) / 100;
  };
  const scores = new Map<string, number>();
  const leaves: Record<string, LeafEntry> = {};
  for (const leaf of set.leaves) {
    const self = pick(leaf);
    scores.set(leaf.code, self);
    if (leaf.source === "survey") continue;
    if (leaf.mayBeNotApplicable && r() < 0.05) {
      leaves[leaf.code] = { self: "KĐG", evidence: null, appraised: rounds ? ["KĐG"] : [] };
    } else if (rounds && r() < 0.1) {
      const lower = (allowedValues(leaf.rule, leaf.innerMax) ?? [0, self]).filter((v) => v <= self);
      const a = lower[Math.floor(r() * lower.length)] ?? self;
      leaves[leaf.code] = { self, appraised: rounds === 2 ? [a, r() < 0.5 ? self : a] : [a], note: "Tài liệu kiểm chứng chưa đầy đủ" };
    } else if (leaf.evidence && r() < 0.03) {
      leaves[leaf.code] = { self, evidence: null };
    }
  }
  return {
    sheet: sheet.slice(0, 31),
    unitName: `UBND xã ${name}`,
    appraisalRounds: rounds,
    twoRowHeader: rounds === 2 && i % 2 === 0,
    nfd: i % 7 === 3,
    leaves,
    defaultScore: (leaf) => scores.get(leaf.code) ?? leaf.innerMax,
    ...(r() < 0.3 ? { bonus: [0.5, 1, 1.5][Math.floor(r() * 3)] } : {}),
    ...(r() < 0.2 ? { penalty: [0.5, 1][Math.floor(r() * 2)] } : {}),
  };
}
