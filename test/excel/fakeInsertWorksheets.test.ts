import { Buffer } from "buffer";
import { insertSheets } from "../../src/excel/insertSheets";
import { toXlsx } from "../support/workbookBuilder";
import { FakeContext, FakeWorkbook, installRequirementSets, OfficeError } from "./fakeExcel";

/**
 * Workbook.insertWorksheetsFromBase64 in the fake Excel, as documented (see fake/insertWorksheets.ts for the
 * pages and issues), and src/excel/insertSheets over it.
 */
async function source(withNote = false): Promise<string> {
  const bytes = await toXlsx(
    [
      { name: "Đơn vị", values: [["Tên", 1, null]], formulas: [[null, null, "Khác!A1*2"]] },
      { name: "Khác", values: [[5]] },
    ],
    undefined,
    (wb) => {
      wb.getWorksheet("Đơn vị")!.getCell("C1").value = { formula: "Khác!A1*2" };
      wb.definedNames.add("'Khác'!$A$1", "Gia_tri");
      if (withNote) wb.getWorksheet("Đơn vị")!.getCell("A1").note = "ghi chú";
    }
  );
  return Buffer.from(bytes).toString("base64");
}

let restore: () => void = () => undefined;
afterEach(() => restore());

async function insert(book: FakeWorkbook, base64: string, options: Excel.InsertWorksheetOptions, ctxOptions = {}) {
  const ctx = new FakeContext(book, ctxOptions);
  const result = ctx.asExcel().workbook.insertWorksheetsFromBase64(base64, options);
  await ctx.sync();
  return result.value;
}

it("needs ExcelApi 1.13 (ApiNotFound below it)", async () => {
  restore = installRequirementSets(12);
  await expect(insert(new FakeWorkbook(), await source(), {})).rejects.toThrow(/ApiNotFound/);
});

it("returns the inserted sheets' ids, readable only after the sync; a taken name becomes another", async () => {
  restore = installRequirementSets(13);
  const book = new FakeWorkbook([{ name: "đơn vị", values: [["mine"]] }]);
  const ctx = new FakeContext(book);
  const result = ctx.asExcel().workbook.insertWorksheetsFromBase64(await source(), { sheetNamesToInsert: ["Đơn vị"] });
  expect(() => result.value).toThrow();
  await ctx.sync();
  expect(result.value).toHaveLength(1);
  const inserted = book.sheets.find((s) => s.id === result.value[0])!;
  expect(inserted.name).not.toBe("Đơn vị");
  expect(book.sheet("đơn vị").contents()).toEqual({ A1: '"mine"' });
  // A reference to a sheet left behind points into the source file (office-js#2809); names stay behind (#3583).
  expect(inserted.cell(1, 3)?.formula).toBe("='[source.xlsx]Khác'!A1*2");
  expect(book.names).toEqual([]);
});

it("all sheets by default; a name the source lacks, ItemNotFound; Before without relativeTo, InvalidArgument", async () => {
  restore = installRequirementSets(13);
  const all = new FakeWorkbook();
  expect(await insert(all, await source(), { sheetNamesToInsert: [] })).toHaveLength(2);
  expect(all.sheets.map((s) => s.name)).toEqual(["Đơn vị", "Khác"]);
  await expect(insert(new FakeWorkbook(), await source(), { sheetNamesToInsert: ["Không có"] })).rejects.toThrow(/ItemNotFound/);
  await expect(insert(new FakeWorkbook(), await source(), { positionType: "Before" })).rejects.toThrow(/InvalidArgument/);
  await expect(insert(new FakeWorkbook(), "not base64!", {})).rejects.toThrow(/InvalidArgument/);
});

it("Excel on the web refuses a sheet with comments (UnsupportedFeature); insertSheets then writes values and formulas", async () => {
  restore = installRequirementSets(13);
  const base64 = await source(true);
  await expect(insert(new FakeWorkbook(), base64, { sheetNamesToInsert: ["Đơn vị"] }, { platform: "web" })).rejects.toThrow(/UnsupportedFeature/);
  const book = new FakeWorkbook([{ name: "Sheet1", values: [] }]);
  const ctx = new FakeContext(book, { platform: "web" });
  const grid = { name: "Đơn vị", values: [["Tên", 1, 10]], formulas: [[null, null, "Khác!A1*2"]] };
  const report = await insertSheets(ctx.asExcel(), [{ base64, sheets: [{ from: "Đơn vị", to: "Xã A", grid }] }]);
  expect(report.path).toBe("values");
  expect(report.refused).toMatch(/UnsupportedFeature/);
  expect(book.sheet("Xã A").contents()).toEqual({ A1: '"Tên"', B1: "1", C1: "=Khác!A1*2" });
  expect(book.sheets.map((s) => s.name)).toEqual(["Sheet1", "Xã A"]);
});

it("structure protection refuses it", async () => {
  restore = installRequirementSets(13);
  const book = new FakeWorkbook();
  book.structureProtected = true;
  await expect(insert(book, await source(), {})).rejects.toThrow(OfficeError);
});
