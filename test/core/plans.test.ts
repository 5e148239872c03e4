import { checkWorkbook } from "../../src/core/check/checkWorkbook";
import { IndexedSet } from "../../src/core/criteria/indexed";
import { checkPlan } from "../../src/core/excelRules";
import { hasArrayConstant } from "../../src/core/formula/formulaText";
import { clippedList } from "../../src/core/plan/clippedList";
import { dropdownValues } from "../../src/core/plan/unitValidations";
import { MARK_TEXTS } from "../../src/core/plan/dataSheet";
import { planGatheredSummary, planScoreWorkbook } from "../../src/core/plan/workbookPlan";
import { leafAverages } from "../../src/core/scoring/leafAverages";
import { SheetGrid, WorkbookRead, WritePlan } from "../../src/core/port";
import { parseArea } from "../../src/core/sheet/address";
import { edgeSheets, randomSheets, weightedEdgeSheets } from "../formulas/cases";
import { longListLeaves, ROUND_SET, syntheticSet, WEIGHTED_SET, withNotApplicable } from "../formulas/generate";
import { fixtureSet } from "../support/sample";

/** What every plan core makes must be: within Excel's rules, deterministic, and as short as before where it fits. */

function scorePlan(set: IndexedSet, sheets: SheetGrid[], names?: WorkbookRead["names"]) {
  const read: WorkbookRead = { sheets, ...(names ? { names } : {}) };
  const units = checkWorkbook(set, read).units;
  return { read, units, ...planScoreWorkbook(set, read, units) };
}

const formulas = (p: WritePlan) => [
  ...p.ranges.flatMap((r) => r.cells.flat()).flatMap((c) => ("formula" in c ? [c.formula] : [])),
  ...p.conditionalFormats.map((c) => c.formula),
];
const dataSheetOf = (p: WritePlan) => p.sheets.find((s) => s.role === "data")!.name;

const CASES: [string, IndexedSet, SheetGrid[]][] = [
  ["random sheets, 0–2 rounds", ROUND_SET, randomSheets(ROUND_SET, 11, 6)],
  ["edge cases", ROUND_SET, edgeSheets(ROUND_SET)],
  ["weighted parents", WEIGHTED_SET, [...randomSheets(WEIGHTED_SET, 37, 4), ...weightedEdgeSheets(WEIGHTED_SET)]],
  ["7 leaves that may be not applicable", withNotApplicable(ROUND_SET, 7), randomSheets(withNotApplicable(ROUND_SET, 7), 3, 3)],
  ...[30, 100].flatMap((n): [string, IndexedSet, SheetGrid[]][] =>
    [false, true].map((weighted) => {
      const set = syntheticSet({ id: `kdg-${n}${weighted ? "-w" : ""}`, fieldSizes: [25, 25, 25, 25], notApplicable: n, weighted });
      return [`${n} of 100 leaves may be not applicable${weighted ? ", weighted fields" : ""}`, set, randomSheets(set, n, 3)];
    }),
  ),
  ["a field of 300 leaves", syntheticSet({ id: "300", fieldSizes: [300, 5], notApplicable: 40 }), randomSheets(syntheticSet({ id: "300", fieldSizes: [300, 5], notApplicable: 40 }), 5, 3)],
  ["long allowed-score lists", syntheticSet({ id: "dai", fieldSizes: [3], notApplicable: 1, extraLeaves: longListLeaves() }), randomSheets(syntheticSet({ id: "dai", fieldSizes: [3], notApplicable: 1, extraLeaves: longListLeaves() }), 9, 3)],
];

describe("every score plan follows Excel's rules", () => {
  test.each(CASES)("%s: checkPlan finds nothing, no formula passes 8,192 characters, no array constant anywhere", (_, set, sheets) => {
    const { read, plan, units } = scorePlan(set, sheets);
    expect(units.length).toBe(sheets.length);
    expect(checkPlan(plan, read)).toEqual([]);
    expect(Math.max(...formulas(plan).map((f) => f.length + 1))).toBeLessThanOrEqual(8192);
    expect(formulas(plan).filter(hasArrayConstant)).toEqual([]);
  });

  test("the cross-file summary and its marker", () => {
    const { units } = scorePlan(ROUND_SET, randomSheets(ROUND_SET, 2, 3));
    const plan = planGatheredSummary(ROUND_SET, units, leafAverages(ROUND_SET, units.map((u) => u.check.values)));
    expect(checkPlan(plan, { sheets: [] })).toEqual([]);
    expect(plan.names).toEqual([{ name: "_cchc.sheet.summary", refersTo: "'Tổng hợp'!$A$1" }]);
    expect(planGatheredSummary(ROUND_SET, units, [], { sheets: [{ name: "TỔNG HỢP", values: [] }] }).sheets[0].name).toBe("Tổng hợp (2)");
  });
});

