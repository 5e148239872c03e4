import { checkWorkbook } from "../../src/core/check/checkWorkbook";
import { shiftFormula } from "../../src/core/formula/formulaText";
import { columnBlocks } from "../../src/core/plan/cellBlocks";
import { planScoreWorkbook } from "../../src/core/plan/workbookPlan";
import { CellValue, SheetGrid, WorkbookRead, WritePlan } from "../../src/core/port";
import { parseA1 } from "../../src/core/sheet/address";
import { revertConflicts } from "../../src/core/snapshot/revertConflicts";
import { compactWritten, expandWritten } from "../../src/core/snapshot/compactWritten";
import type { SavedCell } from "../../src/core/snapshot/snapshotShape";
import { previousNames, runRecord, undoSheetMarkers } from "../../src/core/snapshot/runRecord";
import { decodeSnapshot, encodeSnapshot, restoredCellCount, savedCells, Snapshot, SNAPSHOT_FORMAT, snapshotPieces } from "../../src/core/snapshot/snapshot";
import { ROUND_SET } from "../formulas/generate";
import { unitSheet } from "../support/workbookBuilder";

/** Undo's core: what a run records about itself, and what has changed since, found before anything is restored. */

const set = ROUND_SET;

function clone(g: SheetGrid): SheetGrid {
  return { ...g, values: g.values.map((r) => [...r]), formulas: (g.formulas ?? []).map((r) => [...(r ?? [])]) };
}

/** The grid as the run leaves it: the plan's cells written into it (formulas with their cached results unknown). */
function afterRun(grid: SheetGrid, plan: WritePlan): SheetGrid {
  const g = clone(grid);
  for (const r of plan.ranges.filter((x) => x.sheet === grid.name)) {
    const { row, col } = parseA1(r.at);
    r.cells.forEach((line, i) =>
      line.forEach((c, j) => {
        (g.values[row + i - 1] ??= [])[col + j - 1] = "formula" in c ? 0 : (c.value as CellValue);
        (g.formulas![row + i - 1] ??= [])[col + j - 1] = "formula" in c ? c.formula : undefined;
      }),
    );
  }
  return g;
}

/** A row inserted above row `at`: everything from there moves down one, formulas adjusted as Excel adjusts them. */
function insertRow(g: SheetGrid, at: number): SheetGrid {
  const out = clone(g);
  out.values.splice(at - 1, 0, []);
  out.formulas!.splice(at - 1, 0, []);
  out.formulas = out.formulas!.map((r) => (r ?? []).map((f) => (f ? shiftFormula(f, 1, 0) : f)));
  return out;
}

function scenario() {
  const unit = unitSheet(set, { sheet: "Xã A", appraisalRounds: 1 });
  const read: WorkbookRead = { sheets: [unit], names: [] };
  const { plan } = planScoreWorkbook(set, read, checkWorkbook(set, read).units);
  const owned = new Set(plan.sheets.map((s) => s.name));
  const blocks = columnBlocks(plan.ranges, owned);
  const record = runRecord(read, plan, blocks);
  const snapshot: Snapshot = {
    format: SNAPSHOT_FORMAT,
    createdAt: "2025-06-01T00:00:00.000Z",
    cells: savedCells(new Map([[unit.name, unit]]), blocks),
    addedSheets: plan.sheets.map((s) => s.name),
    replacedSheets: [],
    addedFormats: plan.conditionalFormats.map((c) => ({ sheet: c.sheet, formula: c.formula })),
    deletedFormats: [],
    validations: [],
    written: record.written,
    sheetMarkers: record.sheetMarkers,
    names: record.names,
  };
  const scored = afterRun(unit, plan);
  const marker = (sheet: string) => ({ name: "_cchc.undo.1", refersTo: `'${sheet}'!$A$1` });
  return { unit, plan, snapshot, scored, marker, written: restoredCellCount(snapshot) };
}

