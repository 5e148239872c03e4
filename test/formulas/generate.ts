import { indexSet, IndexedNode, IndexedSet } from "../../src/core/criteria/indexed";
import { CriteriaNode, CriteriaSet } from "../../src/core/criteria/model";
import { validateCriteria } from "../../src/core/criteria/validate";
import { allowedValues, rangeStep } from "../../src/core/criteria/allowedScores";
import { CellValue } from "../../src/core/port";
import { mulberry32, pick } from "../support/random";
import { fixtureSet } from "../support/sample";
import { LeafEntry, UnitSpec } from "../support/workbookBuilder";

export { pick };

/** The project's seeded PRNG (mulberry32), so every generated workbook is the same on every run. */
export const prng = mulberry32;

export type Rand = () => number;

const chance = (r: Rand, p: number) => r() < p;

function accept(data: unknown): IndexedSet {
  const r = validateCriteria(data);
  if (!r.ok) throw new Error("test set refused: " + r.problems.map((p) => `${p.path ?? ""} ${p.message}`).join("; "));
  return indexSet(r.set);
}

/** The fixture set (round half up, 2 decimals). */
export const ROUND_SET: IndexedSet = fixtureSet();

/** The fixture set, truncating the index to 2 decimals (as some provinces publish it). */
export const TRUNC_SET: IndexedSet = accept({ ...ROUND_SET.set, id: "xa-2025-truncate", rounding: { decimals: 2, mode: "truncate" } });

/**
 * A set with weighted parents: field 1 is weighted (its leaves add to 7, it counts 10), field 2 holds a weighted
 * criterion (children add to 5, it counts 3), leaves that may be not applicable inside and outside weights, a
 * ratio leaf, a manual leaf in quarter points, a survey field, and one decimal of truncated index.
 */
export const WEIGHTED_SET: IndexedSet = accept({
  format: "cchc-criteria/1",
  id: "so-2025-trong-so",
  title: "Bộ tiêu chí thử có trọng số",
  year: 2025,
  rounding: { decimals: 2, mode: "round" },
  threshold: 0.8,
  bands: [
    { min: 85, label: "Tốt" },
    { min: 65, label: "Khá" },
    { min: 0, label: "Chưa đạt" },
  ],
  nodes: [
    {
      code: "1",
      name: "Chỉ đạo, điều hành",
      weight: 10,
      children: [
        { code: "1.1", name: "Kế hoạch", max: 2, rule: { kind: "binary", late: 1 }, evidence: true },
        { code: "1.2", name: "Kiểm tra", max: 2.5, rule: { kind: "deduction", step: 0.5 }, evidence: true, mayBeNotApplicable: true },
        { code: "1.3", name: "Tuyên truyền", max: 2.5, rule: { kind: "manual", step: 0.25 }, evidence: true },
      ],
    },
    {
      code: "2",
      name: "Thủ tục hành chính",
      children: [
        { code: "2.1", name: "Hồ sơ đúng hạn", max: 4, rule: { kind: "ratio" }, evidence: true },
        {
          code: "2.2",
          name: "Một cửa",
          weight: 3,
          children: [
            { code: "2.2.1", name: "Niêm yết", max: 2, rule: { kind: "binary" }, evidence: true, mayBeNotApplicable: true },
            { code: "2.2.2", name: "Số hóa", max: 3, rule: { kind: "tiers", tiers: [{ from: 1, points: 3 }, { from: 0.5, points: 1.5 }, { from: 0, points: 0 }] }, evidence: true, mayBeNotApplicable: true },
          ],
        },
        { code: "2.3", name: "Dịch vụ công trực tuyến", max: 3, rule: { kind: "manual" }, evidence: false, mayBeNotApplicable: true },
      ],
    },
    {
      code: "3",
      name: "Điều tra xã hội học",
      source: "survey",
      children: [
        { code: "3.1", name: "Hài lòng", max: 12, rule: { kind: "manual", step: 0.01 } },
        { code: "3.2", name: "Tiếp cận", max: 5.5, rule: { kind: "manual", step: 0.01 } },
      ],
    },
  ],
  adjustments: [
    { code: "T", name: "Điểm thưởng", kind: "bonus", max: 1.5 },
    { code: "TR", name: "Điểm trừ", kind: "penalty", max: 2 },
  ],
} satisfies CriteriaSet);

