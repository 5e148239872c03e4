import { checkWorkbook } from "../../src/core/check/checkWorkbook";
import { SheetGrid } from "../../src/core/port";
import { cellAt, colCount, formulaAt, rowCount } from "../../src/core/sheet/grid";
import { SNAPSHOT_SHEET } from "../../src/core/snapshot/snapshot";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { FakeSheet, installRequirementSets, PropertyNotLoadedError } from "./fakeExcel";
import { fakeWorkbook, sampleSet, unitGrids, WEB_LIMIT } from "./fixtures";

let restore: () => void;
beforeEach(() => (restore = installRequirementSets(17)));
afterEach(() => restore());

function expectSameCells(read: SheetGrid, original: SheetGrid): void {
  const rows = Math.max(rowCount(read), rowCount(original));
  const cols = Math.max(colCount(read), colCount(original));
  const differences: string[] = [];
  for (let r = 1; r <= rows; r++)
    for (let c = 1; c <= cols; c++) {
      const a = JSON.stringify([cellAt(read, r, c), formulaAt(read, r, c) ?? null]);
      const b = JSON.stringify([cellAt(original, r, c), formulaAt(original, r, c) ?? null]);
      if (a !== b) differences.push(`R${r}C${c}: ${a} ≠ ${b}`);
    }
  expect(differences).toEqual([]);
}

describe("readWorkbook", () => {
  const set = sampleSet();

  it("reads 5 and 300 unit sheets in the same two syncs (no payload limit, as on Windows and Mac)", async () => {
    const counts: Record<number, { syncs: number; maxResponse: number }> = {};
    for (const n of [5, 300]) {
      const grids = unitGrids(set, n);
      const { context } = fakeWorkbook(grids);
      const read = await readWorkbook(context.asExcel());
      counts[n] = { syncs: context.syncs, maxResponse: context.totals().maxResponse };
      expect(read.syncs).toBe(context.syncs);
      expect(read.sheets.map((s) => s.name)).toEqual(grids.map((g) => g.name));
      expectSameCells(read.sheets[n - 1], grids[n - 1]);
    }
    console.log(
      `read syncs — 5 sheets: ${counts[5].syncs} (largest response ${counts[5].maxResponse} B); 300 sheets: ${counts[300].syncs} (largest response ${counts[300].maxResponse} B)`
    );
    expect(counts[5].syncs).toBe(2);
    expect(counts[300].syncs).toBe(2);
  });

  it("on Excel on the web (5 MB responses), 300 sheets stay at two syncs while they fit, then add syncs by size, never by sheet count", async () => {
    const grids = unitGrids(set, 300);
    const { context } = fakeWorkbook(grids, { payloadLimit: WEB_LIMIT });
    const read = await readWorkbook(context.asExcel());
    console.log(
      `read on the web — 300 sheets: ${context.syncs} syncs, responses ${context.responseBytes.join(", ")} B`
    );
    if (context.responseBytes.every((b) => b <= WEB_LIMIT)) expect(context.syncs).toBe(2);
    expect(read.sheets).toHaveLength(300);
    expectSameCells(read.sheets[299], grids[299]);
    expect(checkWorkbook(set, read).units.map((u) => u.scores.index)).toEqual(
      checkWorkbook(set, { sheets: grids }).units.map((u) => u.scores.index)
    );
  });

  it("reads a sheet of 50,000 rows on the web in slices under the response limit", async () => {
    const big: SheetGrid = {
      name: "Lớn",
      values: Array.from({ length: 50_000 }, (_, r) => [
        r + 1,
        `Dòng số ${r + 1} có nội dung khá dài để làm đầy`,
        r % 3 === 0 ? 1.5 : null,
        "QĐ 12/2025",
      ]),
    };
    const { context } = fakeWorkbook([big], { payloadLimit: WEB_LIMIT });
    const read = await readWorkbook(context.asExcel());
    console.log(
      `read on the web — one 50,000-row sheet: ${context.syncs} syncs, largest response ${context.totals().maxResponse} B`
    );
    expect(Math.max(...context.responseBytes.slice(-1))).toBeLessThanOrEqual(WEB_LIMIT);
    expect(read.sheets[0].values).toHaveLength(50_000);
    expectSameCells(read.sheets[0], big);
  });

  it("gives core a grid from A1: formulas without '=', errors, dates, text that starts with '=', empty cells as null, merges", async () => {
    const { book, context } = fakeWorkbook([]);
    const sheet = new FakeSheet("Mẫu");
    sheet.put(3, 3, { value: "Đơn vị: UBND xã An Bình" });
    sheet.put(4, 3, { value: 7, formula: "=SUM(D4:E4)" });
    sheet.put(4, 4, { value: { error: "#REF!" }, formula: "=#REF!+1" });
    sheet.put(5, 3, { value: 45658, numberFormat: "dd/mm/yyyy" });
    sheet.put(5, 4, { value: 1.1, numberFormat: "0.00" });
    sheet.put(5, 5, { value: "=1+2" });
    sheet.put(6, 5, { value: { error: "#N/A" } });
    sheet.merges = ["C3:E3"];
    book.sheets.push(sheet);
    const read = await readWorkbook(context.asExcel());
    const g = read.sheets[0];
    expect(g.values[0]).toEqual([]);
    expect(g.values[2]).toEqual([null, null, "Đơn vị: UBND xã An Bình", null, null]);
    expect(cellAt(g, 4, 3)).toBe(7);
    expect(formulaAt(g, 4, 3)).toBe("SUM(D4:E4)");
    expect(cellAt(g, 4, 4)).toEqual({ error: "#REF!" });
    expect(cellAt(g, 5, 3)).toEqual(new Date(Date.UTC(2025, 0, 1)));
    expect(cellAt(g, 5, 4)).toBe(1.1);
    expect(g.numberFormats?.[4]?.[3]).toBe("0.00");
    expect(cellAt(g, 5, 5)).toBe("=1+2");
    expect(formulaAt(g, 5, 5)).toBeUndefined();
    expect(cellAt(g, 6, 5)).toEqual({ error: "#N/A" });
    expect(g.merges).toEqual(["C3:E3"]);
    expect(read.mergesKnown).toBe(true);
  });

  it("leaves merges unknown where the host lacks ExcelApi 1.13, still in two syncs", async () => {
    restore();
    restore = installRequirementSets(12);
    const grids = unitGrids(set, 2);
    grids[0].merges = ["A1:H1"];
    const { context } = fakeWorkbook(grids);
    const read = await readWorkbook(context.asExcel());
    expect(context.syncs).toBe(2);
    expect(read.mergesKnown).toBe(false);
    expect(read.sheets[0].merges).toBeUndefined();
  });

  it("reads on without merges when a sheet has more merged areas than Excel returns (512)", async () => {
    const grids = unitGrids(set, 2);
    grids[1].merges = Array.from({ length: 600 }, (_, i) => `J${i + 1}:K${i + 1}`);
    const { context } = fakeWorkbook(grids);
    const read = await readWorkbook(context.asExcel());
    expect(read.mergesKnown).toBe(false);
    expect(context.syncs).toBe(3);
    expectSameCells(read.sheets[1], grids[1]);
  });

  it("lists the undo snapshot sheet but does not read its content", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 1));
    const snap = new FakeSheet(SNAPSHOT_SHEET);
    snap.visibility = "VeryHidden";
    snap.put(1, 1, { value: "x".repeat(30_000) });
    book.sheets.push(snap);
    const read = await readWorkbook(context.asExcel());
    expect(read.sheets[1]).toMatchObject({
      name: SNAPSHOT_SHEET,
      visibility: "veryHidden",
      values: [],
    });
    expect(context.totals().maxResponse).toBeLessThan(30_000 + 20_000);
  });

  it("the fake, like Office.js, refuses to give a property before the sync that loads it", async () => {
    const { context } = fakeWorkbook(unitGrids(set, 1));
    const sheets = context.asExcel().workbook.worksheets.load("items/name");
    expect(() => sheets.items).toThrow(PropertyNotLoadedError);
    await context.sync();
    expect(sheets.items[0].name).toBe("Xã 001");
    expect(() => (sheets.items[0] as unknown as { visibility: string }).visibility).toThrow(
      PropertyNotLoadedError
    );
  });
});

