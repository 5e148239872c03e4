import { indexSet } from "../../src/core/criteria/indexed";
import { CriteriaSet } from "../../src/core/criteria/model";
import { findingMessage } from "../../src/core/findings/messages";
import { leafAverages, weakCriterionFindings } from "../../src/core/scoring/leafAverages";
import { checkSheets, checkSpec, only, rules, SET } from "../support/checkHelpers";
import { unitSheet } from "../support/workbookBuilder";

describe("a clean sheet", () => {
  test("gives no finding at all", () => {
    const r = checkSpec({ appraisalRounds: 1 });
    expect(r.findings).toEqual([]);
    expect(r.units).toHaveLength(1);
  });
});

describe("finding rules, one by one", () => {
  test("header-not-found: a scoring-looking sheet without the max column", () => {
    const r = checkSheets([{ name: "Xã Thiếu", values: [["STT", "Nội dung", "Điểm tự chấm", "Tài liệu kiểm chứng"], ["1", "x", 1, "a"]] }]);
    const f = only(r.findings, "header-not-found");
    expect(f).toHaveLength(1);
    expect(f[0].params).toEqual({ missing: ["max"], headerRow: 1 });
    expect(f[0].sheet).toBe("Xã Thiếu");
  });

  test("missing-criterion names the node, sheet-wide (no cell)", () => {
    const f = only(checkSpec({ omit: ["2.3"] }).findings, "missing-criterion");
    expect(f.map((x) => x.criterion)).toEqual(["2.3"]);
    expect(f[0].cell).toBeUndefined();
  });

  test("unknown-criterion on a code the set lacks", () => {
    const s = unitSheet(SET, { sheet: "X" });
    s.values.push(["9.9", "Tự thêm", 1, null, 1, "bc"]);
    const f = only(checkSheets([s]).findings, "unknown-criterion");
    expect(f).toHaveLength(1);
    expect(f[0].params).toEqual({ code: "9.9" });
    expect(f[0].cell).toBe(`A${s.values.length}`);
  });

  test("duplicate-criterion points at the first occurrence", () => {
    const s = unitSheet(SET, { sheet: "X" });
    s.values.push(["1.2", "lặp", 2, null, 2, "bc"]);
    const f = only(checkSheets([s]).findings, "duplicate-criterion");
    expect(f).toHaveLength(1);
    expect(f[0].params.firstCell).toBe(`A${s.rowOf.get("1.2")}`);
  });

  test("ambiguous-code: 1.10 stored as the number 1.1 is caught, not merged with 1.1", () => {
    const set = indexSet(tenChildren());
    const s = unitSheet(set, { sheet: "X", numericCodes: true });
    const r = checkSheets([s], set);
    const f = only(r.findings, "ambiguous-code");
    expect(f.map((x) => x.params.chosen)).toEqual(["1.1", "1.10"]);
    expect(only(r.findings, "duplicate-criterion")).toEqual([]);
    expect(only(r.findings, "missing-criterion")).toEqual([]);
  });

  test("ambiguous-code: a number format with two decimals says 1.10", () => {
    const set = indexSet(tenChildren());
    const s = unitSheet(set, { sheet: "X", numericCodes: true });
    const row = s.rowOf.get("1.10")! - 1;
    s.numberFormats = [];
    s.numberFormats[row] = ["0.00"];
    // Out of order: put 1.10 first so only the format can tell.
    const moved = s.values.splice(row, 1)[0];
    s.numberFormats.splice(row, 1);
    const at = s.rowOf.get("1.1")! - 1;
    s.values.splice(at, 0, moved);
    s.numberFormats.splice(at, 0, ["0.00"]);
    const f = only(checkSheets([s], set).findings, "ambiguous-code");
    expect(f[0].params.chosen).toBe("1.10");
  });

  test("max-mismatch", () => {
    const s = unitSheet(SET, { sheet: "X" });
    s.values[s.rowOf.get("2.1")! - 1][2] = 3;
    const f = only(checkSheets([s]).findings, "max-mismatch");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ criterion: "2.1", cell: `C${s.rowOf.get("2.1")}`, params: { sheetMax: 3, setMax: 2 } });
  });

  test("score-missing, but not for survey leaves nor not-applicable ones", () => {
    const r = checkSpec({ leaves: { "2.2": { self: null } } });
    expect(only(r.findings, "score-missing").map((f) => f.criterion)).toEqual(["2.2"]);
  });

  test.each([
    ["abc", "text"],
    [new Date(Date.UTC(2025, 4, 1)), "date"],
    [true, "boolean"],
  ])("score-not-numeric for %p", (value, what) => {
    const f = only(checkSpec({ leaves: { "2.2": { self: value } } }).findings, "score-not-numeric");
    expect(f).toHaveLength(1);
    expect(f[0].params.what).toBe(what);
  });

  test("number-as-text uses the value", () => {
    const r = checkSpec({ leaves: { "2.2": { self: "1,5" } } });
    expect(only(r.findings, "number-as-text")[0].params).toMatchObject({ text: "1,5", value: 1.5 });
    expect(r.units[0].scores.self).toBe(70);
  });

  test("score-out-of-range above max and below 0", () => {
    const r = checkSpec({ leaves: { "5.4": { self: 3.5 }, "4.3": { self: -1 } } });
    expect(only(r.findings, "score-out-of-range").map((f) => f.criterion).sort()).toEqual(["4.3", "5.4"]);
    expect(only(r.findings, "score-not-allowed")).toEqual([]);
  });

  test.each([
    ["1.3", 0.75, "binary without a late value"],
    ["1.1.2", 2, "a tier value that does not exist"],
    ["1.2", 1.75, "an off-step deduction"],
    ["8.1", 12.345, "an off-step manual score"],
  ])("score-not-allowed: %s = %p (%s)", (code, score) => {
    const leaves = code === "8.1" ? { [code]: { appraised: [score] } } : { [code]: { self: score } };
    const f = only(checkSpec({ leaves, appraisalRounds: code === "8.1" ? 1 : 0 }).findings, "score-not-allowed");
    expect(f.map((x) => x.criterion)).toEqual([code]);
  });

  test("binary with a late value allows it", () => {
    expect(only(checkSpec({ leaves: { "1.1.1": { self: 0.5 } } }).findings, "score-not-allowed")).toEqual([]);
  });

  test("score-ratio-mismatch: 93% on 3.2.1 gives 1.5, not 5", () => {
    const f = only(checkSpec({ leaves: { "3.2.1": { self: 5, ratio: "93%" } } }).findings, "score-ratio-mismatch");
    expect(f).toHaveLength(1);
    expect(f[0].params).toMatchObject({ ratio: 0.93, score: 5, expected: 1.5 });
  });

  test("a ratio that matches gives nothing", () => {
    expect(only(checkSpec({ leaves: { "3.2.1": { self: 4, ratio: 0.985 } } }).findings, "score-ratio-mismatch")).toEqual([]);
  });

  test("not-applicable-not-allowed, while allowed leaves leave the denominator", () => {
    const r = checkSpec({ leaves: { "4.2": { self: "KĐG" }, "6.3": { self: "N/A", evidence: null } } });
    expect(only(r.findings, "not-applicable-not-allowed").map((f) => f.criterion)).toEqual(["4.2"]);
    expect(r.units[0].scores.maxApplicable).toBe(98);
  });

  test("formula-error in a score, a subtotal and the total row", () => {
    const s = unitSheet(SET, { sheet: "X", leaves: { "2.2": { self: { error: "#REF!" } } }, parentSelf: { "3": { error: "#DIV/0!" } } });
    s.values[s.rowOf.get("TOTAL")! - 1][4] = { error: "#VALUE!" };
    const f = only(checkSheets([s]).findings, "formula-error");
    expect(f.map((x) => x.params.error)).toEqual(["#REF!", "#DIV/0!", "#VALUE!"]);
  });

  test("subtotal-mismatch on a parent typed by hand and on the total", () => {
    const s = unitSheet(SET, { sheet: "X", parentSelf: { "5": 8.5, "1.1": 3.5 } });
    s.values[s.rowOf.get("TOTAL")! - 1][4] = 71;
    const f = only(checkSheets([s]).findings, "subtotal-mismatch");
    // 1.1 typed right gives nothing; the total is compared with the field rows as shown (8.5 for field 5).
    expect(f.map((x) => [x.criterion ?? "total", x.params.value, x.params.expected])).toEqual([
      ["5", 8.5, 9],
      ["total", 71, 69.5],
    ]);
  });

  test("missing-evidence on a scored leaf, not on a zero score", () => {
    const r = checkSpec({ leaves: { "2.2": { evidence: null }, "2.4": { self: 0, evidence: null } } });
    const f = only(r.findings, "missing-evidence");
    expect(f.map((x) => x.criterion)).toEqual(["2.2"]);
    expect(f[0].cell).toMatch(/^F\d+$/);
  });

  test("below-threshold uses the final score against threshold × max", () => {
    const r = checkSpec({ appraisalRounds: 1, leaves: { "4.3": { self: 2.5, appraised: [1.5], note: "x" }, "1.2": { self: 1, appraised: [1.5], note: "x" }, "5.4": { self: 2, appraised: [2] } } });
    const f = only(r.findings, "below-threshold");
    expect(f.map((x) => x.criterion)).toEqual(["1.2", "4.3", "5.4"]);
    expect(f[1].params).toMatchObject({ score: 1.5, max: 2.5, threshold: 0.8, limit: 2 });
    expect(f[1].cell).toMatch(/^G/); // the appraised cell: the final score is the appraised one
  });

  test("survey-self-scored, and the self-score is not counted", () => {
    const r = checkSpec({ leaves: { "8.1": { self: 15 } } });
    expect(only(r.findings, "survey-self-scored").map((f) => f.criterion)).toEqual(["8.1"]);
    expect(r.units[0].scores.self).toBe(70);
  });

  test("appraisal-without-note and appraisal-missing", () => {
    const r = checkSpec({
      appraisalRounds: 1,
      leaves: { "2.2": { self: 1.5, appraised: [0] }, "2.5": { self: 1.5, appraised: [0], note: "Không có kế hoạch" }, "2.1": { self: 2, appraised: [] } },
    });
    expect(only(r.findings, "appraisal-without-note").map((f) => f.criterion)).toEqual(["2.2"]);
    expect(only(r.findings, "appraisal-missing").map((f) => f.criterion)).toEqual(["2.1"]);
    expect(only(r.findings, "appraisal-missing")[0].severity).toBe("info");
  });

  test("weak-criterion: a leaf whose average share is under threshold across units", () => {
    const a = checkSpec({ sheet: "A", leaves: { "4.3": { self: 1.5 } } }).units[0];
    const b = checkSpec({ sheet: "B", leaves: { "4.3": { self: 2.5 } } }).units[0];
    const c = checkSpec({ sheet: "C", leaves: { "4.3": { self: 1.5 } } }).units[0];
    const leaves = leafAverages(SET, [a, b, c].map((u) => u.check.values));
    const f = weakCriterionFindings(leaves);
    // Survey leaves nobody has scored yet are not averaged as zeros.
    expect(f.map((x) => x.criterion)).toEqual(["4.3"]);
    expect(f[0].params.average).toBeCloseTo(5.5 / 3, 4);
    // Exactly at the threshold is not weak: (2 + 2) / 2 = 2 = 0.8 × 2.5.
    const d = checkSpec({ sheet: "D", leaves: { "4.3": { self: 2 } } }).units[0];
    expect(weakCriterionFindings(leafAverages(SET, [d.check.values, d.check.values]))).toEqual([]);
  });

  test("no-scoring-sheet when nothing looks like one", () => {
    const r = checkSheets([{ name: "Hướng dẫn", values: [["Hướng dẫn chấm điểm"], ["Mỗi đơn vị một trang"]] }]);
    expect(rules(r.findings)).toEqual(["no-scoring-sheet"]);
  });

  test("merged-score-cells across the self and appraisal columns", () => {
    const s = unitSheet(SET, { sheet: "X", appraisalRounds: 1 });
    const row = s.rowOf.get("2.2")!;
    s.merges = [`E${row}:G${row}`];
    expect(only(checkSheets([s]).findings, "merged-score-cells")).toHaveLength(1);
  });
});

describe("messages", () => {
  test("every finding renders in Vietnamese and English", () => {
    const r = checkSpec({ appraisalRounds: 1, leaves: { "1.3": { self: 0.75, appraised: [0] }, "2.2": { self: "x" } } });
    for (const f of r.findings) {
      const vi = findingMessage(f, "vi");
      const en = findingMessage(f, "en");
      expect(vi).not.toBe(en);
      expect(vi).not.toMatch(/undefined|NaN/);
      expect(en).not.toMatch(/undefined|NaN/);
    }
    const allowed = findingMessage(r.findings.find((f) => f.rule === "score-not-allowed")!, "vi");
    expect(allowed).toContain("0,75");
  });
});

function tenChildren(): CriteriaSet {
  const children = Array.from({ length: 10 }, (_, i) => ({ code: `1.${i + 1}`, name: `Tiêu chí ${i + 1}`, max: 1, rule: { kind: "binary" as const }, evidence: false }));
  return {
    format: "cchc-criteria/1",
    id: "t",
    title: "t",
    rounding: { decimals: 2, mode: "round" },
    threshold: 0.8,
    bands: [{ min: 0, label: "Yếu" }],
    nodes: [{ code: "1", name: "Lĩnh vực", children }],
    adjustments: [],
  };
}
