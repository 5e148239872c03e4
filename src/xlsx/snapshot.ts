import type { Workbook, Worksheet } from "exceljs";
import { bySheet } from "../core/plan/bySheet";
import { columnBlocks } from "../core/plan/cellBlocks";
import { NameWrite, WorkbookRead, WritePlan } from "../core/port";
import { a1, parseArea } from "../core/sheet/address";
import {
  decodeSnapshot,
  encodeSnapshot,
  SavedStyle,
  SavedValidation,
  savedCells,
  savedSheet,
  Snapshot,
  SNAPSHOT_FORMAT,
} from "../core/snapshot/snapshot";
import { ownedSheetName, undoSheetMarker } from "../core/owned/ownedSheets";
import { runRecord } from "../core/snapshot/runRecord";
import { setNames, sheetsAndRoles, undoSheetOf } from "./definedNames";
import { rulesWithFormulas } from "./conditionalFormats";
import { fullStyleOf, savedStyleOf } from "./styleCodec";
import { validationModel } from "./excelJsInternals";
import { savedValidationOf } from "./validationCodec";

/**
 * What applying `plan` to `book` will change, as it is now: the same snapshot the add-in keeps, so either can
 * undo a run of the other. Built before the plan is applied, from the read the plan was made from.
 */
export function snapshotBeforeApply(
  book: Workbook,
  read: WorkbookRead,
  plan: WritePlan,
  now: Date = new Date()
): Snapshot {
  const grids = new Map(read.sheets.map((g) => [g.name, g]));
  const owned = new Set(plan.sheets.map((s) => s.name));
  const order = book.worksheets.map((ws) => ws.name);
  const sheet = (name: string) => book.getWorksheet(name);
  const blocks = columnBlocks(plan.ranges, owned);
  const record = runRecord(read, plan, blocks, [undoSheetMarker(ownedSheetName(read, "undo"))]);
  return {
    format: SNAPSHOT_FORMAT,
    createdAt: now.toISOString(),
    cells: savedCells(grids, blocks),
    written: record.written,
    sheetMarkers: record.sheetMarkers,
    names: record.names,
    addedSheets: plan.sheets.filter((s) => !grids.has(s.name)).map((s) => s.name),
    replacedSheets: plan.sheets
      .filter((s) => grids.has(s.name) && sheet(s.name))
      .map((s) => ({
        ...savedSheet(grids.get(s.name)!, order.indexOf(s.name)),
        ...layoutOf(sheet(s.name)!),
      })),
    addedFormats: plan.conditionalFormats.map((c) => ({ sheet: c.sheet, formula: c.formula })),
    deletedFormats: [...bySheet(plan.conditionalFormats)].flatMap(([name, cfs]) => {
      const ws = sheet(name);
      return ws
        ? rulesWithFormulas(
            ws,
            cfs.map((c) => c.formula)
          )
        : [];
    }),
    // All the areas a sheet gets validated, together: one entry per rule they had before.
    validations: [...bySheet(plan.validations)]
      .filter(([name]) => !owned.has(name))
      .flatMap(([name, vs]) => {
        const ws = sheet(name);
        return ws
          ? previousValidations(
              ws,
              vs.flatMap((v) => v.ranges)
            )
          : [];
      }),
    styles: [
      ...plan.sheets.flatMap((s) => {
        const ws = grids.has(s.name) ? sheet(s.name) : undefined;
        return ws ? sheetStyles(ws) : [];
      }),
      ...plan.styles
        .filter((s) => !owned.has(s.sheet))
        .flatMap((s): SavedStyle[] => {
          const ws = sheet(s.sheet);
          if (!ws) return [];
          const out: SavedStyle[] = [];
          const a = parseArea(s.range);
          for (let r = a.top; r <= a.bottom; r++)
            for (let c = a.left; c <= a.right; c++)
              out.push(savedStyleOf(s.sheet, a1(r, c), ws.getCell(r, c), s.style));
          return out;
        }),
    ],
  };
}

