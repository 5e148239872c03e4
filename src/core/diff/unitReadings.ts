import { checkWorkbook } from "../check/checkWorkbook";
import { IndexedSet } from "../criteria/indexed";
import { CellValue, WorkbookRead } from "../port";
import { Columns } from "../sheet/layout";
import { RowCells } from "../sheet/unitSheet";

/** One row a diff compares: a criterion's row (by its code) or an adjustment's row (bonus, penalty). */
export interface ReadingRow {
  code: string;
  /** Leaves and adjustments: their score cells are compared; a parent's scores are sums, shown in the figures. */
  scored: boolean;
  cells: RowCells;
}

/** A unit sheet as a diff needs it: its cells by criterion code and the figures the core computes. */
export interface UnitReading {
  sheet: string;
  name: string;
  columns: Columns;
  rows: ReadingRow[];
  figures: UnitFigures;
}

export interface UnitFigures {
  self: number;
  appraised: number | null;
  index: number;
}

/** Every unit sheet of a workbook read with the set, as checkWorkbook reads it. */
export function unitReadings(set: IndexedSet, wb: WorkbookRead): UnitReading[] {
  return checkWorkbook(set, wb).units.map((u) => ({
    sheet: u.sheet,
    name: u.name,
    columns: u.check.unit.layout.columns,
    rows: [
      ...u.check.rows.map((r) => ({ code: r.node.code, scored: r.node.isLeaf, cells: r })),
      ...u.check.unit.adjustmentRows.map((r) => ({
        code: r.adjustment.code,
        scored: true,
        cells: r,
      })),
    ],
    figures: {
      self: u.scores.self,
      appraised: u.scores.appraised,
      index: u.scores.index,
    },
  }));
}

/** A cell's value as a diff reports it: a number, text, or null when empty (blank text is empty). */
export type ValueAsRead = number | string | null;

export function valueAsRead(v: CellValue): ValueAsRead {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return v;
  if (typeof v === "string") return v.trim() === "" ? null : v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v.error;
}

/** Same value as read: numbers to a 1e-9 relative tolerance (a recalculated cell may differ in its last bit),
 * text in any Unicode form. */
export function sameValue(a: ValueAsRead, b: ValueAsRead): boolean {
  if (typeof a === "number" && typeof b === "number")
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (typeof a === "string" && typeof b === "string")
    return a.normalize("NFC") === b.normalize("NFC");
  return a === b;
}
