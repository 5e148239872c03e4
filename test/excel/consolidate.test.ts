import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { rankUnits, UnitResult } from "../../src/core/check/checkWorkbook";
import { IndexedSet } from "../../src/core/criteria/indexed";
import { buildReport, Report } from "../../src/core/report/report";
import { checkRead } from "../../src/core/usecases/check";
import type { ConsolidateOptions, ConsolidateProgress, PickedFile, ReplaceView } from "../../src/taskpane/session";
import { consolidateInExcel } from "../../src/taskpane/modes/consolidateExcel";
import { loadWorkbookBytes, readWorkbook } from "../../src/xlsx/xlsxFilePort";
import { summaryMismatches } from "../formulas/summarySheet";
import { randomUnit } from "../formulas/generate";
import { recalculateAll, sheetOf } from "../support/libreoffice";
import { mulberry32 } from "../support/random";
import { fixtureSet } from "../support/sample";
import { toXlsx, unitSheet } from "../support/workbookBuilder";
import { FakeExcelHost, FakeSheet, FakeWorkbook, installRequirementSets } from "./fakeExcel";

/**
 * "Tổng hợp nhiều sổ" in the fake Excel: unit workbooks picked as files are copied into the open workbook —
 * whole sheets with insertWorksheetsFromBase64 (ExcelApi 1.13), values and formulas without it — and the
 * "Tổng hợp" built over them recalculates, in LibreOffice, to the ranks core gives the same files.
 */

const SET = fixtureSet();
const UNITS = [
  { sheet: "Xã An Bình", name: "UBND xã An Bình" },
  { sheet: "Xã Tân Lập", name: "UBND xã Tân Lập" },
  { sheet: "Phường 1", name: "UBND Phường 1" },
  { sheet: "Xã Hòa Lạc", name: "UBND xã Hòa Lạc" },
];

async function unitFile(i: number, seed: number): Promise<PickedFile> {
  const u = UNITS[i];
  const spec = randomUnit(SET, mulberry32(seed), { sheet: u.sheet, unitName: u.name, rounds: (i % 3) as 0 | 1 | 2, naShare: 0.2 });
  return { name: `don-vi-${i + 1}.xlsx`, bytes: new Uint8Array(await toXlsx([unitSheet(SET, spec)], SET)) };
}

/** What core says of the files together: every unit checked, ranked across the files. */
async function coreReport(files: PickedFile[], set: IndexedSet): Promise<Report> {
  const units: UnitResult[] = [];
  for (const f of files) {
    const read = readWorkbook(await loadWorkbookBytes(f.bytes, { readOnly: true }));
    units.push(...checkRead(read, { given: set, lang: "vi", file: f.name }).check.units);
  }
  rankUnits(set, units);
  return buildReport(set, units, [], "vi", "test");
}

function options(over: Partial<ConsolidateOptions> = {}): ConsolidateOptions & { progress: ConsolidateProgress[]; asked: ReplaceView[][] } {
  const progress: ConsolidateProgress[] = [];
  const asked: ReplaceView[][] = [];
  return {
    progress,
    asked,
    onProgress: (p) => progress.push(p),
    signal: new AbortController().signal,
    confirmReplace: async (units) => {
      asked.push(units);
      return true;
    },
    confirmTyped: async () => true,
    ...over,
  };
}

