import { checkWorkbook } from "../../src/core/check/checkWorkbook";
import { IndexedSet } from "../../src/core/criteria/indexed";
import { hasArrayConstant } from "../../src/core/formula/formulaText";
import { isMark } from "../../src/core/plan/expressions";
import { planScoreWorkbook } from "../../src/core/plan/workbookPlan";
import { SheetGrid, WorkbookRead, WritePlan } from "../../src/core/port";
import { unitSheet } from "../support/workbookBuilder";
import { longListLeaves, ROUND_SET, syntheticSet, withNotApplicable } from "../formulas/generate";

/**
 * The defects issue 9 found in what core plans (each seen failing on the code before the fix): array constants in
 * conditional-format and validation formulas, formulas past Excel's 8,192 characters, and a person's sheet named
 * like ours taken for ours.
 */

function plan(set: IndexedSet, sheets: SheetGrid[], extra: SheetGrid[] = []): WritePlan {
  const read: WorkbookRead = { sheets: [...sheets, ...extra] };
  return planScoreWorkbook(set, read, checkWorkbook(set, read).units).plan;
}

const longestFormula = (p: WritePlan) =>
  Math.max(
    ...p.ranges.flatMap((r) => r.cells.flat()).map((c) => ("formula" in c ? c.formula.length + 1 : 0)),
    ...p.conditionalFormats.map((c) => c.formula.length + 1)
  );

describe("no array constant in a rule formula", () => {
  test("the not-applicable test refers to the marks by name", () => {
    expect(hasArrayConstant(isMark("E12"))).toBe(false);
  });

  test("conditional formats of a sheet with leaves that may be not applicable", () => {
    const p = plan(ROUND_SET, [unitSheet(ROUND_SET, { sheet: "Xã A", appraisalRounds: 1 })]);
    expect(p.conditionalFormats.length).toBeGreaterThan(0);
    expect(p.conditionalFormats.filter((c) => hasArrayConstant(c.formula)).map((c) => c.key)).toEqual([]);
  });

  test("every list validation takes its items from a named list on the data sheet", () => {
    const set = syntheticSet({ id: "danh-sach-dai", fieldSizes: [4], notApplicable: 2, extraLeaves: longListLeaves() });
    const p = plan(set, [unitSheet(set, { sheet: "Xã A", appraisalRounds: 1 })]);
    const lists = p.validations.filter((v) => v.kind === "list");
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.filter((v) => !/^_cchc\.list\.\d+$/.test((v as { source?: string }).source ?? ""))).toEqual([]);
  });
});

describe("no formula longer than Excel's 8,192 characters", () => {
  test("7 leaves that may be not applicable on a two-round sheet (the index was 8,514 characters with its =)", () => {
    const set = withNotApplicable(ROUND_SET, 7);
    expect(longestFormula(plan(set, [unitSheet(set, { sheet: "Xã A", appraisalRounds: 2 })]))).toBeLessThanOrEqual(8192);
  });

  test("a field of 300 leaves, appraised once (its subtotal was 21,631 characters)", () => {
    const set = syntheticSet({ id: "300-la", fieldSizes: [300, 5], notApplicable: 30 });
    expect(longestFormula(plan(set, [unitSheet(set, { sheet: "Xã A", appraisalRounds: 1 })]))).toBeLessThanOrEqual(8192);
  });
});

describe("a person's sheet named like ours is not ours", () => {
  const fold = (s: string) => s.normalize("NFC").toLowerCase();
  test.each(["Tổng hợp", "TỔNG HỢP", "tổng hợp".normalize("NFD")])("%s is neither rebuilt nor written to", (name) => {
    const own: SheetGrid = { name, values: [["Ghi chú của văn phòng"]] };
    const p = plan(ROUND_SET, [unitSheet(ROUND_SET, { sheet: "Xã A", appraisalRounds: 1 })], [own]);
    const touched = [...p.sheets.map((s) => s.name), ...p.ranges.map((r) => r.sheet), ...p.styles.map((s) => s.sheet)];
    expect(touched.filter((t) => fold(t) === fold(name))).toEqual([]);
    expect(p.sheets.some((s) => s.role === "summary")).toBe(true);
  });
});