describe("formulas that fit stay as they were; longer ones lean on helper cells", () => {
  test("the fixture's sheets need no helper cell: the data sheet holds the marks and the lists only", () => {
    const { plan } = scorePlan(ROUND_SET, randomSheets(ROUND_SET, 11, 6));
    const data = dataSheetOf(plan);
    expect(formulas(plan).filter((f) => f.includes(data))).toEqual([]);
    expect(plan.ranges.filter((r) => r.sheet === data).every((r) => r.cells.flat().every((c) => "value" in c))).toBe(true);
  });

  test("a 300-leaf field's subtotals add helper cells, each within the limit and naming the unit sheet", () => {
    const set = syntheticSet({ id: "300", fieldSizes: [300, 5], notApplicable: 40 });
    const { plan } = scorePlan(set, [randomSheets(set, 5, 2)[1]]);
    const data = dataSheetOf(plan);
    const unit = plan.ranges.find((r) => r.sheet !== data && r.sheet !== "Tổng hợp")!.sheet;
    const helpers = plan.ranges.filter((r) => r.sheet === data && r.cells.flat().some((c) => "formula" in c));
    expect(helpers).toHaveLength(1);
    expect(helpers[0].cells[0]).toEqual([{ value: unit }]); // the column's header names the unit sheet
    const cells = helpers[0].cells.slice(1).map((c) => (c[0] as { formula: string }).formula);
    expect(cells.length).toBeGreaterThan(1);
    for (const f of cells) {
      expect(f.length + 1).toBeLessThanOrEqual(8192);
      expect(f).toContain(`'${unit}'!`);
    }
    const subtotals = plan.ranges.filter((r) => r.sheet === unit).flatMap((r) => r.cells.flat()).filter((c) => "formula" in c && c.formula.includes(`'${data}'!`));
    expect(subtotals.length).toBeGreaterThan(0);
  });

  test("the same input gives the same plan", () => {
    const set = syntheticSet({ id: "kdg-100", fieldSizes: [25, 25, 25, 25], notApplicable: 100, weighted: true });
    const sheets = randomSheets(set, 100, 3);
    expect(JSON.stringify(scorePlan(set, sheets).plan)).toBe(JSON.stringify(scorePlan(set, sheets).plan));
  });
});

describe("the data sheet", () => {
  const set = syntheticSet({ id: "dai", fieldSizes: [3], notApplicable: 1, extraLeaves: longListLeaves() });
  const { plan } = scorePlan(set, randomSheets(set, 9, 1));
  const data = plan.sheets.find((s) => s.role === "data")!;

  test("is veryHidden, marked as the tool's, and carries no rule or validation", () => {
    expect(data).toMatchObject({ name: "cchc_du_lieu", visibility: "veryHidden", owned: true });
    expect(plan.names).toContainEqual({ name: "_cchc.sheet.data", refersTo: "'cchc_du_lieu'!$A$1" });
    expect(plan.conditionalFormats.filter((c) => c.sheet === data.name)).toEqual([]);
    expect(plan.validations.filter((v) => v.sheet === data.name)).toEqual([]);
  });

  test("holds the marks in both Unicode forms under _cchc.marks", () => {
    const marks = plan.ranges.find((r) => r.sheet === data.name && r.at === "A1")!;
    expect(marks.cells.slice(1).map((c) => (c[0] as { value: string }).value)).toEqual(MARK_TEXTS);
    expect(MARK_TEXTS).toContain("KĐG".normalize("NFD"));
    expect(plan.names).toContainEqual({ name: "_cchc.marks", refersTo: `'cchc_du_lieu'!$A$2:$A$${1 + MARK_TEXTS.length}` });
  });

  test("holds each dropdown's scores as numbers (and KĐG where a leaf may be not applicable) under the name its validation uses", () => {
    const lists = plan.validations.filter((v) => v.kind === "list");
    expect(lists.length).toBeGreaterThan(0);
    for (const v of lists) {
      if (v.kind !== "list") continue;
      const name = plan.names.find((n) => n.name === v.source)!;
      const col = /!\$([A-Z]+)\$2:/.exec(name.refersTo)![1];
      const column = plan.ranges.find((r) => r.sheet === data.name && r.at === `${col}1`)!;
      expect(column.cells.slice(1).map((c) => (c[0] as { value: unknown }).value)).toEqual(v.values);
      expect(v.values.filter((x) => typeof x === "string").every((x) => x === "KĐG")).toBe(true);
    }
  });

  test("a list longer than 30 scores gets a decimal rule; a 30-item list whose inline text would pass 255 characters is sourced by name", () => {
    const decimal = plan.validations.filter((v) => v.kind === "decimal" && v.max === 31);
    expect(decimal).toHaveLength(1);
    const long = plan.validations.find((v) => v.kind === "list" && v.values.length === 31)!; // 30 levels and KĐG
    expect(long.kind === "list" && long.values.map(String).join(",").length).toBeGreaterThan(255);
    expect(long.kind === "list" && long.source).toMatch(/^_cchc\.list\.\d+$/);
    expect(long.error!.length).toBeLessThanOrEqual(224);
    expect(long.prompt!.length).toBeLessThanOrEqual(255);
    expect(long.error).toMatch(/^Điểm không hợp lệ\. Các mức được phép: 9123,48; 9234,59; .*; …; 12345,67$/);
  });
});

