import type { Workbook, Worksheet } from "exceljs";
import { columnBlocks } from "../core/plan/cellBlocks";
import { WorkbookRead, WritePlan } from "../core/port";
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
  SNAPSHOT_SHEET,
} from "../core/snapshot/snapshot";
import { rulesWithFormulas } from "./conditionalFormats";
import { fullStyleOf, savedStyleOf } from "./styleCodec";
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
  return {
    format: SNAPSHOT_FORMAT,
    createdAt: now.toISOString(),
    cells: savedCells(grids, columnBlocks(plan.ranges, owned)),
    addedSheets: plan.sheets.filter((s) => !grids.has(s.name)).map((s) => s.name),
    replacedSheets: plan.sheets
      .filter((s) => grids.has(s.name) && sheet(s.name))
      .map((s) => ({
        ...savedSheet(grids.get(s.name)!, order.indexOf(s.name)),
        ...layoutOf(sheet(s.name)!),
      })),
    addedFormats: plan.conditionalFormats.map((c) => ({ sheet: c.sheet, formula: c.formula })),
    deletedFormats: [...new Set(plan.conditionalFormats.map((c) => c.sheet))].flatMap((name) => {
      const ws = sheet(name);
      const formulas = plan.conditionalFormats
        .filter((c) => c.sheet === name)
        .map((c) => c.formula);
      return ws ? rulesWithFormulas(ws, formulas) : [];
    }),
    validations: plan.validations
      .filter((v) => !owned.has(v.sheet))
      .flatMap((v) => {
        const ws = sheet(v.sheet);
        return ws ? previousValidations(ws, v.ranges) : [];
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
  const frozen = ws.views.find((v) => v.state === "frozen") as { ySplit?: number } | undefined;
  return {
    ...(widths.some((w) => w !== null) ? { columnWidths: widths } : {}),
    ...(frozen?.ySplit ? { freezeRows: frozen.ySplit } : {}),
  };
}

/**
 * The validation each cell of the areas had, as runs down each column of cells that had the same one
 * (ExcelJS keeps validations per cell).
 */
function previousValidations(
  ws: Worksheet,
  ranges: string[]
): { sheet: string; ranges: string[]; previous?: SavedValidation }[] {
  const model = (ws as unknown as { dataValidations: { model: Record<string, unknown> } })
    .dataValidations.model;
  const out: { sheet: string; ranges: string[]; previous?: SavedValidation }[] = [];
  for (const range of ranges) {
    const a = parseArea(range);
    for (let c = a.left; c <= a.right; c++) {
      let start = a.top;
      let key = "";
      let previous: SavedValidation | undefined;
      for (let r = a.top; r <= a.bottom + 1; r++) {
        const saved = r <= a.bottom ? savedValidationOf(model[a1(r, c)] as never) : undefined;
        const k = r <= a.bottom ? JSON.stringify(saved ?? null) : "\u0000end";
        if (r === a.top) {
          key = k;
          previous = saved;
          continue;
        }
        if (k === key) continue;
        const span = r - 1 === start ? a1(start, c) : `${a1(start, c)}:${a1(r - 1, c)}`;
        out.push({ sheet: ws.name, ranges: [span], ...(previous ? { previous } : {}) });
        start = r;
        key = k;
        previous = saved;
      }
    }
  }
  return out;
}

/** Replaces the snapshot sheet: a veryHidden sheet whose column A holds the pieces, each stored as text. */
export function storeSnapshot(book: Workbook, snapshot: Snapshot): void {
  const old = book.getWorksheet(SNAPSHOT_SHEET);
  if (old) book.removeWorksheet(old.id);
  const ws = book.addWorksheet(SNAPSHOT_SHEET, { state: "veryHidden" });
  encodeSnapshot(snapshot).forEach((piece, i) => (ws.getCell(i + 1, 1).value = piece));
}

/** The stored snapshot, or undefined where the workbook has none. */
export function storedSnapshot(book: Workbook): Snapshot | undefined {
  const ws = book.getWorksheet(SNAPSHOT_SHEET);
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
