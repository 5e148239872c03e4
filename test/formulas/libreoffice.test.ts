import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { cellText, LibreOfficeError, parseCsv, recalculate, recalculateAll, SheetValues, sheetOf } from "../support/libreoffice";

/**
 * The recalculation helper itself: the proofs in this folder are only as good as LibreOffice actually
 * recomputing what we wrote, rather than echoing the cached results ExcelJS stored.
 */

let dir = "";
let first: SheetValues;
let second: SheetValues;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "cchc-formulas-lo-"));
  const a = new ExcelJS.Workbook();
  const ws = a.addWorksheet("Ea H'leo");
  ws.getCell("A1").value = 2;
  ws.getCell("A2").value = 3;
  ws.getCell("B1").value = { formula: "A1+A2", result: 99 }; // a wrong cached result
  ws.getCell("B2").value = { formula: "A1*A2" }; // none at all
  ws.getCell("B3").value = { formula: "RANK(A1,A1:A2)", result: 7 };
  ws.getCell("B4").value = { formula: 'IFERROR(LOOKUP(75,{0,50,70,80,90},{"Yếu","Trung bình","Khá","Tốt","Xuất sắc"}),"")', result: "sai" };
  ws.getCell("B5").value = { formula: "1/3" };
  ws.getCell("B6").value = { formula: "1/0" };
  ws.getCell("C1").value = 'chữ, có "ngoặc"\nvà xuống dòng';
  const summary = a.addWorksheet("Tổng hợp");
  summary.getCell("A1").value = { formula: "'Ea H''leo'!B1*2", result: 1 };
  await a.xlsx.writeFile(path.join(dir, "a.xlsx"));

  const b = new ExcelJS.Workbook();
  b.addWorksheet("Một").getCell("A1").value = { formula: "ROUND(78.535,2)", result: 0 };
  await b.xlsx.writeFile(path.join(dir, "b.xlsx"));

  const all = await recalculateAll([path.join(dir, "a.xlsx"), path.join(dir, "b.xlsx")]);
  first = all.get(path.join(dir, "a.xlsx"))!;
  second = all.get(path.join(dir, "b.xlsx"))!;
}, 120_000);

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe("recalculate (headless LibreOffice)", () => {
  test("recomputes formulas whose cached result is wrong, and those without one", () => {
    const g = sheetOf(first, "Ea H'leo");
    expect([cellText(g, 1, 2), cellText(g, 2, 2), cellText(g, 3, 2), cellText(g, 4, 2)]).toEqual(["5", "6", "2", "Khá"]);
    expect(cellText(sheetOf(first, "Tổng hợp"), 1, 1)).toBe("10");
  });

  test("gives numbers at full precision and error values as text", () => {
    const g = sheetOf(first, "Ea H'leo");
    expect(Math.abs(Number(cellText(g, 5, 2)) - 1 / 3)).toBeLessThan(1e-14);
    expect(cellText(g, 6, 2)).toBe("#DIV/0!");
    expect(cellText(g, 1, 3)).toBe('chữ, có "ngoặc"\nvà xuống dòng');
  });

  test("batches several workbooks in one run, keeping each one's sheets apart", () => {
    expect([...first.keys()].sort()).toEqual(["Ea H'leo", "Tổng hợp"]);
    expect([...second.keys()]).toEqual(["Một"]);
    expect(cellText(sheetOf(second, "Một"), 1, 1)).toBe("78.54");
  });

  test("says plainly when LibreOffice is missing", async () => {
    const saved = process.env.CCHC_SOFFICE;
    process.env.CCHC_SOFFICE = path.join(dir, "no-such-soffice");
    try {
      await expect(recalculate(path.join(dir, "b.xlsx"))).rejects.toThrow(LibreOfficeError);
      await expect(recalculate(path.join(dir, "b.xlsx"))).rejects.toThrow(/LibreOffice not found.*install-system-deps\.sh/);
    } finally {
      if (saved === undefined) delete process.env.CCHC_SOFFICE;
      else process.env.CCHC_SOFFICE = saved;
    }
  });

  test("says which file it could not read", async () => {
    await expect(recalculate(path.join(dir, "missing.xlsx"))).rejects.toThrow(/cannot read .*missing\.xlsx/);
  });

  test("parses CSV with quotes, doubled quotes, commas and line breaks", () => {
    expect(parseCsv('a,"b,c","d ""e""",\r\n"x\ny",2\n')).toEqual([
      ["a", "b,c", 'd "e"', ""],
      ["x\ny", "2"],
    ]);
  });
});
