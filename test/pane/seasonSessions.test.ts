/**
 * Issue 12 in the pane's sessions, over the fake Excel (test/excel/fakeExcel) and in the browser mode: the Word
 * report reads back with every unit, its index and its rank (as the pane's check ranks them); last year's file
 * (a cchc JSON report) puts last year's figures beside this year's on "Tổng hợp" and a second series in the chart;
 * the browser mode compares with an older version as the Excel mode does.
 */
import { criteriaToRows } from "../../src/core/criteria/sheetForm";
import { SUMMARY_HEADERS } from "../../src/core/plan/summaryPlan";
import { CellValue, SheetGrid } from "../../src/core/port";
import { columnLetter } from "../../src/core/sheet/address";
import { formatPoints } from "../../src/core/text/numbers";
import { SERIES_NAMES, SUMMARY_CHART } from "../../src/excel/summaryChart";
import { createBrowserSession } from "../../src/taskpane/modes/browserSession";
import { createExcelSession } from "../../src/taskpane/modes/excelSession";
import { FakeExcelHost, FakeSheet, FakeWorkbook, installRequirementSets } from "../excel/fakeExcel";
import { unitGrids } from "../excel/fixtures";
import { DocxCell, readDocx, tablesHeaded } from "../support/docxRead";
import { fixtureSet } from "../support/sample";
import { toXlsx } from "../support/workbookBuilder";

const SET = fixtureSet();
const criteria = (): SheetGrid => ({
  name: "Bộ tiêu chí",
  values: criteriaToRows(SET.set) as CellValue[][],
});

let restore: (() => void)[] = [];
beforeEach(() => (restore = [installRequirementSets(17)]));
afterEach(() => restore.reverse().forEach((r) => r()));

function excelWith(grids: SheetGrid[]): FakeWorkbook {
  const book = new FakeWorkbook([criteria(), ...grids]);
  restore.push(new FakeExcelHost(book).install());
  return book;
}

/** The ranking table's unit rows: [rank, name, self, appraised, index, band]. */
function rankingRows(table: DocxCell[][]): string[][] {
  return table
    .slice(1)
    .filter((row) => !(row.length === 1 && row[0].span > 1))
    .map((row) => row.map((c) => c.text));
}

async function expectEveryUnit(
  bytes: Uint8Array,
  units: { name: string; index: number; rank: number }[]
): Promise<void> {
  const { blocks, contentTypes } = await readDocx(bytes);
  expect(contentTypes).toContain("wordprocessingml.document.main+xml");
  const tables = tablesHeaded(blocks, "Hạng", "Chỉ số (%)");
  expect(tables).toHaveLength(1);
  const rows = rankingRows(tables[0]);
  expect(rows).toHaveLength(units.length);
  for (const u of units) {
    const row = rows.find((r) => r[1] === u.name);
    expect({ name: u.name, rank: row?.[0], index: row?.[4] }).toEqual({
      name: u.name,
      rank: String(u.rank),
      index: formatPoints(u.index, "vi"),
    });
  }
}

/** A `cchc check --json`-shaped report of last year: two of this year's units, one renamed in case only. */
function lastYearJson(names: string[]): Uint8Array {
  const report = {
    tool: { name: "cchc", version: "0.3.0" },
    units: [
      { sheet: "Xã 001", name: names[0].toUpperCase(), index: 70.5, rank: 2, band: "Khá" },
      { sheet: "Xã 002", name: names[1], index: 90, rank: 1, band: "Tốt" },
    ],
  };
  return new TextEncoder().encode(JSON.stringify(report));
}

describe("the Word report from the pane", () => {
  test("in Excel: every unit of the open workbook with its index and rank", async () => {
    excelWith(unitGrids(SET, 4));
    const session = createExcelSession();
    const checked = await session.check("vi");
    const file = await session.report("vi");
    expect(file.fileName).toMatch(/^bao-cao-chi-so-cchc.*\.docx$/);
    expect(file.units).toBe(4);
    await expectEveryUnit(file.bytes, checked.report!.units);
  });

  test("in the browser mode, with last year's report: the comparison table lists every unit", async () => {
    const session = createBrowserSession();
    const bytes = await toXlsx(unitGrids(SET, 3), SET);
    const opened = await session.open(new Uint8Array(bytes), "xa.xlsx", "vi");
    const names = opened.report!.units.map((u) => u.name);
    const file = await session.report("vi", { name: "nam-truoc.json", bytes: lastYearJson(names) });
    await expectEveryUnit(file.bytes, opened.report!.units);
    const { blocks } = await readDocx(file.bytes);
    const previous = tablesHeaded(blocks, "Chỉ số năm trước");
    expect(previous).toHaveLength(1);
    const byName = new Map(previous[0].slice(1).map((r) => [r[0].text, r.map((c) => c.text)]));
    expect(byName.get(names[0])?.[2]).toBe("70,5");
    expect(byName.get(names[1])?.[2]).toBe("90");
    expect(byName.get(names[2])?.[2]).toBe("—");
  });

  test("a last-year file that is not one is refused with one line naming it", async () => {
    excelWith(unitGrids(SET, 1));
    const session = createExcelSession();
    const bad = { name: "sai.json", bytes: new TextEncoder().encode('{"units": 3}') };
    await expect(session.report("vi", bad)).rejects.toThrow(/^sai\.json: /);
  });
});