/** A score the leaf's rule allows, drawn at random (quarter-point grid for a manual leaf without a step). */
export function randomAllowed(r: Rand, leaf: IndexedNode): number {
  const list = allowedValues(leaf.rule, leaf.innerMax);
  if (list) return pick(r, list);
  const step = rangeStep(leaf.rule) ?? 0.25;
  const k = Math.floor(r() * (Math.round(leaf.innerMax / step) + 1));
  return Math.round(Math.min(leaf.innerMax, k * step) * 100) / 100;
}

/** Not-applicable marks as units type them (case, spacing, a decomposed Đ). */
const MARKS: CellValue[] = ["KĐG", "KĐG", "N/A", "kđg", " KĐG ", "KDG", "Không đánh giá", "KĐG".normalize("NFD")];

export interface GenOptions {
  sheet: string;
  unitName?: string;
  rounds: 0 | 1 | 2;
  /** Share of leaves that get a round-2 score (partly filled rounds). */
  round2Share?: number;
  /** Share of leaves without a round-1 score. */
  round1Gap?: number;
  naShare?: number;
  /** Share of applicable-scored leaves (that may be not applicable) an appraiser marks KĐG in round 1. */
  appraiserNaShare?: number;
  twoRowHeader?: boolean;
  numericCodes?: boolean;
  romanFields?: boolean;
  adjustments?: boolean;
  titleRows?: number;
}

/** A unit sheet spec with random allowed scores, not-applicable marks, partly filled rounds and adjustments. */
export function randomUnit(set: IndexedSet, r: Rand, o: GenOptions): UnitSpec {
  const leaves: Record<string, LeafEntry> = {};
  for (const leaf of set.leaves) {
    const survey = leaf.source === "survey";
    const na = leaf.mayBeNotApplicable && chance(r, o.naShare ?? 0.3);
    const self: CellValue = survey ? null : na ? pick(r, MARKS) : randomAllowed(r, leaf);
    const appraised: CellValue[] = [];
    if (o.rounds >= 1) {
      // Round 1: mostly filled; an appraiser keeps the unit's mark, agrees, or gives another allowed score.
      const gap = !survey && chance(r, o.round1Gap ?? 0.15);
      // Now and then appraisers judge a leaf not applicable although the unit scored it.
      const markedByAppraiser = leaf.mayBeNotApplicable && !na && chance(r, o.appraiserNaShare ?? 0.1);
      appraised.push(gap ? null : (na && chance(r, 0.7)) || markedByAppraiser ? "KĐG" : chance(r, 0.5) && !survey ? self : randomAllowed(r, leaf));
    }
    if (o.rounds === 2) appraised.push(chance(r, o.round2Share ?? 0.35) ? randomAllowed(r, leaf) : null);
    leaves[leaf.code] = { self, appraised, note: appraised.some((a) => a !== null && a !== self) ? "Thẩm định lại" : null };
  }
  const adj = o.adjustments ?? chance(r, 0.6);
  const bonusMax = set.adjustments.find((a) => a.kind === "bonus")?.max ?? 0;
  const penaltyMax = set.adjustments.find((a) => a.kind === "penalty")?.max ?? 0;
  return {
    sheet: o.sheet,
    unitName: o.unitName ?? `UBND xã ${o.sheet}`,
    appraisalRounds: o.rounds,
    twoRowHeader: o.twoRowHeader,
    numericCodes: o.numericCodes,
    romanFields: o.romanFields,
    titleRows: o.titleRows,
    leaves,
    ...(adj ? { bonus: Math.round(r() * bonusMax * 4) / 4, penalty: (chance(r, 0.5) ? -1 : 1) * Math.round(r() * penaltyMax * 4) / 4 } : {}),
  };
}

/**
 * The fixture set with more leaves that may be not applicable: the first non-survey leaves without the flag get it
 * until `count` leaves have it (the fixture has 2).
 */
