import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { UnitResult } from "../../src/core/check/checkWorkbook";
import { IndexedSet } from "../../src/core/criteria/indexed";
import { Report } from "../../src/core/report/report";
import { recalculateAll, SheetValues, sheetOf } from "../support/libreoffice";
import { toXlsx } from "../support/workbookBuilder";
import { randomSheets } from "./cases";
import { cchcJson, coreCheck, unitSheetMismatches } from "./expected";
import { longListLeaves, ROUND_SET, syntheticSet, withNotApplicable } from "./generate";
import { summaryMismatches } from "./summarySheet";

/**
 * Criteria sets shaped to push the formulas past what fits inline — many leaves that may be not applicable with
 * 0, 1 and 2 appraisal rounds, a 300-leaf field, long allowed-score lists — scored by `cchc score`: every formula it
 * writes stays within Excel's 8,192 characters with no array constant in a rule, and LibreOffice, recalculating
 * them (helper cells on the data sheet included), gets the core's numbers. One soffice run for all.
 */

interface Case {
  name: string;
  set: IndexedSet;
  input: string;
  output: string;
  report: Report;
  units: UnitResult[];
  sheets: SheetValues;
  book: ExcelJS.Workbook;
}

const SETS: [string, IndexedSet, number][] = [
  ["7 leaves may be not applicable (the fixture)", withNotApplicable(ROUND_SET, 7), 71],
  ["30 of 100 leaves may be not applicable, weighted fields", syntheticSet({ id: "kdg-30-w", fieldSizes: [25, 25, 25, 25], notApplicable: 30, weighted: true }), 30],
  ["every one of 100 leaves may be not applicable", syntheticSet({ id: "kdg-100", fieldSizes: [25, 25, 25, 25], notApplicable: 100 }), 100],
  ["a field of 300 leaves", syntheticSet({ id: "300-la", fieldSizes: [300, 5], notApplicable: 40 }), 300],
  ["long allowed-score lists", syntheticSet({ id: "danh-sach-dai", fieldSizes: [6], notApplicable: 2, extraLeaves: longListLeaves() }), 31],
];

const cases: Case[] = [];
let dir = "";

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "cchc-formulas-generated-"));
  for (const [i, [name, set, seed]] of SETS.entries()) {
    const input = path.join(dir, `g${i}.xlsx`);
    // Three sheets: 0, 1 and 2 appraisal rounds (cases.ts's variety()).
    await fs.writeFile(input, await toXlsx(randomSheets(set, seed, 3), set));
    const output = path.join(dir, `g${i}.scored.xlsx`);
    const report = await cchcJson("score", input, "--out", output);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(output);
    cases.push({ name, set, input, output, report, units: (await coreCheck(input)).units, sheets: new Map(), book });
  }
  const recalculated = await recalculateAll(cases.map((c) => c.output));
  for (const c of cases) c.sheets = recalculated.get(c.output)!;
}, 300_000);

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

const byName = (name: string) => cases.find((c) => c.name === name)!;
const NAMES = SETS.map(([name]) => name);

/** Every formula the output holds: in cells, conditional formats and validations. */
function formulasOf(book: ExcelJS.Workbook) {
  const cells: { at: string; formula: string }[] = [];
  const rules: { at: string; formula: string }[] = [];
  const lists: { at: string; formula: string }[] = [];
  for (const ws of book.worksheets) {
    ws.eachRow((row) => row.eachCell((c) => c.formula && cells.push({ at: `${ws.name}!${c.address}`, formula: c.formula })));
    const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] }).conditionalFormattings;
    for (const cf of cfs) for (const r of cf.rules) for (const f of r.formulae ?? []) rules.push({ at: `${ws.name}!${cf.ref}`, formula: String(f) });
    const dvs = (ws as unknown as { dataValidations: { model: Record<string, { type?: string; formulae?: unknown[] } | undefined> } }).dataValidations.model;
    for (const [at, dv] of Object.entries(dvs))
      for (const f of dv?.formulae ?? []) (dv?.type === "list" ? lists : rules).push({ at: `${ws.name}!${at}`, formula: String(f) });
  }
  return { cells, rules: [...rules, ...lists], lists };
}

describe("generated sets past the inline limits, scored and recalculated", () => {
  test.each(NAMES)("%s: no formula passes 8,192 characters; no rule or validation formula holds an array constant; lists come by name", (name) => {
    const { cells, rules, lists } = formulasOf(byName(name).book);
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.filter((f) => f.formula.length + 1 > 8192).map((f) => `${f.at}: ${f.formula.length + 1}`)).toEqual([]);
    expect(rules.filter((f) => f.formula.length + 1 > 8192 || f.formula.includes("{")).map((f) => f.at)).toEqual([]);
    // Dropdowns list the data sheet's cells by name: no inline list, so no 255-character cap to meet.
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.filter((f) => !/^_cchc\.list\.\d+$/.test(f.formula)).map((f) => `${f.at}: ${f.formula}`)).toEqual([]);
  });

  test.each(NAMES)("%s: every subtotal (self and each round), total and index equals the core's", (name) => {
    const c = byName(name);
    expect(c.units.map((u) => u.check.unit.layout.columns.appraised.length)).toEqual([0, 1, 2]);
    expect(c.units.flatMap((u) => unitSheetMismatches(c.set, c.report, c.sheets, u))).toEqual([]);
  });

  test.each(NAMES)("%s: Tổng hợp shows the core's figures", (name) => {
    const c = byName(name);
    expect(summaryMismatches(sheetOf(c.sheets, "Tổng hợp"), c.set, c.report, (u) => u.sheet)).toEqual([]);
  });

  test("the long sets do need helper cells on the data sheet, and the units have leaves marked not applicable", () => {
    for (const name of [NAMES[2], NAMES[3]]) {
      const data = byName(name).book.getWorksheet("cchc_du_lieu")!;
      let helpers = 0;
      data.eachRow((row) => row.eachCell((cell) => cell.formula && helpers++));
      expect(helpers).toBeGreaterThan(0);
    }
    for (const c of cases.slice(0, 4)) expect(c.units.some((u) => [...u.check.values.values()].some((v) => v.selfNA || v.appraisedNA))).toBe(true);
  });
});