/** The styled cells of a sheet about to be rebuilt. */
function sheetStyles(ws: Worksheet): SavedStyle[] {
  const out: SavedStyle[] = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const saved = fullStyleOf(ws.name, cell.address, cell);
      if (saved) out.push(saved);
    })
  );
  return out;
}

function layoutOf(ws: Worksheet): { columnWidths?: (number | null)[]; freezeRows?: number } {
  const widths: (number | null)[] = [];
  for (let c = 1; c <= ws.columnCount; c++) widths.push(ws.getColumn(c).width ?? null);
  const frozen = (ws.views ?? []).find((v) => v.state === "frozen") as
    { ySplit?: number } | undefined;
  return {
    ...(widths.some((w) => w !== null) ? { columnWidths: widths } : {}),
    ...(frozen?.ySplit ? { freezeRows: frozen.ySplit } : {}),
  };
}

/**
 * The validation each cell of the areas had (ExcelJS keeps them per cell), one entry per distinct rule with
 * its cells as runs down each column: a run over hundreds of score cells stays a few entries.
 */
function previousValidations(
  ws: Worksheet,
  ranges: string[]
): { sheet: string; ranges: string[]; previous?: SavedValidation }[] {
  const model = validationModel(ws);
  const groups = new Map<string, { previous?: SavedValidation; rows: Map<number, number[]> }>();
  for (const range of ranges) {
    const a = parseArea(range);
    for (let c = a.left; c <= a.right; c++)
      for (let r = a.top; r <= a.bottom; r++) {
        const previous = savedValidationOf(model[a1(r, c)]);
        const key = JSON.stringify(previous ?? null);
        let group = groups.get(key);
        if (!group) groups.set(key, (group = { previous, rows: new Map() }));
        const rows = group.rows.get(c) ?? [];
        group.rows.set(c, rows);
        rows.push(r);
      }
  }
  return [...groups.values()].map((g) => ({
    sheet: ws.name,
    ranges: [...g.rows].sort((x, y) => x[0] - y[0]).flatMap(([c, rows]) => runsOf(c, rows)),
    ...(g.previous ? { previous: g.previous } : {}),
  }));
}

/** Rows of one column as A1 runs: 5,6,7,9 in column E → E5:E7, E9. */
function runsOf(col: number, rows: number[]): string[] {
  const sorted = [...new Set(rows)].sort((x, y) => x - y);
  const out: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(i === j ? a1(sorted[i], col) : `${a1(sorted[i], col)}:${a1(sorted[j], col)}`);
    i = j + 1;
  }
  return out;
}

/**
 * Replaces the snapshot sheet (the workbook's undo sheet, or a new one under a free name): a veryHidden sheet whose
 * column A holds the pieces, each stored as text; then sets its marker and `markers` (the undo markers of the
 * sheets the run wrote to, core/snapshot/runRecord's undoSheetMarkers).
 */
export function storeSnapshot(book: Workbook, snapshot: Snapshot, markers: NameWrite[] = []): void {
  const existing = undoSheetOf(book);
  const name = existing ?? ownedSheetName(sheetsAndRoles(book), "undo");
  const old = existing === undefined ? undefined : book.getWorksheet(existing);
  if (old) book.removeWorksheet(old.id);
  const ws = book.addWorksheet(name, { state: "veryHidden" });
  encodeSnapshot(snapshot).forEach((piece, i) => (ws.getCell(i + 1, 1).value = piece));
  setNames(book, [undoSheetMarker(name), ...markers]);
}

/** The stored snapshot, or undefined where the workbook has none. */
export function storedSnapshot(book: Workbook): Snapshot | undefined {
  const undo = undoSheetOf(book);
  const ws = undo === undefined ? undefined : book.getWorksheet(undo);
  if (!ws) return undefined;
  const column: unknown[] = [];
  ws.getColumn(1).eachCell({ includeEmpty: true }, (cell, row) => {
    const v = cell.value;
    column[row - 1] =
      typeof v === "object" && v !== null && "richText" in v
        ? (v as { richText: { text: string }[] }).richText.map((t) => t.text).join("")
        : v;
  });
  return decodeSnapshot(column);
}
