import { checkWorkbook } from "../../src/core/check/checkWorkbook";
import { assignSheetRoles, markedSheet, ownedSheetMarkers, ownedSheetName, ownedSheets, undoSheetMarker } from "../../src/core/owned/ownedSheets";
import { sameSheetName, sheetNameProblem } from "../../src/core/owned/sheetNames";
import { SheetGrid, WorkbookRead } from "../../src/core/port";
import { SET } from "../support/checkHelpers";
import { unitSheet } from "../support/workbookBuilder";

const grid = (name: string, extra: Partial<SheetGrid> = {}): SheetGrid => ({ name, values: [], ...extra });
const wb = (sheets: SheetGrid[], names?: { name: string; refersTo: string }[]): WorkbookRead => ({ sheets, ...(names ? { names } : {}) });

describe("markedSheet: the sheet a marker's formula points at", () => {
  test.each([
    ["'Tổng hợp (2)'!$A$1", "Tổng hợp (2)"],
    ["=Sheet1!$A$1", "Sheet1"],
    ["'Ea H''leo'!$A$1", "Ea H'leo"],
    ["cchc_du_lieu!$A$2:$A$14", "cchc_du_lieu"],
  ])("%s → %s", (formula, sheet) => expect(markedSheet(formula)).toBe(sheet));

  test.each(["#REF!", "'Tổng hợp'!#REF!", "[1]Sheet1!$A$1", "Sheet1:Sheet3!$A$1", "$A$1", "1+1", "'X'!$A$1+1", ""])("%s → nothing", (formula) =>
    expect(markedSheet(formula)).toBeUndefined(),
  );
});

describe("ownedSheets: roles from the markers", () => {
  test("each marker gives its sheet a role, under the sheet's real name", () => {
    const read = wb([grid("Báo cáo"), grid("Dữ liệu", { visibility: "veryHidden" }), grid("Xã A")], [
      { name: "_cchc.sheet.summary", refersTo: "'báo cáo'!$A$1" },
      { name: "_CCHC.SHEET.DATA", refersTo: "'Dữ liệu'!$A$1" },
      { name: "_cchc.undo.1", refersTo: "'Xã A'!$A$1" },
    ]);
    expect([...ownedSheets(read)]).toEqual([
      ["summary", "Báo cáo"],
      ["data", "Dữ liệu"],
    ]);
  });

  test("a marker left as #REF! or pointing at a sheet that is not there marks nothing", () => {
    const read = wb([grid("Tổng hợp")], [
      { name: "_cchc.sheet.summary", refersTo: "#REF!" },
      { name: "_cchc.sheet.data", refersTo: "'Đã xóa'!$A$1" },
    ]);
    expect(ownedSheets(read).size).toBe(0);
  });

  test("a sheet holds one role at most", () => {
    const read = wb([grid("X")], [
      { name: "_cchc.sheet.summary", refersTo: "X!$A$1" },
      { name: "_cchc.sheet.data", refersTo: "X!$A$1" },
    ]);
    expect([...ownedSheets(read)]).toEqual([["summary", "X"]]);
  });

  test("older workbooks: a veryHidden cchc_hoan_tac (any case) without an undo marker is the undo sheet; a visible one is a person's", () => {
    expect(ownedSheets(wb([grid("CCHC_Hoan_Tac", { visibility: "veryHidden" })], [])).get("undo")).toBe("CCHC_Hoan_Tac");
    expect(ownedSheets(wb([grid("cchc_hoan_tac")], [])).get("undo")).toBeUndefined();
  });

  test("without names read, the grids' own roles count; assignSheetRoles sets and clears them from the names", () => {
    expect(ownedSheets(wb([grid("S", { role: "summary" })])).get("summary")).toBe("S");
    const read = wb([grid("Tổng hợp", { role: "summary" }), grid("Mới")], [{ name: "_cchc.sheet.summary", refersTo: "Mới!$A$1" }]);
    assignSheetRoles(read);
    expect(read.sheets.map((s) => s.role)).toEqual([undefined, "summary"]);
  });
});

describe("ownedSheetName: the sheet of a role keeps its name, a new one takes a free name", () => {
  test("the marked sheet keeps whatever name it has now", () => {
    expect(ownedSheetName(wb([grid("Kết quả")], [{ name: "_cchc.sheet.summary", refersTo: "'Kết quả'!$A$1" }]), "summary")).toBe("Kết quả");
  });

  test.each([
    [[], "summary", "Tổng hợp"],
    [["TỔNG HỢP"], "summary", "Tổng hợp (2)"],
    [["tổng hợp".normalize("NFD"), "Tổng Hợp (2)"], "summary", "Tổng hợp (3)"],
    [["Tổng hợp"], "summary", "Tổng hợp (2)"],
    [["CCHC_DU_LIEU"], "data", "cchc_du_lieu_2"],
    [["CCHC_HOAN_TAC"], "undo", "cchc_hoan_tac_2"],
  ] as const)("beside %j the %s sheet is %s", (taken, role, name) => {
    const got = ownedSheetName(wb(taken.map((t) => grid(t)), []), role);
    expect(got).toBe(name);
    expect(sheetNameProblem(got)).toBeUndefined();
  });

  test("names the plan also takes are avoided", () => {
    expect(ownedSheetName(wb([], []), "summary", ["tổng hợp"])).toBe("Tổng hợp (2)");
  });

  test("markers for the sheets a plan owns, and the undo sheet's", () => {
    expect(ownedSheetMarkers({ sheets: [{ name: "Tổng hợp (2)", role: "summary", owned: true }, { name: "Xã A", owned: true }] })).toEqual([
      { name: "_cchc.sheet.summary", refersTo: "'Tổng hợp (2)'!$A$1" },
    ]);
    expect(undoSheetMarker("cchc_hoan_tac_2")).toEqual({ name: "_cchc.sheet.undo", refersTo: "'cchc_hoan_tac_2'!$A$1" });
  });
});

describe("sheet names compared as Excel compares them", () => {
  test("without case and in either Unicode form", () => {
    expect(sameSheetName("Tổng hợp", "TỔNG HỢP")).toBe(true);
    expect(sameSheetName("Tổng hợp", "tổng hợp".normalize("NFD"))).toBe(true);
    expect(sameSheetName("Tổng hợp", "Tong hop")).toBe(false);
  });
});

describe("the check never takes the tool's sheets for unit sheets", () => {
  test("a sheet laid out like a unit sheet but marked as the tool's is skipped", () => {
    const unit = unitSheet(SET, { sheet: "Bản sao" });
    const read = wb([unitSheet(SET, { sheet: "Xã A" }), unit], [{ name: "_cchc.sheet.summary", refersTo: "'Bản sao'!$A$1" }]);
    expect(checkWorkbook(SET, read).units.map((u) => u.sheet)).toEqual(["Xã A"]);
    expect(checkWorkbook(SET, wb(read.sheets)).units.map((u) => u.sheet)).toEqual(["Xã A", "Bản sao"]);
  });
});
