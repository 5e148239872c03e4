/**
 * "Tạo bộ tiêu chí từ trang này" (issue 13 item 1, the pane's action): in Excel over the fake Excel (the active
 * sheet drafted and written as the criteria sheet, the workbook then checked with it; an existing criteria sheet
 * kept; a sheet that is no form said so), and in the browser mode (the open file's form drafted, an .xlsx made,
 * the draft used for the session). The draft, used on the form it came from, reports no structural finding.
 */
import { CRITERIA_SHEET } from "../../src/core/check/sheetNames";
import { loadWorkbookBytes } from "../../src/xlsx/loadWorkbook";
import { readWorkbook } from "../../src/xlsx/readWorkbook";
import { createBrowserSession } from "../../src/taskpane/modes/browserSession";
import { createExcelSession } from "../../src/taskpane/modes/excelSession";
import { rowsToCriteria } from "../../src/core/criteria/sheetForm";
import type { CellValue, SheetGrid } from "../../src/core/port";
import { FakeExcelHost, FakeSheet, FakeWorkbook, installRequirementSets } from "../excel/fakeExcel";
import { buildForm, FormSpec, STRUCTURAL_RULES } from "../support/formBuilder";
import { toXlsx } from "../support/workbookBuilder";

const FORM: FormSpec = {
  sheet: "Mẫu tỉnh",
  rows: [
    { code: "1", name: "Chỉ đạo điều hành", max: 3, self: 3 },
    { code: "1.1", name: "Kế hoạch CCHC", max: 1, self: 1 },
    { code: "1.2", name: "Kiểm tra CCHC", max: 2, self: 2 },
    { code: "2", name: "Điều tra xã hội học", max: 5 },
    { code: "2.1", name: "Mức độ hài lòng", max: 5 },
  ],
  total: 8,
};


/** The fake sheet's values as a grid (A1 at [0][0]). */
function gridOf(sheet: FakeSheet): SheetGrid {
  const area = sheet.usedArea()!;
  const values: CellValue[][] = [];
  for (let r = 1; r <= area.bottom; r++) {
    const row: CellValue[] = [];
    for (let c = 1; c <= area.right; c++) row.push((sheet.cell(r, c)?.value ?? null) as CellValue);
    values.push(row);
  }
  return { name: sheet.name, values };
}

let undo: (() => void)[] = [];
afterEach(() => {
  undo.forEach((f) => f());
  undo = [];
});

describe("in Excel", () => {
  function open(book: FakeWorkbook) {
    undo.push(installRequirementSets(17), new FakeExcelHost(book).install());
    return createExcelSession();
  }

  test("the active form is drafted into a new criteria sheet, and the workbook is checked with it", async () => {
    const book = new FakeWorkbook([{ name: "Hướng dẫn", values: [["Đọc kỹ"]] }, buildForm(FORM)]);
    book.activeSheet = "Mẫu tỉnh";
    const outcome = await open(book).draftCriteria("vi");
    if (outcome.status !== "written") throw new Error(`expected written, got ${outcome.status}`);
    expect(outcome).toMatchObject({ sheet: CRITERIA_SHEET, from: "Mẫu tỉnh" });
    expect(outcome.toConfirm).toBeGreaterThan(0);
    expect(book.sheets.map((s) => s.name)).toContain(CRITERIA_SHEET);
    const written = gridOf(book.sheet(CRITERIA_SHEET));
    expect(written.values.some((r) => r.includes("Cần xác nhận"))).toBe(true);
    const set = rowsToCriteria(written);
    expect(set.ok && set.set.nodes.map((n) => n.code)).toEqual(["1", "2"]);
    expect(outcome.check.criteria.status).toBe("ok");
    const structural = outcome.check.report!.findings.filter((f) => STRUCTURAL_RULES.includes(f.rule));
    expect(structural).toEqual([]);
    expect(outcome.check.report!.units.map((u) => u.sheet)).toEqual(["Mẫu tỉnh"]);
  });

  test("a workbook with a criteria sheet keeps it; a sheet that is no form is said to be none", async () => {
    const book = new FakeWorkbook([
      buildForm(FORM),
      { name: "Bộ tiêu chí", values: [["Tên bộ tiêu chí", "Của tỉnh"]] },
    ]);
    book.activeSheet = "Mẫu tỉnh";
    const before = book.sheet("Bộ tiêu chí").contents();
    expect(await open(book).draftCriteria("vi")).toEqual({
      status: "exists",
      sheet: "Bộ tiêu chí",
    });
    expect(book.sheet("Bộ tiêu chí").contents()).toEqual(before);
    undo.forEach((f) => f());
    undo = [];

    const other = new FakeWorkbook([{ name: "Ghi chú", values: [["Không phải mẫu"]] }]);
    expect(await open(other).draftCriteria("vi")).toEqual({ status: "no-form", from: "Ghi chú" });
    expect(other.sheets.map((s) => s.name)).toEqual(["Ghi chú"]);
  });
});

describe("in the browser mode", () => {
  test("the open file's form is drafted into an .xlsx to download, and used for the session", async () => {
    const session = createBrowserSession();
    expect(await session.draftCriteria("vi")).toEqual({ status: "no-workbook" });
    const bytes = new Uint8Array(await toXlsx([buildForm(FORM)]));
    expect((await session.open(bytes, "mau-tinh.xlsx", "vi")).criteria).toEqual({ status: "none" });
    const outcome = await session.draftCriteria("vi");
    if (outcome.status !== "written") throw new Error(`expected written, got ${outcome.status}`);
    expect(outcome.download?.fileName).toBe("mau-tinh-bo-tieu-chi.xlsx");
    const made = readWorkbook(await loadWorkbookBytes(outcome.download!.bytes));
    expect(made.sheets.map((s) => s.name)).toEqual([CRITERIA_SHEET]);
    expect(outcome.check.criteria).toMatchObject({
      status: "ok",
      summary: { source: { kind: "file", name: "mau-tinh-bo-tieu-chi.xlsx" } },
    });
    expect(outcome.check.report!.findings.filter((f) => STRUCTURAL_RULES.includes(f.rule))).toEqual([]);
    // The session goes on with the draft.
    expect((await session.check("vi")).criteria.status).toBe("ok");
  });
});
