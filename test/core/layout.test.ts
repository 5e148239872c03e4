import { findLayout } from "../../src/core/sheet/layout";
import { matchHeader } from "../../src/core/sheet/headers";
import { parseCode } from "../../src/core/sheet/codes";
import { readUnitSheet } from "../../src/core/sheet/unitSheet";
import { checkSheets, checkSpec, only, SET } from "../support/checkHelpers";
import { unitSheet } from "../support/workbookBuilder";

describe("headers", () => {
  test.each([
    ["STT", "code"],
    ["Số TT", "code"],
    ["Mã tiêu chí", "code"],
    ["Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "name"],
    ["Nội dung tiêu chí", "name"],
    ["Điểm chuẩn", "max"],
    ["Thang điểm", "max"],
    ["Tỷ lệ đạt", "ratio"],
    ["Điểm tự đánh giá", "self"],
    ["TLKC", "evidence"],
    ["Tài liệu kiểm chứng (số, ngày văn bản)", "evidence"],
    ["Ghi chú/Giải trình", "note"],
    ["Giải trình của đơn vị", "note"],
    ["  ĐIỂM   TỰ CHẤM ", "self"],
    ["Điểm tự chấm".normalize("NFD"), "self"],
    ["Self score", "self"],
  ])("%s is %s", (text, role) => {
    expect(matchHeader(text)?.role).toBe(role);
  });

  test("appraisal rounds", () => {
    expect(matchHeader("Điểm thẩm định")).toEqual({ role: "appraised", round: undefined });
    expect(matchHeader("Điểm thẩm định lần 2")).toEqual({ role: "appraised", round: 2 });
    expect(matchHeader("Thẩm định".normalize("NFD"))?.role).toBe("appraised");
  });

  test("unrelated text is no header", () => {
    expect(matchHeader("Hướng dẫn")).toBeUndefined();
    expect(matchHeader("")).toBeUndefined();
  });
});

describe("codes", () => {
  test.each([
    ["1.1.", { kind: "code", code: "1.1" }],
    [" 1.1.2 ", { kind: "code", code: "1.1.2" }],
    ["II", { kind: "code", code: "2", roman: "II" }],
    ["VIII.", { kind: "code", code: "8", roman: "VIII" }],
    [3, { kind: "code", code: "3" }],
    ["a)", { kind: "item", letter: "a" }],
    ["-", { kind: "other", text: "-" }],
    [null, { kind: "empty" }],
  ])("%p", (v, expected) => {
    expect(parseCode(v)).toEqual(expected);
  });

  test("a decimal number is flagged as a number code", () => {
    expect(parseCode(1.1)).toMatchObject({ kind: "number", code: "1.1" });
  });

  test("IIII is no Roman numeral", () => {
    expect(parseCode("IIII").kind).toBe("other");
  });
});

describe("sheet layouts as real workbooks have them", () => {
  test("header below title rows, found anywhere in the first 15 rows", () => {
    const s = unitSheet(SET, { sheet: "X", titleRows: 11 });
    const l = findLayout(s);
    expect(l.kind).toBe("scoring");
    if (l.kind === "scoring") expect(l.layout.headerRow).toBe(12);
    expect(checkSheets([s]).findings).toEqual([]);
  });

  test("a header below row 15 is not looked for", () => {
    const s = unitSheet(SET, { sheet: "X", titleRows: 16 });
    expect(findLayout(s).kind).toBe("other");
  });

  test("two-row merged header with two appraisal rounds, in NFD", () => {
    const s = unitSheet(SET, { sheet: "X", twoRowHeader: true, nfd: true, appraisalRounds: 2 });
    const l = findLayout(s);
    expect(l.kind).toBe("scoring");
    if (l.kind !== "scoring") return;
    expect(l.layout.headerRows).toBe(2);
    expect(l.layout.columns.appraised).toEqual([s.columns.appraised1, s.columns.appraised2]);
    expect(l.layout.columns.note).toEqual([s.columns.explain, s.columns.note]);
    expect(checkSheets([s]).findings).toEqual([]);
  });

  test("the last filled appraisal round counts", () => {
    const r = checkSpec({ appraisalRounds: 2, leaves: { "4.3": { self: 2.5, appraised: [1.5, 2.5] } } });
    expect(r.units[0].scores.appraised).toBe(97 - 0);
    const r2 = checkSpec({ appraisalRounds: 2, leaves: { "4.3": { self: 2.5, appraised: [1.5], note: "x" } } });
    expect(r2.units[0].scores.appraised).toBe(96);
  });

  test("numeric codes and Roman field numbers", () => {
    expect(checkSpec({ numericCodes: true, romanFields: true }).findings).toEqual([]);
  });

  test("the unit's name from 'Đơn vị:' or else the sheet name", () => {
    expect(checkSpec({ sheet: "S", unitName: "UBND xã Tân Lập" }).units[0].name).toBe("UBND xã Tân Lập");
    expect(checkSpec({ sheet: "Xã Không Tên", titleRows: 1 }).units[0].name).toBe("Xã Không Tên");
  });

  test("the name in the cell after 'Tên đơn vị:'", () => {
    const s = unitSheet(SET, { sheet: "S" });
    s.values[1] = ["Tên đơn vị:", null, "UBND phường Hạ Long"];
    expect(checkSheets([s]).units[0].name).toBe("UBND phường Hạ Long");
  });

  test("total and adjustment rows are read by name too", () => {
    const s = unitSheet(SET, { sheet: "X", bonus: 1, penalty: 0.5 });
    const layout = findLayout(s);
    if (layout.kind !== "scoring") throw new Error("no layout");
    // Rename the adjustment codes away: the names still say what they are.
    for (const code of ["T", "TR"]) s.values[s.rowOf.get(code)! - 1][0] = null;
    const unit = readUnitSheet(s, layout.layout, SET.adjustments);
    expect(unit.totalRow?.row).toBe(s.rowOf.get("TOTAL"));
    expect(unit.adjustmentRows.map((a) => a.adjustment.kind)).toEqual(["bonus", "penalty"]);
    const scores = checkSheets([s]).units[0].scores;
    expect([scores.bonus, scores.penalty]).toEqual([1, 0.5]);
  });

  test("a penalty typed negative means the same penalty", () => {
    expect(checkSpec({ penalty: -0.5 }).units[0].scores.penalty).toBe(0.5);
  });

  test.each(["KĐG", "kđg", "Không đánh giá".normalize("NFD"), "N/A", "không đánh giá"])("not-applicable mark %p", (mark) => {
    const r = checkSpec({ leaves: { "6.3": { self: mark, evidence: null } } });
    expect(r.findings).toEqual([]);
    expect(r.units[0].scores.maxApplicable).toBe(98);
  });

  test("a column-number row under the header is skipped", () => {
    const s = unitSheet(SET, { sheet: "X" });
    const header = s.values.findIndex((r) => r[0] === "STT");
    s.values.splice(header + 1, 0, ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"]);
    expect(checkSheets([s]).findings).toEqual([]);
  });

  test("hidden rows still count", () => {
    const s = unitSheet(SET, { sheet: "X", leaves: { "2.2": { self: 0 } } });
    s.hiddenRows = [s.rowOf.get("2.2")!];
    expect(checkSheets([s]).units[0].scores.self).toBe(68.5);
  });

  test("sheets that are not scoring sheets are skipped without noise", () => {
    const s = unitSheet(SET, { sheet: "X" });
    const r = checkSheets([{ name: "Danh sách", values: [["Họ tên", "Chức vụ"], ["A", "B"]] }, s, { name: "Trống", values: [] }]);
    expect(r.findings).toEqual([]);
    expect(r.units.map((u) => u.sheet)).toEqual(["X"]);
  });

  test("English headers work too", () => {
    const s = unitSheet(SET, { sheet: "X" });
    const h = s.values.findIndex((r) => r[0] === "STT");
    s.values[h] = ["Code", "Criterion", "Max", "Ratio", "Self score", "Evidence", "Note"];
    expect(checkSheets([s]).findings).toEqual([]);
  });

  test("a stray score on a non-code row is reported, not lost", () => {
    const s = unitSheet(SET, { sheet: "X" });
    s.values.splice(s.rowOf.get("2.3")!, 0, ["a)", "ý phụ", null, null, 1]);
    expect(only(checkSheets([s]).findings, "unknown-criterion").map((f) => f.params.code)).toEqual(["a)"]);
  });
});
