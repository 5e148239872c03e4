/**
 * Whole rows inserted or deleted on a sheet, as Range.insert(shift) and Range.delete(shift) do (ExcelApi 1.1):
 * insert "Inserts a cell or a range of cells into the worksheet in place of this range, and shifts the other
 * cells to make space"; delete "Deletes the cells associated with the range" (excel.range.yml). What follows is
 * Excel's own behaviour when rows move ("Insert or delete rows and columns", support.microsoft.com: formulas keep
 * pointing at the same cells, which moved; "How to correct a #REF! error": a reference to deleted cells becomes
 * #REF!), modelled for whole rows only:
 * - the sheet's cells, styles, validations, merges and conditional-format areas below move with their rows;
 * - every formula in the workbook (cells, conditional formats, names) that points into the sheet keeps pointing
 *   at the same cells: a reference below the change moves, a range across an insertion grows, a range across a
 *   deletion shrinks, a reference wholly deleted becomes #REF!. Absolute and relative references alike.
 * Formula results are not recomputed (the fake computes nothing).
 */
import { tokenize } from "../../../src/core/formula/tokenize";
import { OfficeError } from "./errors";
import { FakeCell, FakeWorkbook, MAX_ROW } from "./model";

/**
 * Inserts `count` rows before row `at` (count > 0), or deletes rows at..at-count-1 (count < 0), on `sheetName`.
 * A protected sheet refuses (AccessDenied, as for any edit there).
 */
export function shiftRows(book: FakeWorkbook, sheetName: string, at: number, count: number): void {
  const sheet = book.sheet(sheetName);
  if (sheet.protected)
    throw new OfficeError("AccessDenied", `worksheet ${sheet.name} is protected`);
  const row = (r: number): number | undefined => movedRow(r, at, count);

  moveKeys(sheet.cells, row);
  moveKeys(sheet.styles, row);
  moveKeys(sheet.validations, row);
  sheet.merges = sheet.merges
    .map((m) => shiftArea(m, at, count))
    .filter((m): m is string => m !== undefined);
  for (const cf of sheet.conditionalFormats) {
    cf.ranges = cf.ranges
      .map((r) => shiftArea(r, at, count))
      .filter((r): r is string => r !== undefined);
    // The rule's formula is relative to its first area's top-left cell: its references move with the sheet's.
    if (cf.formula) cf.formula = shiftFormula(cf.formula, sheet.name, sheet.name, at, count);
  }

  for (const other of book.sheets)
    for (const [key, cell] of other.cells)
      if (cell.formula) {
        const formula = shiftFormula(cell.formula, other.name, sheet.name, at, count);
        if (formula !== cell.formula) other.cells.set(key, { ...cell, formula } as FakeCell);
      }
  for (const n of book.names) n.formula = shiftFormula(n.formula, undefined, sheet.name, at, count);
}

/** Where row `r` is after the change; undefined if it was deleted. */
function movedRow(r: number, at: number, count: number): number | undefined {
  if (r < at) return r;
  if (count > 0) return r + count;
  if (r < at - count) return undefined;
  return r + count;
}

function moveKeys<T>(map: Map<string, T>, row: (r: number) => number | undefined): void {
  const entries = [...map];
  map.clear();
  for (const [key, v] of entries) {
    const [r, c] = key.split(",").map(Number);
    const moved = row(r);
    if (moved !== undefined && moved <= MAX_ROW) map.set(`${moved},${c}`, v);
  }
}

/** An area's rows after the change ("E7:E9" → "E8:E10"); undefined when every row of it was deleted. */
function shiftArea(area: string, at: number, count: number): string | undefined {
  const shifted = shiftAreaText(area, at, count);
  return shifted === "#REF!" ? undefined : shifted;
}

/**
 * The reference text after the change: each row number of "A1", "$A$1:B$5", "5:7" moved; a range keeps its
 * ends' cells (growing across an insertion, shrinking across a deletion); "#REF!" if all its rows are deleted.
 * Whole columns ("A:C") do not move.
 */
function shiftAreaText(area: string, at: number, count: number): string {
  const parts = area.split(":");
  const rows = parts.map((p) => /^(\$?[A-Za-z]*)(\$?)(\d*)$/.exec(p));
  if (rows.some((m) => !m) || rows.every((m) => !m![3])) return area;
  const top = Number(rows[0]![3]);
  const bottom = Number(rows[rows.length - 1]![3]);
  let newTop: number | undefined;
  let newBottom: number | undefined;
  if (count > 0) {
    newTop = movedRow(top, at, count);
    newBottom = movedRow(bottom, at, count);
  } else {
    const gone = (r: number) => r >= at && r < at - count;
    if (gone(top) && gone(bottom) && (parts.length === 1 || bottom < at - count)) return "#REF!";
    newTop = gone(top) ? at : movedRow(top, at, count);
    newBottom = gone(bottom) ? at - 1 : movedRow(bottom, at, count);
    if (newBottom === undefined || newTop === undefined || newBottom < newTop) return "#REF!";
  }
  const write = (m: RegExpExecArray, r: number) => `${m[1]}${m[2]}${r}`;
  return parts.length === 1
    ? write(rows[0]!, newTop!)
    : `${write(rows[0]!, newTop!)}:${write(rows[1]!, newBottom!)}`;
}

/**
 * `formula` (on sheet `host`, undefined for a workbook name) with every reference into `target` moved: references
 * without a sheet where `host` is `target`, and references naming `target`.
 */
function shiftFormula(
  formula: string,
  host: string | undefined,
  target: string,
  at: number,
  count: number
): string {
  const lead = formula.startsWith("=") ? "=" : "";
  const tokens = tokenize(formula.slice(lead.length));
  return (
    lead +
    tokens
      .map((t) => {
        if (t.kind !== "ref" || t.text.endsWith("#REF!")) return t.text;
        const bang = t.text.lastIndexOf("!");
        const prefix = bang < 0 ? "" : t.text.slice(0, bang + 1);
        const sheet =
          bang < 0
            ? host
            : prefix.startsWith("'")
              ? prefix.slice(1, -2).replace(/''/g, "'")
              : prefix.slice(0, -1);
        if (sheet === undefined || sheet.toLowerCase() !== target.toLowerCase()) return t.text;
        const shifted = shiftAreaText(t.text.slice(bang + 1), at, count);
        return shifted === "#REF!" ? "#REF!" : prefix + shifted;
      })
      .join("")
  );
}
