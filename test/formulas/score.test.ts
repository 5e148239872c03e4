import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { UnitResult } from "../../src/core/check/checkWorkbook";
import { IndexedSet } from "../../src/core/criteria/indexed";
import { criteriaToJson } from "../../src/core/criteria/serialize";
import { Report } from "../../src/core/report/report";
import { projectRoot } from "../support/paths";
import { cellText, recalculateAll, SheetValues, sheetOf } from "../support/libreoffice";
import { toXlsx } from "../support/workbookBuilder";
import { randomSheets, tieSheets } from "./cases";
import { cchcJson, compareCells, coreCheck, expectedCells, rowWith } from "./expected";
import { ROUND_SET, TRUNC_SET, WEIGHTED_SET } from "./generate";
import { summaryMismatches } from "./summarySheet";

/**
 * `cchc score` writes live formulas; LibreOffice recalculates them; every subtotal, total, index and summary
 * figure must equal the core's own numbers.
 */

interface Case {
  name: string;
  input: string;
  criteria?: string;
  output: string;
  report: Report;
  set: IndexedSet;
  units: UnitResult[];
  sheets: SheetValues;
}

const cases: Case[] = [];
let dir = "";

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "cchc-formulas-score-"));
  const inputs: { name: string; input: string; criteria?: string }[] = [];
  const put = async (name: string, data: Buffer | string, ext = ".xlsx") => {
    const p = path.join(dir, name + ext);
    await fs.writeFile(p, data);
    return p;
  };

  inputs.push({ name: "bundled sample", input: path.join(projectRoot(), "examples", "xa-mau-2025.xlsx") });
  inputs.push({ name: "random, round half up", input: await put("round", await toXlsx(randomSheets(ROUND_SET, 11, 10), ROUND_SET)) });
  inputs.push({
    name: "random, truncate (criteria file)",
    input: await put("trunc", await toXlsx(randomSheets(TRUNC_SET, 23, 8))),
    criteria: await put("trunc", criteriaToJson(TRUNC_SET.set), ".criteria.json"),
  });
  inputs.push({ name: "random, weighted parents", input: await put("weighted", await toXlsx(randomSheets(WEIGHTED_SET, 37, 10), WEIGHTED_SET)) });
  inputs.push({ name: "ties 1, 2, 2, 4", input: await put("ties", await toXlsx(tieSheets(ROUND_SET), ROUND_SET)) });

  for (const c of inputs) {
    const output = path.join(dir, `${path.basename(c.input, ".xlsx")}.scored.xlsx`);
    const report = await cchcJson("score", c.input, "--out", output, ...(c.criteria ? ["--criteria", c.criteria] : []));
    const { set, units } = await coreCheck(c.input, c.criteria);
    cases.push({ ...c, output, report, set, units, sheets: new Map() });
  }
  // A person corrects a score in the scored sample (Hòa Lạc, 1.3 appraised 1.5 → 0) and saves; the cached
  // results of every formula, ranks included, are now stale. Expected numbers: `cchc check` on that file.
  const sample = cases[0];
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(sample.output);
  const hoaLac = sample.units.find((u) => u.sheet === "Hòa Lạc")!;
  const row = hoaLac.check.rows.find((r) => r.node.code === "1.3")!.row;
  book.getWorksheet("Hòa Lạc")!.getCell(row, hoaLac.check.unit.layout.columns.appraised[0]).value = 0;
  const corrected = path.join(dir, "corrected.xlsx");
  await book.xlsx.writeFile(corrected);
  const check = await coreCheck(corrected);
  cases.push({ name: "sample, corrected after scoring", input: corrected, output: corrected, report: await cchcJson("check", corrected), ...check, sheets: new Map() });
  const recalculated = await recalculateAll(cases.map((c) => c.output));
  for (const c of cases) c.sheets = recalculated.get(c.output)!;
}, 180_000);

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