export function withNotApplicable(base: IndexedSet, count: number): IndexedSet {
  const data = JSON.parse(JSON.stringify(base.set)) as CriteriaSet;
  let have = 0;
  const walk = (nodes: CriteriaNode[]) => nodes.forEach((n) => (n.children ? walk(n.children) : n.mayBeNotApplicable && have++));
  walk(data.nodes);
  const mark = (nodes: CriteriaNode[]) =>
    nodes.forEach((n) => {
      if (n.children) return mark(n.children);
      if (have < count && !n.mayBeNotApplicable && n.source !== "survey") {
        n.mayBeNotApplicable = true;
        have++;
      }
    });
  mark(data.nodes);
  if (have < count) throw new Error(`test bug: the set has fewer than ${count} leaves to mark`);
  return accept({ ...data, id: `${data.id}-kdg-${count}` });
}

const LEAF_RULES: CriteriaNode["rule"][] = [{ kind: "binary" }, { kind: "deduction", step: 0.25 }, { kind: "manual", step: 0.5 }, { kind: "tiers", tiers: [{ from: 1, points: 1 }, { from: 0.5, points: 0.5 }, { from: 0, points: 0 }] }];

/**
 * A made-up set of any size: one field per entry of `fieldSizes`, with that many leaves of 1 point each (rules
 * cycling through binary, deduction, manual and tiers), `notApplicable` of the leaves (spread evenly) allowed to
 * be not applicable, fields weighted (each counts 10) when asked, a bonus and a penalty.
 */
export function syntheticSet(o: { id: string; fieldSizes: number[]; notApplicable: number; weighted?: boolean; extraLeaves?: CriteriaNode[] }): IndexedSet {
  const total = o.fieldSizes.reduce((a, b) => a + b, 0);
  const every = o.notApplicable ? total / o.notApplicable : Infinity;
  let i = 0;
  const nodes: CriteriaNode[] = o.fieldSizes.map((size, f) => ({
    code: String(f + 1),
    name: `Lĩnh vực ${f + 1}`,
    ...(o.weighted ? { weight: 10 } : {}),
    children: Array.from({ length: size }, (_, j) => {
      const na = Math.floor(i / every) !== Math.floor((i + 1) / every) || (o.notApplicable === total);
      const rule = LEAF_RULES[i++ % LEAF_RULES.length];
      return { code: `${f + 1}.${j + 1}`, name: `Tiêu chí ${f + 1}.${j + 1}`, max: 1, rule, evidence: j % 3 === 0, ...(na ? { mayBeNotApplicable: true } : {}) };
    }),
  }));
  const extra = String(nodes.length + 1);
  if (o.extraLeaves) nodes.push({ code: extra, name: "Tiêu chí danh sách dài", children: o.extraLeaves.map((l, j) => ({ ...l, code: `${extra}.${j + 1}` })) });
  return accept({
    format: "cchc-criteria/1",
    id: o.id,
    title: `Bộ tiêu chí thử ${o.id}`,
    rounding: { decimals: 2, mode: "round" },
    threshold: 0.8,
    bands: [
      { min: 80, label: "Tốt" },
      { min: 50, label: "Khá" },
      { min: 0, label: "Yếu" },
    ],
    nodes,
    adjustments: [
      { code: "T", name: "Điểm thưởng", kind: "bonus", max: 1 },
      { code: "TR", name: "Điểm trừ", kind: "penalty", max: 1 },
    ],
  });
}

/**
 * Leaves with long allowed-score lists (syntheticSet gives them their codes): 31 tiers (more than a dropdown shows: a decimal rule instead), and 30
 * tiers whose points, written as an inline list, pass Excel's 255 characters (a list from cells has no such cap).
 */
export function longListLeaves(): CriteriaNode[] {
  const tiers = (n: number, top: number, step: number) => Array.from({ length: n }, (_, k) => ({ from: k === n - 1 ? 0 : Math.round((1 - (k + 1) / n) * 1000) / 1000, points: Math.round((top - k * step) * 100) / 100 }));
  return [
    { code: "", name: "Ba mươi mốt mức", max: 31, rule: { kind: "tiers", tiers: tiers(31, 31, 1) }, evidence: false },
    { code: "", name: "Ba mươi mức dài", max: 12345.67, rule: { kind: "tiers", tiers: tiers(30, 12345.67, 111.11) }, evidence: false, mayBeNotApplicable: true },
  ];
}
