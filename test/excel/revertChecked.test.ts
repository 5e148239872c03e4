import { runIn } from "./fakeExcel";
/**
 * Undo in the add-in checks before it restores (issue 10, Build 4): what the person did after the run — a row
 * inserted above the table, a sheet renamed, a cell edited, a sheet deleted — is found; with conflicts nothing
 * is written and they are returned; restoring what is safe puts back only the cells still as the run left them.
 */
import { decodeSnapshot, encodeSnapshot, SNAPSHOT_SHEET } from "../../src/core/snapshot/snapshot";
import * as readWritten from "../../src/excel/readWrittenCells";
import { RevertReport } from "./activeWorkbook";
import { revertActiveWorkbook, scoreActiveWorkbook } from "./activeWorkbook";
import { FakeWorkbook, useRequirementSets } from "./fakeExcel";
import { fakeWorkbook, sampleSet, unitGrids } from "./fixtures";

useRequirementSets(17);

const set = sampleSet();
const runner = runIn;

/** Everything but the undo sheet and charts (revert leaves the summary chart out, as runCommand.test.ts notes). */
const stateOf = (book: FakeWorkbook) =>
  JSON.stringify(
    (book.state(true) as { name: string }[])
      .filter((s) => s.name !== SNAPSHOT_SHEET)
      .map((s) => ({ ...s, charts: [] }))
  );

async function scored(count = 2) {
  const { book, context } = fakeWorkbook(unitGrids(set, count));
  const before = stateOf(book);
  const outcome = await scoreActiveWorkbook({ criteria: set, run: runner(context) });
  expect(outcome.status).toBe("written");
  return { book, context, before };
}

function conflictsOf(report: RevertReport) {
  expect(report.status).toBe("conflicts");
  return report.conflicts;
}