describe("revertConflicts", () => {
  test("nothing changed since the run: no conflict, every cell can be restored", () => {
    const { snapshot, scored, marker, written } = scenario();
    const check = revertConflicts(snapshot, { sheets: [scored], names: [marker("Xã A")] });
    expect(check.checked).toBe(true);
    expect(check.conflicts).toEqual([]);
    expect(restoredCellCount({ ...snapshot, cells: check.safeRestore })).toBe(written);
    expect(written).toBeGreaterThan(10);
  });

  test("formulas are compared as Excel gives them back: case and spaces do not matter", () => {
    const { snapshot, scored, marker } = scenario();
    const shown = clone(scored);
    shown.formulas = shown.formulas!.map((r) => (r ?? []).map((f) => (f ? f.toLowerCase().replace(/,/g, ", ") : f)));
    expect(revertConflicts(snapshot, { sheets: [shown], names: [marker("Xã A")] }).conflicts).toEqual([]);
  });

  test("a row inserted above the table: every written cell now holds something else, so each is a conflict and none is restored", () => {
    const { snapshot, scored, marker, written, unit } = scenario();
    const headerRow = unit.rowOf.get("1")! - 1;
    const check = revertConflicts(snapshot, { sheets: [insertRow(scored, headerRow)], names: [marker("Xã A")] });
    expect(check.conflicts).toHaveLength(written);
    expect(check.safeRestore).toEqual([]);
    const subtotal = check.conflicts.find((c) => "wrote" in c && c.wrote.startsWith("=SUM(")) as { wrote: string; now: string };
    expect(subtotal.now).not.toBe(subtotal.wrote);
    expect(check.conflicts).toContainEqual(expect.objectContaining({ wrote: "Chỉ số CCHC (%)" }));
  });

  test("a sheet renamed since the run is found by its marker: no conflict, restored under its new name", () => {
    const { snapshot, scored, marker, written } = scenario();
    const renamed = { ...scored, name: "Xã A (đã đổi tên)" };
    const check = revertConflicts(snapshot, { sheets: [renamed], names: [marker("Xã A (đã đổi tên)")] });
    expect(check.conflicts).toEqual([]);
    expect(check.located.get("Xã A")).toBe("Xã A (đã đổi tên)");
    expect(check.safeRestore.every((b) => b.sheet === "Xã A (đã đổi tên)")).toBe(true);
    expect(restoredCellCount({ ...snapshot, cells: check.safeRestore })).toBe(written);
  });

  test("a cell the person edited is a conflict (what the run wrote, what is there now); the others can be restored", () => {
    const { snapshot, scored, marker, written, unit } = scenario();
    const edited = clone(scored);
    const row = unit.rowOf.get("1")!;
    edited.formulas![row - 1][4] = undefined;
    edited.values[row - 1][4] = 7.5;
    const check = revertConflicts(snapshot, { sheets: [edited], names: [marker("Xã A")] });
    expect(check.conflicts).toEqual([{ sheet: "Xã A", cell: `E${row}`, wrote: expect.stringMatching(/^=SUM\(/), now: "7.5" }]);
    expect(restoredCellCount({ ...snapshot, cells: check.safeRestore })).toBe(written - 1);
  });

  test("a sheet deleted since the run (its marker now #REF!) is a conflict", () => {
    const { snapshot } = scenario();
    const check = revertConflicts(snapshot, { sheets: [], names: [{ name: "_cchc.undo.1", refersTo: "#REF!" }] });
    expect(check.conflicts).toEqual([{ sheet: "Xã A", missing: true }]);
    expect(check.safeRestore).toEqual([]);
  });

  test("without a marker the sheet is looked for by its name at the time of the run", () => {
    const { snapshot, scored } = scenario();
    expect(revertConflicts(snapshot, { sheets: [scored] }).conflicts).toEqual([]);
    expect(revertConflicts(snapshot, { sheets: [{ ...scored, name: "Khác" }] }).conflicts).toEqual([{ sheet: "Xã A", missing: true }]);
  });

  test("a snapshot from before runs kept what they wrote cannot be checked: it says so and restores by name, as before", () => {
    const { snapshot, scored, written } = scenario();
    const legacy: Snapshot = { ...snapshot, written: undefined, sheetMarkers: undefined, names: undefined };
    const edited = insertRow(scored, 3);
    const check = revertConflicts(legacy, { sheets: [edited] });
    expect(check.checked).toBe(false);
    expect(check.conflicts).toEqual([]);
    expect(restoredCellCount({ ...legacy, cells: check.safeRestore })).toBe(written);
  });
});

describe("what a run records about itself", () => {
  test("the sheets it writes to but does not rebuild, each with an undo marker, in the plan's order", () => {
    const { plan } = scenario();
    const { markers, names } = undoSheetMarkers(plan);
    expect(markers).toEqual([{ sheet: "Xã A", marker: "_cchc.undo.1" }]);
    expect(names).toEqual([{ name: "_cchc.undo.1", refersTo: "'Xã A'!$A$1" }]);
  });

  test("each name it sets, with what it referred to before", () => {
    expect(
      previousNames(
        [
          { name: "_cchc.marks", refersTo: "'cchc_du_lieu'!$A$2:$A$9" },
          { name: "_cchc.sheet.summary", refersTo: "'Tổng hợp'!$A$1" },
          { name: "_CCHC.MARKS", refersTo: "x" },
        ],
        [{ name: "_CCHC.SHEET.SUMMARY", refersTo: "'Báo cáo'!$A$1" }],
      ),
    ).toEqual([{ name: "_cchc.marks" }, { name: "_cchc.sheet.summary", previous: "'Báo cáo'!$A$1" }]);
  });

  test("what it wrote runs block for block beside what it overwrote", () => {
    const { snapshot } = scenario();
    expect(snapshot.written!.map((b) => [b.sheet, b.col, b.top, b.cells.length])).toEqual(snapshot.cells.map((b) => [b.sheet, b.col, b.top, b.cells.length]));
    const cells = snapshot.written!.flatMap((b) => b.cells);
    expect(cells.filter((c) => c !== null && typeof c === "object" && "f" in c).length).toBeGreaterThan(10);
    expect(cells).toContainEqual({ v: "Chỉ số CCHC (%)" });
  });
});

describe("the snapshot's new fields read back, and damaged ones are refused", () => {
  test("written, sheetMarkers and names survive encoding", () => {
    const { snapshot } = scenario();
    snapshot.styleIndexes = [{ sheet: snapshot.cells[0].sheet, cell: "B5", xf: 7 }];
    snapshot.emptyNameList = true;
    expect(decodeSnapshot(encodeSnapshot(snapshot))).toEqual(JSON.parse(JSON.stringify(snapshot)));
  });

  test.each<[string, (s: Snapshot) => void]>([
    ["written not block for block beside cells", (s) => s.written!.pop()],
    ["a written block on another sheet", (s) => (s.written![0].sheet = "Khác")],
    ["a written block of another length", (s) => s.written![0].cells.push(null)],
    ["a written cell that is not a cell", (s) => (s.written![0].cells[0] = { f: 1 } as never)],
    ["a marker that is not an undo marker", (s) => (s.sheetMarkers![0].marker = "CotDiem")],
    ["a name that is not ours", (s) => (s.names![0].name = "Print_Area")],
    ["a previous formula that is not text", (s) => (s.names![0] = { name: "_cchc.marks", previous: 5 as never })],
    ["a style index that is not a whole number ≥ 0", (s) => (s.styleIndexes = [{ sheet: s.cells[0].sheet, cell: "B5", xf: -1 }])],
    ["a style index of an area, not a cell", (s) => (s.styleIndexes = [{ sheet: s.cells[0].sheet, cell: "B5:B9", xf: 3 }])],
    ["an empty-name-list flag that is not true or false", (s) => (s.emptyNameList = "yes" as never)],
  ])("refused: %s", (_, damage) => {
    const { snapshot } = scenario();
    const copy = JSON.parse(JSON.stringify(snapshot)) as Snapshot;
    damage(copy);
    // Stored with `written` itself, as snapshots before the compact form were: the compact form cannot even hold
    // some of these damages (a block's sheet comes from `cells`).
    expect(() => decodeSnapshot(snapshotPieces(JSON.stringify(copy)))).toThrow(/format/);
  });

  test("written is stored compactly: each distinct cell once, blocks as indexes into them", () => {
    const { snapshot } = scenario();
    const pieces = encodeSnapshot(snapshot);
    const stored = JSON.parse(pieces.slice(1).join("")) as { written?: unknown; writtenRefs: { values: unknown[]; blocks: (number | null)[][] } };
    expect(stored.written).toBeUndefined();
    const all = snapshot.written!.flatMap((b) => b.cells).filter((c) => c !== null);
    expect(stored.writtenRefs.values.length).toBe(new Set(all.map((c) => JSON.stringify(c))).size);
    expect(stored.writtenRefs.blocks.map((b) => b.length)).toEqual(snapshot.written!.map((b) => b.cells.length));
  });

  test("cells that differ only in kind stay apart when stored compactly, equal ones are stored once", () => {
    const cells: SavedCell[] = ["", { v: "" }, { v: 1 }, { v: "1" }, { f: "1" }, { e: "1" }, { v: true }, { v: "true" }, { v: 1 }, ""];
    const block = { sheet: "A", col: 1, top: 1, cells: [...cells, null] };
    const s = { cells: [block], written: [block] } as unknown as Snapshot;
    const stored = compactWritten(s);
    expect(stored.writtenRefs!.values).toEqual(cells.slice(0, 8));
    expect(stored.writtenRefs!.blocks).toEqual([[0, 1, 2, 3, 4, 5, 6, 7, 2, 0, null]]);
    expect(expandWritten(stored).written).toEqual(s.written);
  });

  test.each<[string, (refs: { values: unknown[]; blocks: unknown[][] }, s: Record<string, unknown>) => void]>([
    ["an index out of range", (r) => (r.blocks[0][0] = r.values.length)],
    ["an index that is not a whole number", (r) => (r.blocks[0][0] = 0.5)],
    ["a block of another length", (r) => r.blocks[0].push(null)],
    ["a block missing", (r) => r.blocks.pop()],
    ["a value that is not a cell", (r) => (r.values[0] = { f: 1 })],
    ["written kept beside it", (_, s) => (s.written = [])],
  ])("refused, the compact form: %s", (_, damage) => {
    const { snapshot } = scenario();
    const stored = JSON.parse(encodeSnapshot(snapshot).slice(1).join("")) as Record<string, unknown> & { writtenRefs: { values: unknown[]; blocks: unknown[][] } };
    damage(stored.writtenRefs, stored);
    expect(() => decodeSnapshot(snapshotPieces(JSON.stringify(stored)))).toThrow(/format/);
  });
});
