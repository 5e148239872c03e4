import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { UnitResult } from "../../src/core/check/checkWorkbook";
import { IndexedSet } from "../../src/core/criteria/indexed";
import { TEMPLATE_HEADER_ROW } from "../../src/core/plan/templateSheet";
import { Report } from "../../src/core/report/report";
import { columnLetter } from "../../src/core/sheet/address";
import { cellText, isErrorText, recalculateAll, SheetValues, sheetOf } from "../support/libreoffice";
import { FIXTURE } from "../support/sample";
import { cchc, cchcJson, compareCells, coreCheck, expectedCells, rowWith } from "./expected";
import { prng, randomAllowed, ROUND_SET } from "./generate";
import { summaryMismatches } from "./summarySheet";

/**
 * `cchc template` writes a blank workbook with every formula in place. Recalculated empty, totals and indexes
 * are 0 (never an error value); filled in with ExcelJS as a person would type, they equal the core's.
 */

const UNITS = ["Xã A", "Xã B"];
let dir = "";
let blank: SheetValues;
let filled: SheetValues;
let filledReport: Report;
let core: { set: IndexedSet; units: UnitResult[] };

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "cchc-formulas-template-"));
  const template = path.join(dir, "mau.xlsx");
  const made = await cchc("template", "--criteria", FIXTURE, "--units", UNITS.join(";"), "--out", template);
  if (made.code !== 0) throw new Error(`cchc template exited ${made.code}: ${made.err}`);

  // Scores typed into the template's own cells: self-scores (E) for every leaf but the survey, some not
  // applicable, appraised scores (G) on Xã B only, where the survey points also go.
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(template);
  const r = prng(4);
  for (const [u, name] of UNITS.entries()) {
    const ws = book.getWorksheet(name)!;
    for (const leaf of ROUND_SET.leaves) {
      const row = TEMPLATE_HEADER_ROW + 1 + leaf.order;
      if (ws.getCell(row, 1).value !== leaf.code) throw new Error(`template row ${row} holds ${ws.getCell(row, 1).value}, expected ${leaf.code}`);
      const survey = leaf.source === "survey";
      const na = leaf.mayBeNotApplicable && r() < 0.5;
      if (!survey) ws.getCell(row, 5).value = na ? "KĐG" : randomAllowed(r, leaf);
      if (!survey && !na) ws.getCell(row, 6).value = "QĐ số 1/QĐ-UBND";
      if (u === 1 && (survey || r() < 0.6)) ws.getCell(row, 7).value = na ? "KĐG" : randomAllowed(r, leaf);
    }
    const bonus = ROUND_SET.adjustments.find((a) => a.kind === "bonus")!;
    const bonusRow = TEMPLATE_HEADER_ROW + 1 + ROUND_SET.nodes.length + 1 + ROUND_SET.adjustments.indexOf(bonus);
    ws.getCell(bonusRow, 5).value = 0.75;
  }
  const filledFile = path.join(dir, "da-cham.xlsx");
  await book.xlsx.writeFile(filledFile);
  filledReport = await cchcJson("check", filledFile);
  core = await coreCheck(filledFile);

  const all = await recalculateAll([template, filledFile]);
  blank = all.get(template)!;
  filled = all.get(filledFile)!;
}, 180_000);

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe("cchc template, recalculated by LibreOffice", () => {
  test("blank: every subtotal and total is 0 in the self and appraisal columns, the index 0; no error anywhere", () => {
    const out: string[] = [];
    for (const name of UNITS) {
      const grid = sheetOf(blank, name);
      grid.forEach((line, i) => line.forEach((v, j) => isErrorText(v) && out.push(`${name}!${columnLetter(j + 1)}${i + 1}: ${v}`)));
      for (const n of ROUND_SET.nodes.filter((x) => !x.isLeaf)) {
        const row = TEMPLATE_HEADER_ROW + 1 + n.order;
        if (cellText(grid, row, 5) !== "0") out.push(`${name}!E${row} (${n.code} self): ${JSON.stringify(cellText(grid, row, 5))}`);
        if (cellText(grid, row, 7) !== "0") out.push(`${name}!G${row} (${n.code} appraised): ${JSON.stringify(cellText(grid, row, 7))}`);
      }
      const total = rowWith(grid, 2, "Tổng điểm");
      const index = rowWith(grid, 2, "Chỉ số CCHC (%)");
      if (total === undefined || index === undefined) out.push(`${name}: no total or index row`);
      else {
        if (cellText(grid, total, 5) !== "0") out.push(`${name}!E${total} (total): ${JSON.stringify(cellText(grid, total, 5))}`);
        if (cellText(grid, index, 7) !== "0") out.push(`${name}!G${index} (index): ${JSON.stringify(cellText(grid, index, 7))}`);
      }
    }
    expect(out).toEqual([]);
  });

  test("blank: Tổng hợp gives both units index 0, a shared rank 1 and the lowest band", () => {
    const grid = sheetOf(blank, "Tổng hợp");
    const header = grid.findIndex((r) => r.includes("Xếp hạng"));
    const col = (h: string) => grid[header].indexOf(h) + 1;
    const rows = UNITS.map((u) => rowWith(grid, col("Trang tính"), u)!);
    expect(rows.map((r) => [cellText(grid, r, col("Tổng điểm")), cellText(grid, r, col("Chỉ số (%)")), cellText(grid, r, col("Xếp hạng")), cellText(grid, r, col("Xếp loại"))])).toEqual([
      ["0", "0", "1", "Yếu"],
      ["0", "0", "1", "Yếu"],
    ]);
    expect(grid.flat().filter(isErrorText)).toEqual([]);
  });

  test("filled in: every subtotal, total and index equals the core's", () => {
    expect(core.units.map((u) => u.sheet)).toEqual(UNITS);
    const out: string[] = [];
    for (const u of core.units) {
      const grid = sheetOf(filled, u.sheet);
      const e = expectedCells(core.set, u, u.check.unit.totalRow!.row);
      out.push(...compareCells(u.sheet, grid, e.cells));
      const index = rowWith(grid, 2, "Chỉ số CCHC (%)");
      out.push(...compareCells(u.sheet, grid, [{ cell: `G${index}`, what: "index", value: e.index }]));
      expect(filledReport.units.find((x) => x.sheet === u.sheet)!.index).toBe(e.index);
    }
    expect(out).toEqual([]);
    expect(core.units.every((u) => u.scores.index > 0)).toBe(true);
  });

  test("filled in: Tổng hợp shows the core's fields, totals, indexes, ranks and bands", () => {
    expect(summaryMismatches(sheetOf(filled, "Tổng hợp"), core.set, filledReport, (u) => u.sheet)).toEqual([]);
  });
});
