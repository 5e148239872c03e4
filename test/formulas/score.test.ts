import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { UnitResult } from "../../src/core/check/checkWorkbook";
import { IndexedSet } from "../../src/core/criteria/indexed";
import { criteriaToJson } from "../../src/core/criteria/serialize";
import { Report } from "../../src/core/report/report";
import { columnLetter } from "../../src/core/sheet/address";
import { cellText, recalculateAll, SheetValues, sheetOf } from "../support/libreoffice";
import { projectRoot } from "../support/paths";
import { toXlsx } from "../support/workbookBuilder";
import { edgeSheets, randomSheets, tieSheets, weightedEdgeSheets } from "./cases";
import { cchcJson, coreCheck, rowWith, unitSheetMismatches } from "./expected";
import { ROUND_SET, TRUNC_SET, WEIGHTED_SET } from "./generate";
import { summaryMismatches } from "./summarySheet";

/**
 * `cchc score` writes live formulas; LibreOffice recalculates them; every subtotal, total row, index and
 * "Tổng hợp" figure must equal the core's own numbers. All workbooks go through one soffice run.
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

const SAMPLE = "bundled sample";
const CORRECTED = "sample, corrected after scoring";
const TIES = "ties 1, 2, 2, 4";
const EDGE = "edge cases";
const WEIGHTED_EDGE = "edge cases, weighted parents";
const WORKBOOKS = [SAMPLE, "random, round half up", "random, truncate (criteria file)", "random, weighted parents", TIES, CORRECTED];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "cchc-formulas-score-"));
  const put = async (name: string, data: Buffer | string) => {
    const p = path.join(dir, name);
    await fs.writeFile(p, data);
    return p;
  };
  const inputs: { name: string; input: string; criteria?: string }[] = [
    { name: SAMPLE, input: path.join(projectRoot(), "examples", "xa-mau-2025.xlsx") },
    { name: "random, round half up", input: await put("round.xlsx", await toXlsx(randomSheets(ROUND_SET, 11, 10), ROUND_SET)) },
    {
      name: "random, truncate (criteria file)",
      input: await put("trunc.xlsx", await toXlsx(randomSheets(TRUNC_SET, 23, 8))),
      criteria: await put("trunc.criteria.json", criteriaToJson(TRUNC_SET.set)),
    },
    { name: "random, weighted parents", input: await put("weighted.xlsx", await toXlsx(randomSheets(WEIGHTED_SET, 37, 10), WEIGHTED_SET)) },
    { name: TIES, input: await put("ties.xlsx", await toXlsx(tieSheets(ROUND_SET), ROUND_SET)) },
    { name: EDGE, input: await put("edge.xlsx", await toXlsx(edgeSheets(ROUND_SET), ROUND_SET)) },
    { name: WEIGHTED_EDGE, input: await put("weighted-edge.xlsx", await toXlsx(weightedEdgeSheets(WEIGHTED_SET), WEIGHTED_SET)) },
  ];
  const scored = await Promise.all(
    inputs.map(async (c) => {
      const output = path.join(dir, `${path.basename(c.input, ".xlsx")}.scored.xlsx`);
      const report = await cchcJson("score", c.input, "--out", output, ...(c.criteria ? ["--criteria", c.criteria] : []));
      const { set, units } = await coreCheck(c.input, c.criteria);
      return { ...c, output, report, set, units, sheets: new Map() };
    }),
  );
  cases.push(...scored);

  // A person corrects a score in the scored sample (Hòa Lạc, 1.3 appraised 1.5 → 0) and saves: every cached
  // result, the ranks included, is now stale. Expected numbers: `cchc check` on that file.
  const sample = cases[0];
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(sample.output);
  const hoaLac = sample.units.find((u) => u.sheet === "Hòa Lạc")!;
  const row = hoaLac.check.rows.find((r) => r.node.code === "1.3")!.row;
  book.getWorksheet("Hòa Lạc")!.getCell(row, hoaLac.check.unit.layout.columns.appraised[0]).value = 0;
  const corrected = path.join(dir, "corrected.xlsx");
  await book.xlsx.writeFile(corrected);
  cases.push({ name: CORRECTED, input: corrected, output: corrected, report: await cchcJson("check", corrected), ...(await coreCheck(corrected)), sheets: new Map() });

  const recalculated = await recalculateAll(cases.map((c) => c.output));
  for (const c of cases) c.sheets = recalculated.get(c.output)!;
}, 180_000);

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

function byName(name: string): Case {
  const c = cases.find((x) => x.name === name);
  if (!c) throw new Error(`case "${name}" was not prepared (see beforeAll)`);
  return c;
}

/** Every subtotal, the total row and the index of one unit sheet, recalculated, against the core. */
function unitMismatches(c: Case, u: UnitResult): string[] {
  return unitSheetMismatches(c.set, c.report, c.sheets, u);
}

