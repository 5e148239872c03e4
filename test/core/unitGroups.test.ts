/**
 * A field a kind of unit is not assessed on (issue 13 item 4): declared once in the set's unitGroups, named on the
 * unit sheet in "Nhóm đơn vị"; its max leaves the unit's denominator, its cells do not count, and nothing is asked
 * of its rows.
 */
import { checkWorkbook } from "../../src/core/check/checkWorkbook";
import { criteriaToJson } from "../../src/core/criteria/serialize";
import { parseCriteriaJson, validateCriteria } from "../../src/core/criteria/validate";
import { criteriaToRows, rowsToCriteria } from "../../src/core/criteria/sheetForm";
import { CriteriaSheetCell } from "../../src/core/criteria/sheetLayout";
import { templateUnitGrid } from "../../src/core/plan/templateSheet";
import { fixtureSet, groupedSet, UNIT_GROUPS, withGroupCell } from "../support/sample";
import { unitSheet } from "../support/workbookBuilder";

const set = groupedSet();
const field3 = set.fields.find((f) => f.code === "3")!;

function checked(spec: Parameters<typeof unitSheet>[1], group?: string, separate = false) {
  const sheet = unitSheet(set, spec);
  if (group !== undefined) withGroupCell(sheet.values, group, separate);
  return checkWorkbook(set, { sheets: [sheet] });
}

describe("a unit in a group not assessed on a field", () => {
  test("the field's max leaves the denominator and its points do not count", () => {
    const alone = checked({ sheet: "Xã A" }).units[0].scores;
    const grouped = checked({ sheet: "Xã A" }, "Xã không có TTHC").units[0].scores;
    expect(alone.maxApplicable).toBe(set.maxTotal);
    expect(grouped.maxApplicable).toBeCloseTo(set.maxTotal - field3.innerMax, 6);
    const f3 = alone.fields.find((f) => f.code === "3")!;
    expect(grouped.self).toBeCloseTo(alone.self - f3.self, 6);
    expect(grouped.index).toBeCloseTo(
      Math.round(((alone.self - f3.self) / (set.maxTotal - field3.innerMax)) * 10000) / 100,
      2
    );
  });

  test("its rows may be left out or left empty: no missing criterion, score or evidence", () => {
    const omitted = checked({ sheet: "Xã B", omit: ["3"] }, "khong-tthc");
    const rules = new Set(omitted.findings.map((f) => f.rule));
    expect(rules.has("missing-criterion")).toBe(false);
    const empty = Object.fromEntries(
      set.leaves
        .filter((l) => l.field === field3)
        .map((l) => [l.code, { self: null, evidence: null }])
    );
    const blank = checked({ sheet: "Xã C", leaves: empty }, "khong-tthc", true);
    expect(blank.findings.filter((f) => f.criterion?.startsWith("3"))).toEqual([]);
    // Without the group the same sheet is asked for every one of them.
    const ungrouped = checked({ sheet: "Xã C", leaves: empty });
    expect(ungrouped.findings.filter((f) => f.rule === "score-missing").length).toBe(
      set.leaves.filter((l) => l.field === field3).length
    );
  });

  test("two leaves of another group: only theirs leave the denominator", () => {
    const scores = checked({ sheet: "Xã D" }, "chua-dvc").units[0].scores;
    const leaves = ["7.5", "7.6"].map((c) => set.byCode.get(c)!.innerMax);
    expect(scores.maxApplicable).toBeCloseTo(set.maxTotal - leaves[0] - leaves[1], 6);
  });
});

describe("the set's unitGroups", () => {
  test("round-trip through the JSON written", () => {
    const again = parseCriteriaJson(criteriaToJson(set.set));
    expect(again.ok && again.set.unitGroups).toEqual(UNIT_GROUPS);
  });

  test.each([
    [
      "a code the set does not have",
      [{ id: "a", name: "A", notAssessed: ["9"] }],
      "unit-group-unknown-code",
      "unitGroups[0].notAssessed[0]",
    ],
    [
      "an adjustment's code",
      [{ id: "a", name: "A", notAssessed: ["T"] }],
      "unit-group-unknown-code",
      "unitGroups[0].notAssessed[0]",
    ],
    [
      "nothing listed",
      [{ id: "a", name: "A", notAssessed: [] }],
      "unit-group-empty",
      "unitGroups[0].notAssessed",
    ],
    [
      "two groups that read alike",
      [
        { id: "a", name: "Xã A", notAssessed: ["1"] },
        { id: "b", name: "XÃ  a", notAssessed: ["2"] },
      ],
      "unit-group-duplicate",
      "unitGroups[1].name",
    ],
  ])("refused: %s", (_name, unitGroups, code, path) => {
    const r = validateCriteria({ ...JSON.parse(criteriaToJson(set.set)), unitGroups });
    expect(r.ok ? [] : r.problems.map((p) => [p.code, p.path])).toEqual([[code, path]]);
  });
});

describe("unit groups and tier bounds in the criteria sheet", () => {
  const sheet = (values: CriteriaSheetCell[][]) => ({ name: "Bộ tiêu chí", values });

  test("each group is a settings row (name, id, codes) and reads back to the same JSON", () => {
    const withAbove = JSON.parse(criteriaToJson(set.set));
    withAbove.nodes[2].children[4].rule = {
      kind: "tiers",
      tiers: [
        { from: 0.9, above: true, points: 2.5 },
        { from: 0.7, points: 1 },
        { from: 0, points: 0 },
      ],
    };
    const original = parseCriteriaJson(JSON.stringify(withAbove));
    if (!original.ok) throw new Error("refused");
    const rows = criteriaToRows(original.set);
    expect(
      rows.filter((r) => r[0] === "Nhóm đơn vị không đánh giá").map((r) => r.slice(1, 4))
    ).toEqual([
      ["Xã không có TTHC", "khong-tthc", "3"],
      ["Xã chưa có dịch vụ công trực tuyến", "chua-dvc", "7.5; 7.6"],
    ]);
    const back = rowsToCriteria(sheet(rows));
    expect(back.ok && criteriaToJson(back.set)).toBe(criteriaToJson(original.set));
  });

  test("a group's unknown code is pointed at in the sheet", () => {
    const rows = criteriaToRows(set.set).map((r) =>
      r[0] === "Nhóm đơn vị không đánh giá" && r[2] === "chua-dvc"
        ? [r[0], r[1], r[2], "7.5; 9.9"]
        : r
    );
    const back = rowsToCriteria(sheet(rows));
    expect(back.ok).toBe(false);
    const row = rows.findIndex((r) => r[2] === "chua-dvc") + 1;
    if (!back.ok)
      expect(back.problems.map((p) => [p.code, p.at?.cell])).toEqual([
        ["unit-group-unknown-code", `D${row}`],
      ]);
  });
});

describe("the template of a set with unit groups", () => {
  test("has a 'Nhóm đơn vị:' row for the unit to fill; filled, the group counts", () => {
    const grid = templateUnitGrid(set, "UBND xã Mới", "Xã Mới");
    expect(grid.values[2]).toEqual(["Nhóm đơn vị:", null]);
    expect(templateUnitGrid(fixtureSet(), "UBND xã Mới", "Xã Mới").values[2]).toEqual([]);
    grid.values[2] = ["Nhóm đơn vị:", "Xã không có TTHC"];
    const unit = checkWorkbook(set, { sheets: [grid] }).units[0];
    expect(unit.scores.maxApplicable).toBeCloseTo(set.maxTotal - field3.innerMax, 6);
  });
});
