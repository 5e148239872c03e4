import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { Report } from "../../src/core/report/report";
import { competitionRanks } from "../../src/core/scoring/ranking";
import { cellText, recalculateAll, SheetValues, sheetOf } from "../support/libreoffice";
import { projectRoot } from "../support/paths";
import { FIXTURE } from "../support/sample";
import { toXlsx, unitSheet } from "../support/workbookBuilder";
import { COMMUNES, variety } from "./cases";
import { cchcJson } from "./expected";
import { prng, randomUnit, ROUND_SET } from "./generate";
import { summaryMismatches } from "./summarySheet";
import { rowWith } from "./expected";

/**
 * `cchc summary` over many files: one-unit workbooks (some carrying the criteria sheet, some not) and the
 * five-unit sample. The summary holds gathered values with RANK and LOOKUP formulas over them; recalculated,
 * every unit's rank and band must be the JSON report's.
 */

let dir = "";
let report: Report;
let sheets: SheetValues;
let tampered: SheetValues;
let lastUnit = "";
const source = (u: Report["units"][number]) => `${u.file} › ${u.sheet}`;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "cchc-formulas-summary-"));
  const files = [path.join(projectRoot(), "examples", "xa-mau-2025.xlsx")];
  const r = prng(2025);
  for (let i = 0; i < 9; i++) {
    const spec = randomUnit(ROUND_SET, r, { sheet: COMMUNES[i], ...variety(i), naShare: 0.4 });
    const file = path.join(dir, `don-vi-${i + 1}.xlsx`);
    await fs.writeFile(file, await toXlsx([unitSheet(ROUND_SET, spec)], i % 2 ? ROUND_SET : undefined));
    files.push(file);
    // A second file with the same scores under another name: a tie across files.
    if (i === 4) {
      const twin = path.join(dir, "ban-sao.xlsx");
      await fs.writeFile(twin, await toXlsx([unitSheet(ROUND_SET, { ...spec, sheet: "Sinh Đôi", unitName: "UBND xã Sinh Đôi" })]));
      files.push(twin);
    }
  }
  const out = path.join(dir, "tong-hop.xlsx");
  report = await cchcJson("summary", ...files, "--criteria", FIXTURE, "--out", out);

  // The same summary with the last-ranked unit's index typed over as 99.5: its cached rank and band stay stale.
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out);
  const ws = book.getWorksheet("Tổng hợp")!;
  const header = ws.getRow(4).values as unknown[];
  const indexCol = header.indexOf("Chỉ số (%)");
  const last = [...report.units].sort((a, b) => b.rank - a.rank)[0];
  lastUnit = source(last);
  ws.eachRow((row) => {
    if (row.getCell(3).value === lastUnit) row.getCell(indexCol).value = 99.5;
  });
  const edited = path.join(dir, "tong-hop-sua.xlsx");
  await book.xlsx.writeFile(edited);

  const all = await recalculateAll([out, edited]);
  sheets = all.get(out)!;
  tampered = all.get(edited)!;
}, 180_000);

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe("cchc summary over many files, recalculated by LibreOffice", () => {
  test("the run holds every unit: five from the sample, ten one-unit files", () => {
    expect(report.units).toHaveLength(15);
    expect(new Set(report.units.map(source)).size).toBe(15);
  });

  test("the report's ranks are competition ranks of its indexes, with a tie across files", () => {
    expect(report.units.map((u) => u.rank)).toEqual(competitionRanks(report.units.map((u) => u.index)));
    const twin = report.units.find((u) => u.sheet === "Sinh Đôi")!;
    const original = report.units.find((u) => u.file === "don-vi-5.xlsx")!;
    expect(twin.index).toBe(original.index);
    expect(twin.rank).toBe(original.rank);
  });

  test("every unit's rank and band (and its gathered fields, total and index) on Tổng hợp equal the report's", () => {
    expect(summaryMismatches(sheetOf(sheets, "Tổng hợp"), ROUND_SET, report, source)).toEqual([]);
  });

  test("the bands used cover several labels, so LOOKUP over the band table is exercised", () => {
    expect(new Set(report.units.map((u) => u.band)).size).toBeGreaterThanOrEqual(2);
  });
  test("RANK and LOOKUP are live over the whole table: the last unit, its index typed over as 99.5, ranks first as Xuất sắc", () => {
    const grid = sheetOf(tampered, "Tổng hợp");
    const header = grid.findIndex((r) => r.includes("Xếp hạng"));
    const col = (h: string) => grid[header].indexOf(h) + 1;
    const row = rowWith(grid, col("Trang tính"), lastUnit)!;
    expect(lastUnit).not.toBe("");
    expect([cellText(grid, row, col("Chỉ số (%)")), cellText(grid, row, col("Xếp hạng")), cellText(grid, row, col("Xếp loại"))]).toEqual(["99.5", "1", "Xuất sắc"]);
    // Everyone else moves down by one.
    const others = report.units.filter((u) => source(u) !== lastUnit);
    const shifted = others.map((u) => cellText(grid, rowWith(grid, col("Trang tính"), source(u))!, col("Xếp hạng")));
    expect(shifted).toEqual(others.map((u) => String(u.rank + 1)));
  });
});
