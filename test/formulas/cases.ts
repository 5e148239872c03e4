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

/**
 * One small sheet per situation where a live formula and the core could part ways; each named for what it holds,
 * every other leaf at its maximum with evidence.
 */
export function edgeSheets(set: IndexedSet): SheetGrid[] {
  const specs: UnitSpec[] = [
    // A broken reference in a self-score: the core counts the leaf as 0 (with a formula-error finding).
    { sheet: "Lỗi REF ở tự chấm", leaves: { "3.3.1": { self: { error: "#REF!" } } } },
    // The same in an appraisal round: the core falls back to the self-score.
    { sheet: "Lỗi NA ở thẩm định", appraisalRounds: 1, leaves: { "1.3": { self: 1.5, appraised: [{ error: "#N/A" }] } } },
    // "1,5" typed as text: the core uses 1.5 (number-as-text warning).
    { sheet: "Số dạng chữ", leaves: { "2.5": { self: "1,5" } } },
    // The unit scored a leaf that may be not applicable; the appraisers marked it KĐG.
    { sheet: "Thẩm định KĐG", appraisalRounds: 1, leaves: { "3.2.2": { self: 1, appraised: ["KĐG"], note: "Không được giao" } } },
    // The same in round 2 after a round-1 score.
    { sheet: "Lần 2 KĐG", appraisalRounds: 2, leaves: { "6.3": { self: 2, appraised: [1, "KĐG"], note: "Không được giao" } } },
    // Not applicable written without diacritics.
    { sheet: "Khong danh gia", leaves: { "6.3": { self: "Khong danh gia", evidence: null } } },
    // (TRUE typed in a score cell is left out: LibreOffice has no boolean type, ISNUMBER(TRUE) is TRUE there and
    // FALSE in Excel, so Calc cannot judge what Excel will show.)
    // Round 2 holds text after a round-1 score.
    { sheet: "Chữ ở lần 2", appraisalRounds: 2, leaves: { "4.3": { self: 2.5, appraised: [1.5, "xem lại"], note: "x" } } },
    // Appraisers scored every leaf but the two under 1.1: 1.1's own appraisal subtotal is rightly blank, but its
    // self-scores (the final points of its leaves) must still count in field 1 and the total.
    { sheet: "Nhóm chưa thẩm định", appraisalRounds: 1, leaves: { "1.1.1": { self: 1, appraised: [] }, "1.1.2": { self: 2.5, appraised: [] } } },
    // A whole field not appraised yet (its department has not sent scores) while the others are: field 4 counts
    // with its self-scores in the total and the index.
    { sheet: "Lĩnh vực chưa thẩm định", appraisalRounds: 1, leaves: { "4.1": { self: 1.5, appraised: [] }, "4.2": { self: 2, appraised: [] }, "4.3": { self: 2.5, appraised: [] } } },
    // Every self-scored leaf at its maximum, no survey points yet: exactly 70.00, the lower bound of "Khá".
    { sheet: "Đúng ngưỡng Khá" },
    // Penalty typed as a negative number and bonus above its cap.
    { sheet: "Thưởng trừ", bonus: 5, penalty: -1.5 },
  ];
  return specs.map((s) => unitSheet(set, s));
}

/** Weighted parents with a not-applicable leaf under the weight, and with every leaf under it not applicable. */
export function weightedEdgeSheets(set: IndexedSet): SheetGrid[] {
  return [
    unitSheet(set, { sheet: "KĐG dưới trọng số", leaves: { "1.2": { self: "KĐG", evidence: null } } }),
    unitSheet(set, { sheet: "Cả nhóm KĐG", leaves: { "2.2.1": { self: "KĐG", evidence: null }, "2.2.2": { self: "N/A", evidence: null } } }),
    unitSheet(set, { sheet: "Trọng số đủ", appraisalRounds: 1 }),
  ];
}