describe("a unit sheet's validations", () => {
  const set = fixtureSet();
  const { plan, units } = scorePlan(set, randomSheets(set, 5, 2));
  const shows = (v: WritePlan["validations"][number]) => {
    const { sheet, ranges, ...rest } = v;
    void sheet;
    void ranges;
    return JSON.stringify(rest);
  };
  const cellsOf = (ref: string) => {
    const a = parseArea(ref);
    const out: string[] = [];
    for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) out.push(`${r}:${c}`);
    return out;
  };

  test("one entry per distinct dropdown or range on a sheet: criteria with the same levels share it, whatever their rule", () => {
    for (const u of units) {
      const own = plan.validations.filter((v) => v.sheet === u.sheet);
      expect(own.length).toBeGreaterThan(0);
      expect(new Set(own.map(shows)).size).toBe(own.length);
    }
  });

  test("each cell is validated once, by what its own leaf allows", () => {
    for (const u of units) {
      const leafAt = new Map(u.check.rows.filter((r) => r.node.isLeaf).map((r) => [r.row, r.node]));
      const seen = new Set<string>();
      for (const v of plan.validations.filter((x) => x.sheet === u.sheet))
        for (const cell of v.ranges.flatMap(cellsOf)) {
          expect(seen.has(cell)).toBe(false);
          seen.add(cell);
          const leaf = leafAt.get(Number(cell.split(":")[0]))!;
          if (v.kind === "list") expect(v.values).toEqual(dropdownValues(leaf));
          else expect([v.max, dropdownValues(leaf)]).toEqual([leaf.innerMax, undefined]);
        }
      expect(seen.size).toBeGreaterThan(0);
    }
  });
});

describe("a person's sheets named like ours", () => {
  test("the tool's summary and data sheets take free names; a later run finds them again by their markers", () => {
    const own = [{ name: "TỔNG HỢP", values: [["của văn phòng"]] }, { name: "CCHC_DU_LIEU", values: [] }];
    const first = scorePlan(ROUND_SET, [...randomSheets(ROUND_SET, 4, 2), ...own]);
    expect(first.plan.sheets.map((s) => [s.name, s.role])).toEqual([
      ["Tổng hợp (2)", "summary"],
      ["cchc_du_lieu_2", "data"],
    ]);
    // The person renames ours; the next run follows the markers.
    const renamed = [...first.read.sheets, { name: "Kết quả CCHC", values: [] }, { name: "cchc_du_lieu_2", values: [], visibility: "veryHidden" as const }];
    const second = scorePlan(ROUND_SET, renamed, [
      { name: "_cchc.sheet.summary", refersTo: "'Kết quả CCHC'!$A$1" },
      { name: "_cchc.sheet.data", refersTo: "'cchc_du_lieu_2'!$A$1" },
    ]);
    expect(second.plan.sheets.map((s) => s.name)).toEqual(["Kết quả CCHC", "cchc_du_lieu_2"]);
    expect(checkPlan(second.plan, second.read)).toEqual([]);
  });
});

describe("clippedList: validation messages within Excel's caps, still readable", () => {
  test("whole when it fits", () => {
    expect(clippedList("Các mức: ", ["0", "0,5", "1"], "", 50)).toBe("Các mức: 0; 0,5; 1");
  });
  test("else the first levels, an ellipsis and the last", () => {
    const items = Array.from({ length: 40 }, (_, i) => String(i * 0.25).replace(".", ","));
    const text = clippedList("Các mức được phép: ", items, "; KĐG (không đánh giá)", 80);
    expect(text.length).toBeLessThanOrEqual(80);
    expect(text).toMatch(/^Các mức được phép: 0; 0,25; .*; …; 9,75; KĐG \(không đánh giá\)$/);
  });
});