/** The fake workbook's cells as an .xlsx (values and formulas), for LibreOffice to recalculate. */
async function xlsxOf(book: FakeWorkbook): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of book.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const [key, cell] of s.cells) {
      const [row, col] = key.split(",").map(Number);
      const c = ws.getCell(row, col);
      if (cell.formula) c.value = { formula: cell.formula.slice(1) } as ExcelJS.CellFormulaValue;
      else if (cell.value !== null && typeof cell.value !== "object") c.value = cell.value;
    }
  }
  for (const n of book.names) wb.definedNames.add(n.formula.slice(1), n.name);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("consolidating unit workbooks into the open workbook", () => {
  let dir = "";
  let files: PickedFile[] = [];
  const books: { name: string; book: FakeWorkbook; path?: string; report?: Report }[] = [];
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "cchc-consolidate-"));
    files = await Promise.all(UNITS.map((_, i) => unitFile(i, 100 + i)));
  });

  async function consolidate(book: FakeWorkbook, minor: number, opts = options()) {
    const restore = installRequirementSets(minor);
    try {
      const host = new FakeExcelHost(book);
      return { outcome: await consolidateInExcel(files, "vi", opts, host.run), opts, host };
    } finally {
      restore();
    }
  }

  it.each([
    ["whole sheets (ExcelApi 1.13)", 14, "sheets"],
    ["values and formulas (no ExcelApi 1.13)", 12, "values"],
  ])("%s: every unit sheet, the criteria sheet and Tổng hợp", async (name, minor, want) => {
    const book = new FakeWorkbook([{ name: "Sheet1", values: [] }]);
    const { outcome, opts } = await consolidate(book, minor);
    expect(outcome.status).toBe("done");
    if (outcome.status !== "done") return;
    expect(outcome.path).toBe(want);
    expect(outcome.added).toBe(UNITS.length);
    const names = book.sheets.map((s) => s.name);
    for (const u of UNITS) expect(names).toContain(u.sheet);
    expect(names).toContain("Bộ tiêu chí");
    expect(names).toContain("Tổng hợp");
    // Progress: every file read, then every file copied, then the summary.
    expect(opts.progress.filter((p) => p.phase === "reading").map((p) => p.done)).toEqual([0, 1, 2, 3, 4]);
    expect(opts.progress.filter((p) => p.phase === "copying").map((p) => p.done)).toEqual([0, 1, 2, 3, 4]);
    // Every file's findings are named by their file.
    const report = outcome.check.report!;
    expect(report.units.map((u) => u.name).sort()).toEqual(UNITS.map((u) => u.name).sort());
    const file = path.join(dir, `${want}.xlsx`);
    await fs.writeFile(file, await xlsxOf(book));
    books.push({ name, book, path: file, report: await coreReport(files, SET) });
  }, 60_000);

  it("LibreOffice recalculates each consolidated Tổng hợp to the core's ranks of the files", async () => {
    expect(books).toHaveLength(2);
    const sheets = await recalculateAll(books.map((b) => b.path!));
    for (const b of books)
      expect([b.name, summaryMismatches(sheetOf(sheets.get(b.path!)!, "Tổng hợp"), SET, b.report!, (u) => u.sheet)]).toEqual([b.name, []]);
  }, 180_000);

  it("a newer file for a unit already there replaces its sheet, after asking; declined, nothing changes", async () => {
    const book = new FakeWorkbook([{ name: "Sheet1", values: [] }]);
    await consolidate(book, 14);
    const newer: PickedFile = { ...(await unitFile(1, 999)), name: "don-vi-2-moi.xlsx" };
    const before = JSON.stringify(book.state());
    const restore = installRequirementSets(14);
    try {
      const no = options({ confirmReplace: async () => false });
      const declined = await consolidateInExcel([newer], "vi", no, new FakeExcelHost(book).run);
      expect(declined.status).toBe("declined");
      expect(JSON.stringify(book.state())).toBe(before);

      const yes = options();
      const done = await consolidateInExcel([newer], "vi", yes, new FakeExcelHost(book).run);
      expect(yes.asked).toEqual([[{ unit: UNITS[1].name, sheet: UNITS[1].sheet, file: "don-vi-2-moi.xlsx" }]]);
      expect(done.status === "done" && [done.added, done.replaced]).toEqual([0, 1]);
      expect(book.sheets.filter((s) => s.name.startsWith(UNITS[1].sheet))).toHaveLength(1);
      const newGrid = readWorkbook(await loadWorkbookBytes(newer.bytes, { readOnly: true })).sheets.find((s) => s.name === UNITS[1].sheet)!;
      const copied = FakeSheet.fromGrid(newGrid);
      // The unit's sheet now holds the newer file's entries (scores typed by the unit, before scoring's formulas).
      const self = [...copied.cells].filter(([, c]) => typeof c.value === "number" && !c.formula).slice(0, 20);
      for (const [key, c] of self) expect(book.sheet(UNITS[1].sheet).cells.get(key)?.value).toBe(c.value);
    } finally {
      restore();
    }
  }, 60_000);

  it("a unit whose sheet name is taken by another unit's sheet gets a free name", async () => {
    const book = new FakeWorkbook([{ name: "Sheet1", values: [] }, { name: "xã an bình", values: [["ghi chú"]] }]);
    const { outcome } = await consolidate(book, 14);
    expect(outcome.status).toBe("done");
    expect(book.sheets.map((s) => s.name)).toContain("Xã An Bình (2)");
    expect(book.sheet("xã an bình").contents()).toEqual({ A1: '"ghi chú"' });
  }, 60_000);

  it("cancelled while reading: nothing is written", async () => {
    const book = new FakeWorkbook([{ name: "Sheet1", values: [] }]);
    const before = JSON.stringify(book.state());
    const controller = new AbortController();
    const opts = options({
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === "reading" && p.done === 1) controller.abort();
      },
    });
    const { outcome } = await consolidate(book, 14, opts);
    expect(outcome.status).toBe("cancelled");
    expect(JSON.stringify(book.state())).toBe(before);
  }, 60_000);
});