describe("cchc score, recalculated by LibreOffice", () => {
  test.each(WORKBOOKS)("%s: every parent subtotal (self and each round), total row and index equals the core's", (name) => {
    const c = byName(name);
    expect(c.units.length).toBeGreaterThan(0);
    expect(c.units.flatMap((u) => unitMismatches(c, u))).toEqual([]);
  });

  test.each(WORKBOOKS)("%s: Tổng hợp shows the core's field values, total, index, rank and band for every unit", (name) => {
    const c = byName(name);
    expect(summaryMismatches(sheetOf(c.sheets, "Tổng hợp"), c.set, c.report, (u) => u.sheet)).toEqual([]);
  });

  test.each(WORKBOOKS)("%s: the report's self points per field equal the recalculated self subtotals", (name) => {
    const c = byName(name);
    const out: string[] = [];
    for (const u of c.units) {
      const grid = sheetOf(c.sheets, u.sheet);
      const self = u.check.unit.layout.columns.self!;
      const reported = c.report.units.find((r) => r.sheet === u.sheet)!;
      for (const f of reported.fields) {
        const row = u.check.rows.find((r) => r.node.code === f.code)?.row;
        if (row === undefined) continue;
        const got = cellText(grid, row, self);
        if (!(Math.abs(Number(got) - f.self) <= 1e-6) || got.trim() === "") out.push(`${u.sheet}!${columnLetter(self)}${row} (field ${f.code} self): LibreOffice ${JSON.stringify(got)}, report ${f.self}`);
      }
    }
    expect(out).toEqual([]);
  });

  test("the generated workbooks cover what they claim: 0, 1 and 2 rounds, two-row headers, numeric codes, marks, adjustments", () => {
    const units = ["random, round half up", "random, truncate (criteria file)", "random, weighted parents"].flatMap((n) => byName(n).units);
    const rounds = new Set(units.map((u) => u.check.unit.layout.columns.appraised.length));
    expect([...rounds].sort()).toEqual([0, 1, 2]);
    const na = units.flatMap((u) => [...u.check.values.values()].filter((v) => v.selfNA || v.appraisedNA));
    expect(na.length).toBeGreaterThan(5);
    const partly = units.filter((u) => u.check.unit.layout.columns.appraised.length === 2 && u.check.rows.some((r) => r.node.isLeaf && r.appraised[1] === null) && u.check.rows.some((r) => r.node.isLeaf && typeof r.appraised[1] === "number"));
    expect(partly.length).toBeGreaterThan(2);
    expect(units.some((u) => u.check.unit.layout.headerRow !== u.check.unit.layout.dataStart - 1)).toBe(true); // two-row header
    expect(units.some((u) => u.check.unit.codeRows.some((r) => r.code.kind === "number"))).toBe(true);
    expect(units.some((u) => u.scores.bonus > 0) && units.some((u) => u.scores.penalty > 0)).toBe(true);
    const trunc = byName("random, truncate (criteria file)");
    expect(trunc.set.set.rounding.mode).toBe("truncate");
    // Truncation must matter somewhere: a unit whose index rounded half up would be 0.01 higher.
    const raw = (u: UnitResult) => (((u.scores.appraised ?? u.scores.self) + u.scores.bonus - u.scores.penalty) / u.scores.maxApplicable) * 100;
    expect(trunc.units.some((u) => raw(u) < 100 && Math.round(raw(u) * 100) / 100 !== u.scores.index)).toBe(true);
    // A weighted field under which something is not applicable, in the weighted workbook.
    const weighted = byName("random, weighted parents");
    expect(weighted.units.some((u) => [...u.check.values].some(([code, v]) => code.startsWith("1.") && (v.selfNA || v.appraisedNA)))).toBe(true);
  });

  test("ties share a rank: 1, 2, 2, 4 in the report and in the recalculated RANK", () => {
    const c = byName(TIES);
    const sheets = ["Xã A", "Xã B", "Xã C", "Xã D"];
    expect(sheets.map((s) => c.report.units.find((u) => u.sheet === s)!.rank)).toEqual([1, 2, 2, 4]);
    const grid = sheetOf(c.sheets, "Tổng hợp");
    const header = grid.findIndex((r) => r.includes("Xếp hạng"));
    const rankCol = grid[header].indexOf("Xếp hạng") + 1;
    const sourceCol = grid[header].indexOf("Trang tính") + 1;
    expect(sheets.map((s) => cellText(grid, rowWith(grid, sourceCol, s)!, rankCol))).toEqual(["1", "2", "2", "4"]);
  });

  test("a score corrected after scoring re-ranks: Hòa Lạc, tied with An Bình, drops below it", () => {
    const before = byName(SAMPLE).report.units;
    const after = byName(CORRECTED).report.units;
    const rank = (units: Report["units"], sheet: string) => units.find((u) => u.sheet === sheet)!.rank;
    expect(rank(before, "Hòa Lạc")).toBe(rank(before, "An Bình"));
    expect(rank(after, "Hòa Lạc")).toBeGreaterThan(rank(after, "An Bình"));
    // The RANK cells still hold the old ranks as cached results: only a real recalculation shows the new ones.
    const grid = sheetOf(byName(CORRECTED).sheets, "Tổng hợp");
    const header = grid.findIndex((r) => r.includes("Xếp hạng"));
    const rankCol = grid[header].indexOf("Xếp hạng") + 1;
    const sourceCol = grid[header].indexOf("Trang tính") + 1;
    expect(cellText(grid, rowWith(grid, sourceCol, "Hòa Lạc")!, rankCol)).toBe(String(rank(after, "Hòa Lạc")));
  });
});