describe("reads past Excel's 5,000,000-cell limit", () => {
  const set = sampleSet();

  it.each(["throw", "null"] as const)(
    "reads a sheet whose used range passes 5M cells in slices (the host %ss on the whole)",
    async (overLimitRead) => {
      const grids = unitGrids(set, 1);
      const { book, context } = fakeWorkbook(grids, { overLimitRead });
      // A stray value far down makes the used range A1:E1048576, 5.2 million cells.
      book.sheet("Xã 001").put(1_048_576, 5, { value: "x" });
      const read = await readWorkbook(context.asExcel());
      const sheet = read.sheets[0];
      expect(sheet.values).toHaveLength(1_048_576);
      expect(cellAt(sheet, 1_048_576, 5)).toBe("x");
      expectSameCells({ ...sheet, values: sheet.values.slice(0, 200) }, grids[0]);
      console.log(`a 5.2M-cell used range (${overLimitRead}): ${context.syncs} syncs`);
    },
    120_000
  );
});

describe("conditional formats Excel cannot read (office-js #6827, #6835)", () => {
  const set = sampleSet();

  it("reads everything else and names the sheets, finding them in a few syncs among many", async () => {
    const grids = unitGrids(set, 40);
    const { book, context } = fakeWorkbook(grids);
    for (const s of book.sheets)
      s.conditionalFormats.push({ formula: "=$E7>1", ranges: ["E7:E9"], fill: "#FFC7CE" });
    for (const name of ["Xã 007", "Xã 031"])
      book
        .sheet(name)
        .conditionalFormats.push({ formula: "=$E7<0", ranges: ["E7"], unreadable: true });
    book.sheet("Xã 002").merges = ["A1:H1"];
    const read = await readWorkbook(context.asExcel());
    console.log(`40 sheets, 2 with unreadable rules: ${context.syncs} syncs`);
    expect(read.unreadableFormats).toEqual(["Xã 007", "Xã 031"]);
    expect(read.sheets.find((s) => s.name === "Xã 007")!.conditionalFormats).toEqual([]);
    expect(read.sheets.find((s) => s.name === "Xã 008")!.conditionalFormats).toEqual([
      { id: "0", formula: "$E7>1", fill: "#FFC7CE" },
    ]);
    expect(read.mergesKnown).toBe(true);
    expect(read.sheets[1].merges).toEqual(["A1:H1"]);
    expectSameCells(read.sheets[6], grids[6]);
    expect(context.syncs).toBeLessThanOrEqual(5 + 2 * 2 * Math.ceil(Math.log2(40)));
  });
});
