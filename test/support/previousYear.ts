import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { indexSet, IndexedSet } from "../../src/core/criteria/indexed";
import { CriteriaNode, CriteriaSet } from "../../src/core/criteria/model";
import { validateCriteria } from "../../src/core/criteria/validate";
import { FIXTURE, fixtureSet } from "./sample";
import { mulberry32 } from "./random";
import { toXlsx, unitSheet } from "./workbookBuilder";
import { randomUnit } from "../formulas/generate";

/**
 * Two seasons of unit workbooks for `summary --previous`. Last year's set differs from this year's (the fixture)
 * in three known ways, and last year's names are this year's typed otherwise (case, spacing, no diacritics).
 */
export const LAST_YEAR_CHANGES = {
  /** Leaves: 7.6 is new this year, 4.4 is gone, 1.1.1's max was 1.5. */
  leaves: [
    { code: "1.1.1", change: "max", before: 1.5, after: 1 },
    { code: "7.6", change: "added", before: null, after: 2 },
    { code: "4.4", change: "removed", before: 2, after: null },
  ],
  /** Fields 1, 4 and 7 therefore had other maxima. */
  fields: ["1", "4", "7"],
};

/** This year's unit names and, where the unit existed, last year's spelling of it. */
export const UNITS: { sheet: string; name: string; lastYear?: string }[] = [
  { sheet: "An Khánh", name: "UBND xã An Khánh", lastYear: "UBND XÃ AN KHÁNH" },
  { sheet: "Bắc Sơn", name: "UBND xã Bắc Sơn", lastYear: "UBND xa Bac Son" },
  { sheet: "Cẩm Lĩnh", name: "UBND xã Cẩm Lĩnh", lastYear: "  UBND  xã Cẩm Lĩnh " },
  { sheet: "Đồng Tâm", name: "UBND xã Đồng Tâm", lastYear: "UBND xã Đồng Tâm".normalize("NFD") },
  { sheet: "Hòa Bình", name: "UBND xã Hòa Bình", lastYear: "UBND xã Hoà Bình" },
  { sheet: "Mới Lập", name: "UBND xã Mới Lập" },
];
/** A unit last year that is gone this year (merged away). */
export const GONE = "UBND xã Đã Sáp Nhập";

export function lastYearSet(): IndexedSet {
  const raw = JSON.parse(readFileSync(FIXTURE, "utf8")) as CriteriaSet;
  const visit = (nodes: CriteriaNode[]): CriteriaNode[] =>
    nodes
      .filter((n) => n.code !== "7.6")
      .map((n) => {
        const children = n.children ? visit(n.children) : undefined;
        if (n.code === "4") {
          const copy = JSON.parse(JSON.stringify(children!.find((c) => c.code === "4.2"))) as CriteriaNode;
          children!.push({ ...copy, code: "4.4", name: "Tiêu chí năm trước", max: 2 });
        }
        return { ...n, ...(n.code === "1.1.1" ? { max: 1.5 } : {}), ...(children ? { children } : {}) };
      });
  const set = { ...raw, id: "xa-2024-mau", year: 2024, nodes: visit(raw.nodes) };
  const r = validateCriteria(set);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("; "));
  return indexSet(r.set);
}

/** Writes last year's and this year's unit workbooks (one unit per file, each with its set's sheet). */
export async function writeSeasons(dir: string, seed = 2024): Promise<{ lastYear: string[]; thisYear: string[]; lastSet: IndexedSet; set: IndexedSet }> {
  const lastSet = lastYearSet();
  const set = fixtureSet();
  const r = mulberry32(seed);
  const lastYear: string[] = [];
  const thisYear: string[] = [];
  const lastUnits = [...UNITS.filter((u) => u.lastYear).map((u) => ({ sheet: u.sheet, name: u.lastYear! })), { sheet: "Sáp Nhập", name: GONE }];
  for (const [i, u] of lastUnits.entries()) {
    const file = path.join(dir, `nam-truoc-${i + 1}.xlsx`);
    writeFileSync(file, await toXlsx([unitSheet(lastSet, randomUnit(lastSet, r, { sheet: u.sheet, unitName: u.name, rounds: 1, naShare: 0.2 }))], lastSet));
    lastYear.push(file);
  }
  for (const [i, u] of UNITS.entries()) {
    const file = path.join(dir, `nam-nay-${i + 1}.xlsx`);
    writeFileSync(file, await toXlsx([unitSheet(set, randomUnit(set, r, { sheet: u.sheet, unitName: u.name, rounds: (i % 3) as 0 | 1 | 2, naShare: 0.2 }))], set));
    thisYear.push(file);
  }
  return { lastYear, thisYear, lastSet, set };
}