describe("edge cases: each sheet one situation, its formulas against the core", () => {
  test("an index exactly on a band's lower bound gets that band in the report and from LOOKUP", () => {
    const c = byName(EDGE);
    const u = c.report.units.find((x) => x.sheet === "Đúng ngưỡng Khá")!;
    expect([u.index, u.band]).toEqual([70, "Khá"]);
    const grid = sheetOf(c.sheets, "Tổng hợp");
    const header = grid.findIndex((r) => r.includes("Xếp loại"));
    expect(cellText(grid, rowWith(grid, grid[header].indexOf("Trang tính") + 1, "Đúng ngưỡng Khá")!, grid[header].indexOf("Xếp loại") + 1)).toBe("Khá");
  });

  const sheets = [...edgeSheets(ROUND_SET).map((s) => [EDGE, s.name]), ...weightedEdgeSheets(WEIGHTED_SET).map((s) => [WEIGHTED_EDGE, s.name])];
  test.each(sheets)("%s: %s", (name, sheet) => {
    const c = byName(name);
    const u = c.units.find((x) => x.sheet === sheet)!;
    // This unit's row of Tổng hợp; its rank depends on the other edge sheets, so ranks are left to the tests above.
    const summary = summaryMismatches(sheetOf(c.sheets, "Tổng hợp"), c.set, { ...c.report, units: c.report.units.filter((r) => r.sheet === sheet) }, (r) => r.sheet).filter(
      (m) => !/unit rows, the report has| Xếp hạng: /.test(m),
    );
    expect([...unitMismatches(c, u), ...summary]).toEqual([]);
  });
});