describe("Tổng hợp with last year's figures, and the chart of both years", () => {
  function chartOf(book: FakeWorkbook): { sheet: FakeSheet; chart: FakeSheet["charts"][number] } {
    const sheet = book.sheets.find((s) => s.charts.some((c) => c.name === SUMMARY_CHART))!;
    return { sheet, chart: sheet.charts[0] };
  }

  function headerColumns(sheet: FakeSheet): Map<string, number> {
    for (let row = 1; row <= 10; row++) {
      const found = new Map<string, number>();
      for (let col = 1; col <= 40; col++) {
        const v = sheet.cell(row, col)?.value;
        if (typeof v === "string") found.set(v, col);
      }
      if (found.has(SUMMARY_HEADERS.index)) return found;
    }
    throw new Error("no header row");
  }

  test("the summary gains last year's columns and the chart a second series over them", async () => {
    const book = excelWith(unitGrids(SET, 3));
    const session = createExcelSession();
    const names = (await session.check("vi")).report!.units.map((u) => u.name);
    const outcome = await session.buildSummary("vi", async () => true, {
      name: "nam-truoc.json",
      bytes: lastYearJson(names),
    });
    expect(outcome).toMatchObject({ done: true });
    expect(outcome.done && outcome.notices).toContain(
      "Năm trước (nam-truoc.json): tìm thấy 2/3 đơn vị."
    );
    const { sheet, chart } = chartOf(book);
    const cols = headerColumns(sheet);
    const previous = cols.get(SUMMARY_HEADERS.previousIndex)!;
    const unit = cols.get(SUMMARY_HEADERS.unit)!;
    const index = cols.get(SUMMARY_HEADERS.index)!;
    expect(previous).toBeGreaterThan(index);
    const range = (col: number) => `${columnLetter(col)}5:${columnLetter(col)}7`;
    expect(chart).toMatchObject({
      source: range(index),
      xValues: range(unit),
      seriesName: SERIES_NAMES.now,
      legendVisible: true,
      added: [{ name: SERIES_NAMES.previous, values: range(previous), xValues: range(unit) }],
    });
    // Last year's figures as values beside this year's: the unit found gets them, the one not found is empty.
    const rowOf = (name: string) => [5, 6, 7].find((r) => sheet.cell(r, unit)?.value === name)!;
    expect(sheet.cell(rowOf(names[1]), previous)?.value).toBe(90);
    // Matched without case differences.
    expect(sheet.cell(rowOf(names[0]), previous)?.value).toBe(70.5);
    expect(sheet.cell(rowOf(names[2]), previous)?.value ?? null).toBeNull();
  });

  test("without last year's file: one series, no legend", async () => {
    const book = excelWith(unitGrids(SET, 2));
    await createExcelSession().buildSummary("vi", async () => true);
    const { chart } = chartOf(book);
    expect(chart.added).toBeUndefined();
    expect(chart.legendVisible).toBe(false);
  });
});

describe("compare in the browser mode", () => {
  test("lists the changed cell of the open file against the older one", async () => {
    const grids = unitGrids(SET, 2);
    const older = await toXlsx(grids, SET);
    const changed = grids.map((g) => ({ ...g, values: g.values.map((r) => [...r]) }));
    const row = changed[1].values.findIndex((r) => typeof r[4] === "number") + 1;
    const was = changed[1].values[row - 1][4] as number;
    changed[1].values[row - 1][4] = was === 0 ? 1 : 0;
    const session = createBrowserSession();
    await session.open(new Uint8Array(await toXlsx(changed, SET)), "moi.xlsx", "vi");
    const view = await session.compare({ name: "cu.xlsx", bytes: new Uint8Array(older) }, "vi");
    expect(view.changeCount).toBe(1);
    const changes = view.units.flatMap((u) => u.changes);
    expect(changes).toEqual([
      expect.objectContaining({
        sheet: changed[1].name,
        column: "self",
        cell: `E${row}`,
        before: was,
        after: was === 0 ? 1 : 0,
        inOpenWorkbook: true,
      }),
    ]);
  });
});