describe("undo checks what the person changed since the run", () => {
  it("a row inserted above the table: nothing is written, the conflicts are listed; nothing the person has is blanked", async () => {
    const { book, context } = await scored();
    book.insertRows("Xã 001", 3, 1);
    const moved = stateOf(book);
    const report = await revertActiveWorkbook({ run: runner(context) });
    const conflicts = conflictsOf(report);
    expect(stateOf(book)).toBe(moved);
    expect(book.sheet(SNAPSHOT_SHEET).contents()).not.toEqual({}); // the undo data is kept
    expect(conflicts.length).toBeGreaterThan(10);
    expect(conflicts.every((c) => c.sheet === "Xã 001")).toBe(true);
    // Each says what the run wrote there and what is there now.
    const first = conflicts[0] as { cell: string; wrote: string; now: string };
    expect(first.wrote).not.toBe(first.now);
    const sheet = book.sheet("Xã 001");
    const [, col, row] = /^([A-Z]+)(\d+)$/.exec(first.cell)!;
    const now = sheet.cell(Number(row), col.charCodeAt(0) - 64);
    expect(first.now).toBe(now?.formula ?? (now ? String(now.value) : ""));
  });

  it("a row inserted, then 'restore what is safe': only cells still as written come back; the moved table stays whole", async () => {
    const { book, context } = await scored();
    book.insertRows("Xã 001", 3, 1);
    const table = book.sheet("Xã 001").contents();
    const report = await revertActiveWorkbook({ run: runner(context), restoreSafe: true });
    expect(report.status).toBe("reverted");
    if (report.status !== "reverted") return;
    // Every cell of Xã 001 that conflicted is as the person left it.
    const after = book.sheet("Xã 001").contents();
    for (const c of report.conflicts)
      if ("cell" in c) expect([c.cell, after[c.cell]]).toEqual([c.cell, table[c.cell]]);
    expect(report.notices.map((n) => n.code)).toContain("sheets-partly-reverted");
    expect(
      report.notices.find((n) => n.code === "sheets-partly-reverted")!.messageFor("en")
    ).toContain('"Xã 001"');
    // Xã 002 had no conflict: it is back as it was.
    expect(book.sheet("Xã 002").conditionalFormats).toEqual([]);
    expect(book.sheet("Xã 002").validations.size).toBe(0);
  });

  it("a sheet renamed: found by its marker, and undone under its new name", async () => {
    const { book, context, before } = await scored();
    book.renameSheet("Xã 002", "Xã 002 (đã sửa)");
    const report = await revertActiveWorkbook({ run: runner(context) });
    expect(report).toMatchObject({ status: "reverted", conflicts: [], notices: [] });
    book.renameSheet("Xã 002 (đã sửa)", "Xã 002");
    expect(stateOf(book)).toBe(before);
  });

  it("a cell edited: listed with what the run wrote and what is there; restoring what is safe keeps the edit", async () => {
    const { book, context, before } = await scored();
    const sheet = book.sheet("Xã 001");
    // A cell the run wrote a formula into (a subtotal or the index).
    const key = [...sheet.cells].find(([, c]) => c.formula?.startsWith("=SUM("))![0];
    const [row, col] = key.split(",").map(Number);
    const wrote = sheet.cell(row, col)!.formula!;
    const address = `${String.fromCharCode(64 + col)}${row}`;
    await book.userEdits("Xã 001", address, 42);
    const edited = stateOf(book);
    const conflicts = conflictsOf(await revertActiveWorkbook({ run: runner(context) }));
    expect(conflicts).toEqual([{ sheet: "Xã 001", cell: address, wrote, now: "42" }]);
    expect(stateOf(book)).toBe(edited);
    const report = await revertActiveWorkbook({ run: runner(context), restoreSafe: true });
    expect(report).toMatchObject({ status: "reverted", conflicts });
    expect(sheet.cell(row, col)?.value).toBe(42);
    // Everything else came back: put the cell as it was before the run and compare the whole workbook.
    const original = JSON.parse(before) as { name: string; cells: Record<string, string> }[];
    const unit = original.find((s) => s.name === "Xã 001")!;
    const now = JSON.parse(stateOf(book)) as { name: string; cells: Record<string, string> }[];
    now.find((s) => s.name === "Xã 001")!.cells[address] = unit.cells[address];
    if (unit.cells[address] === undefined)
      delete now.find((s) => s.name === "Xã 001")!.cells[address];
    // On the edited sheet its validations, styles and replaced rules were left as the run left them.
    const strip = (xs: Record<string, unknown>[]) =>
      xs.map((s) => (s.name === "Xã 001" ? { name: s.name, cells: s.cells } : s));
    expect(strip(now)).toEqual(strip(original));
  });

  it("a sheet deleted: listed as missing; restoring what is safe undoes the rest", async () => {
    const { book, context, before } = await scored(3);
    const gone = book.sheet("Xã 003");
    book.sheets.splice(book.sheets.indexOf(gone), 1);
    for (const n of book.names) if (n.formula.includes("Xã 003")) n.formula = "=#REF!"; // as Excel leaves a name of a deleted sheet
    const conflicts = conflictsOf(await revertActiveWorkbook({ run: runner(context) }));
    expect(conflicts).toEqual([{ sheet: "Xã 003", missing: true }]);
    const report = await revertActiveWorkbook({ run: runner(context), restoreSafe: true });
    expect(report.status).toBe("reverted");
    const original = (JSON.parse(before) as { name: string }[]).filter((s) => s.name !== "Xã 003");
    expect(JSON.parse(stateOf(book))).toEqual(original);
    expect(book.names).toEqual([]);
  });

  it("a snapshot from before runs kept what they wrote: restored by name, as it always was", async () => {
    const { book, context, before } = await scored();
    const undo = book.sheet(SNAPSHOT_SHEET);
    const column = Object.values(undo.contents()).map((v) => JSON.parse(v) as string);
    const legacy = decodeSnapshot(column);
    delete legacy.written;
    delete legacy.sheetMarkers;
    undo.cells.clear();
    encodeSnapshot(legacy).forEach((piece, i) => undo.put(i + 1, 1, { value: piece }));
    const report = await revertActiveWorkbook({ run: runner(context) });
    expect(report).toMatchObject({ status: "reverted", conflicts: [] });
    expect(stateOf(book)).toBe(before);
  });

  it("reads what it checks in one more sync, whatever the number of sheets", async () => {
    const lines: string[] = [];
    const spy = jest.spyOn(readWritten, "readWrittenCells");
    for (const n of [5, 300]) {
      const { book, context } = fakeWorkbook(unitGrids(set, n), { payloadLimit: 5 * 1024 * 1024 });
      await scoreActiveWorkbook({ criteria: set, run: runner(context) });
      await scoreActiveWorkbook({ criteria: set, run: runner(context) });
      const syncs = context.syncs;
      spy.mockClear();
      const report = await revertActiveWorkbook({ run: runner(context) });
      expect(report.status).toBe("reverted");
      const read = await spy.mock.results[0].value;
      // Every cell the run wrote on every sheet, compared after one sync (none per sheet, none per cell).
      expect(read.syncs).toBe(1);
      expect(read.grids.size).toBe(n);
      lines.push(`revert on ${n} sheets (web, 4 MB budget): ${context.syncs - syncs} syncs in all`);
      expect(book.sheet(SNAPSHOT_SHEET).contents()).toEqual({});
    }
    spy.mockRestore();
    console.log(lines.join("\n"));
  });
});
