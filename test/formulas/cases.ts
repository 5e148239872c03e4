import { IndexedSet } from "../../src/core/criteria/indexed";
import { GenOptions, prng, randomUnit } from "./generate";
import { unitSheet, UnitSpec } from "../support/workbookBuilder";
import { SheetGrid } from "../../src/core/port";

/** Commune names for generated sheets: diacritics, spaces, an apostrophe (Ea H'leo) that sheet references must quote. */
export const COMMUNES = ["An Khánh", "Bắc Sơn", "Cẩm Lĩnh", "Ea H'leo", "Đồng Tâm", "Hòa Bình", "Khánh Hội", "Long Điền", "Mường Lát", "Nghĩa Đô", "Phú Mỹ", "Quảng Điền"];

/** The quirks each generated sheet gets, cycling so every set sees each of them with 0, 1 and 2 rounds. */
export function variety(i: number): Omit<GenOptions, "sheet"> {
  return {
    rounds: ([0, 1, 2, 2, 1, 0, 2, 1] as const)[i % 8],
    twoRowHeader: i % 3 === 2,
    numericCodes: i % 4 === 1,
    romanFields: i % 5 === 3,
    titleRows: 1 + (i % 4),
    round2Share: i % 2 ? 0.35 : 0.1,
  };
}

/** `count` random unit sheets of a set from one seed. */
export function randomSheets(set: IndexedSet, seed: number, count: number, names = COMMUNES): SheetGrid[] {
  const r = prng(seed);
  return Array.from({ length: count }, (_, i) => unitSheet(set, randomUnit(set, r, { sheet: names[i % names.length] + (i >= names.length ? ` ${i}` : ""), ...variety(i) })));
}

/**
 * Four units whose indexes rank 1, 2, 2, 4, on sheets in another order. Survey leaves get the builder's
 * appraised 90%; B and C lose 1.5 points on different leaves, D loses 3.
 */
export function tieSheets(set: IndexedSet): SheetGrid[] {
  const zero = { self: 0, appraised: [0], evidence: null };
  const specs: UnitSpec[] = [
    { sheet: "Xã D", unitName: "UBND xã Dương", appraisalRounds: 1, leaves: { "1.3": zero, "2.2": zero } },
    { sheet: "Xã C", unitName: "UBND xã Cát", appraisalRounds: 1, twoRowHeader: true, leaves: { "4.1": zero } },
    { sheet: "Xã A", unitName: "UBND xã An", appraisalRounds: 1 },
    { sheet: "Xã B", unitName: "UBND xã Bình", appraisalRounds: 1, numericCodes: true, leaves: { "1.3": zero } },
  ];
  return specs.map((s) => unitSheet(set, s));
}
