import type { CellValue as XlsxValue, Workbook, Worksheet } from "exceljs";
import { bySheet } from "../core/plan/bySheet";
import { writtenCells } from "../core/plan/cellBlocks";
import { InputError } from "../core/inputError";
import { a1, parseA1, parseArea } from "../core/sheet/address";
import {
  restoredCellCount,
  SavedCell,
  SavedSheet,
  sheetsToUndo,
  touchedSheets,
} from "../core/snapshot/snapshot";
import { addRule, removeRulesWithFormulas } from "./conditionalFormats";
import { isProtected, setOrderNo, validationModel } from "./excelJsInternals";
import { restoreNames, undoSheetOf } from "./definedNames";
import { storedSnapshot } from "./snapshot";
import { applyStyle } from "./styleCodec";
import { validationOfSaved } from "./validationCodec";

export interface RevertResult {
  /** When the undone run was made (ISO). */
  createdAt: string;
  restoredCells: number;
  /** Sheets the run had added, now removed. */
  removedSheets: string[];
  /** Sheets the run had rebuilt, now as they were. */
  restoredSheets: string[];
}

/**
 * Puts back what the last run (of `cchc score` or of the add-in) changed, from the snapshot it stored in the
 * workbook, then removes the snapshot: undo goes back one run. Nothing is changed if a sheet it would write
 * to is protected.
 */
export function revertLastRun(book: Workbook): RevertResult {
  const snapshot = storedSnapshot(book);
  if (!snapshot) throw new InputError("nothing-to-revert");
  const undoSheet = undoSheetOf(book)!;
  const sheet = (name: string) => book.getWorksheet(name);
  const blocked = [...touchedSheets(snapshot)].filter((n) => {
    const ws = sheet(n);
    return ws !== undefined && isProtected(ws);
  });
  if (blocked.length) throw new InputError("sheet-protected", { sheets: blocked.join(", ") });

  const { added, replaced } = sheetsToUndo(snapshot, undoSheet);
  const removedSheets = added.filter((n) => sheet(n));
  for (const name of removedSheets) book.removeWorksheet(sheet(name)!.id);
  for (const saved of replaced) rebuildSheet(book, saved);

  const cells = snapshot.cells.filter((b) => sheet(b.sheet));
  for (const block of cells) {
    const ws = sheet(block.sheet)!;
    for (const { row, col, cell } of writtenCells(block))
      ws.getCell(row, col).value = valueOf(cell);
  }
  for (const [name, rules] of bySheet(snapshot.addedFormats)) {
    const ws = sheet(name);
    if (ws)
      removeRulesWithFormulas(
        ws,
        rules.map((f) => f.formula)
      );
  }
  snapshot.deletedFormats.forEach((f, i) => {
    const ws = sheet(f.sheet);
    if (ws && f.ranges.length) addRule(ws, f, i + 1);
  });
  for (const v of snapshot.validations) {
    const ws = sheet(v.sheet);
    if (ws) restoreValidation(ws, v.ranges, v.previous ? validationOfSaved(v.previous) : undefined);
  }
  for (const s of snapshot.styles ?? []) {
    const ws = sheet(s.sheet);
    if (!ws) continue;
    const { row, col } = parseA1(s.cell); // ExcelJS's getCell("b5") throws; Excel accepts either case
    applyStyle(ws.getCell(row, col), s);
  }
  const own = sheet(undoSheet);
  if (own) book.removeWorksheet(own.id);
  restoreNames(book, snapshot.names ?? []);
  return {
    createdAt: snapshot.createdAt,
    restoredCells: restoredCellCount({ ...snapshot, cells }),
    removedSheets,
    restoredSheets: replaced.map((s) => s.name),
  };
}

/** Text stays text: ExcelJS makes formulas only of {formula} objects. */
function valueOf(saved: SavedCell): XlsxValue {
  if (saved === "") return null;
  if ("f" in saved) return { formula: saved.f } as XlsxValue;
  if ("e" in saved) return { error: saved.e } as XlsxValue;
  return saved.v;
}

function rebuildSheet(book: Workbook, saved: SavedSheet): void {
  const old = book.getWorksheet(saved.name);
  if (old) book.removeWorksheet(old.id);
  const ws = book.addWorksheet(saved.name, {
    state: saved.visibility ?? "visible",
    ...(saved.freezeRows ? { views: [{ state: "frozen", ySplit: saved.freezeRows }] } : {}),
  });
  saved.columnWidths?.forEach((w, i) => {
    if (w !== null) ws.getColumn(i + 1).width = w;
  });
  saved.rows.forEach((line, r) =>
    line.forEach((cell, c) => {
      if (cell !== null) ws.getCell(r + 1, c + 1).value = valueOf(cell);
    })
  );
  const order = book.worksheets.filter((w) => w !== ws);
  order.splice(Math.min(Math.max(saved.position, 0), order.length), 0, ws);
  order.forEach((w, i) => setOrderNo(w, i + 1));
}

function restoreValidation(
  ws: Worksheet,
  ranges: string[],
  previous: ReturnType<typeof validationOfSaved> | undefined
): void {
  const model = validationModel(ws);
  for (const range of ranges) {
    const a = parseArea(range);
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++) {
        if (previous) ws.getCell(r, c).dataValidation = { ...previous };
        else delete model[a1(r, c)];
      }
  }
}