const NAMES = ["bundled sample", "random, round half up", "random, truncate (criteria file)", "random, weighted parents", "ties 1, 2, 2, 4", "sample, corrected after scoring"];
const byName = (name: string) => {
  const c = cases.find((x) => x.name === name);
  if (!c) throw new Error(`case ${name} was not prepared`);
  return c;
};

describe("cchc score, recalculated by LibreOffice", () => {
  test.each(NAMES)("%s: every parent subtotal, total row and index equals the core's", (name) => {
    const c = byName(name);
    expect(c.units.length).toBeGreaterThan(0);
    const mismatches: string[] = [];
    for (const u of c.units) {
      const grid = sheetOf(c.sheets, u.sheet);
      const cols = u.check.unit.layout.columns;
      const totalRow = u.check.unit.totalRow?.row;
      if (totalRow === undefined) throw new Error(`${u.sheet}: the test sheets all have a total row`);
      const e = expectedCells(c.set, u, totalRow);
      expect(e.index).toBe(c.report.units.find((r) => r.sheet === u.sheet)!.index);
      mismatches.push(...compareCells(u.sheet, grid, e.cells));

      const labelCol = cols.name ?? cols.code!;
      const indexRow = rowWith(grid, labelCol, "Chỉ số CCHC (%)");
      const indexCol = cols.appraised.length ? cols.appraised[cols.appraised.length - 1] : cols.self!;
      if (indexRow === undefined) mismatches.push(`${u.sheet}: no index row after recalculation`);
      else mismatches.push(...compareCells(u.sheet, grid, [{ cell: `${String.fromCharCode(64 + indexCol)}${indexRow}`, what: "index", value: e.index }], 1e-9));
    }
    expect(mismatches).toEqual([]);
  });

  test.each(NAMES)("%s: the Tổng hợp sheet's fields, total, index, rank and band equal the report's", (name) => {
    const c = byName(name);
    const mismatches = summaryMismatches(sheetOf(c.sheets, "Tổng hợp"), c.set, c.report, (u) => u.sheet);
    expect(mismatches).toEqual([]);
  });

  test("ties share a rank: 1, 2, 2, 4 in the report and in the recalculated RANK", () => {
    const c = byName("ties 1, 2, 2, 4");
    const rankOf = (sheet: string) => c.report.units.find((u) => u.sheet === sheet)!.rank;
    expect(["Xã A", "Xã B", "Xã C", "Xã D"].map(rankOf)).toEqual([1, 2, 2, 4]);
    const grid = sheetOf(c.sheets, "Tổng hợp");
    const header = grid.findIndex((r) => r.includes("Xếp hạng"));
    const rankCol = grid[header].indexOf("Xếp hạng");
    const sourceCol = grid[header].indexOf("Trang tính");
    const shown = ["Xã A", "Xã B", "Xã C", "Xã D"].map((s) => cellText(grid, rowWith(grid, sourceCol + 1, s)!, rankCol + 1));
    expect(shown).toEqual(["1", "2", "2", "4"]);
  });

  test("a score corrected after scoring re-ranks: Hòa Lạc, tied first with An Bình, drops below it", () => {
    const before = byName("bundled sample").report.units;
    const after = byName("sample, corrected after scoring").report.units;
    const rank = (units: Report["units"], sheet: string) => units.find((u) => u.sheet === sheet)!.rank;
    expect(rank(before, "Hòa Lạc")).toBe(rank(before, "An Bình"));
    expect(rank(after, "Hòa Lạc")).toBeGreaterThan(rank(after, "An Bình"));
    // The RANK cells still carry the old ranks as cached results: only a real recalculation gives the new ones.
    const grid = sheetOf(byName("sample, corrected after scoring").sheets, "Tổng hợp");
    const header = grid.findIndex((r) => r.includes("Xếp hạng"));
    const rankCol = grid[header].indexOf("Xếp hạng") + 1;
    const sourceCol = grid[header].indexOf("Trang tính") + 1;
    expect(Number(cellText(grid, rowWith(grid, sourceCol, "Hòa Lạc")!, rankCol))).toBe(rank(after, "Hòa Lạc"));
  });
});
});
