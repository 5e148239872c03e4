import { CellBlock, writtenCells } from "../plan/cellBlocks";
import { DomainError } from "../errors/domainError";
import { CellValue, isCellError, SheetGrid } from "../port";
import { cellAt, formulaAt } from "../sheet/grid";
import { dateToSerial } from "../sheet/serialDate";
import { compactWritten, expandWritten } from "./compactWritten";
import { isWellFormedSnapshot } from "./snapshotShape";

/**
 * Everything one run changed, as it was before, kept inside the workbook on a veryHidden sheet: Excel's undo
 * history does not survive add-in writes, and a file scored by `cchc` may be passed on. Both adapters write
 * and read this one format, so a run of either can be undone by the other. A run replaces the previous one.
 */
export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  createdAt: string;
  /** Previous content of every cell written on sheets that are not owned; null = not written. */
  cells: CellBlock<SavedCell>[];
  /** Owned sheets the run created (they did not exist): removed on undo. */
  addedSheets: string[];
  /** Owned sheets the run rebuilt: their whole content from A1, put back on undo. */
  replacedSheets: SavedSheet[];
  /** Rules the run added, known by formula: removed on undo. */
  addedFormats: { sheet: string; formula: string }[];
  /** Rules the run deleted (an earlier run's): added back on undo. */
  deletedFormats: SavedConditionalFormat[];
  /** Areas the run validated, with the one rule they had before, if any. */
  validations: { sheet: string; ranges: string[]; previous?: SavedValidation }[];
  /** Cells the run styled on sheets that are not owned, with the style they had (added later: may be absent). */
  styles?: SavedStyle[];
  /**
   * What the run wrote into the cells of `cells`, block for block (same sheet, col, top and length): undo
   * restores a cell only where it still holds this (added later: may be absent in older snapshots).
   */
  written?: CellBlock<SavedCell>[];
  /**
   * The sheets the run wrote to, each with the hidden workbook name ("_cchc.undo.<n>", pointing at its A1) that
   * follows the sheet through renames: undo finds a sheet by it, not by its name at the time (may be absent).
   */
  sheetMarkers?: { sheet: string; marker: string }[];
  /** The workbook names the run set, with what each referred to before; absent `previous`: it did not exist. */
  names?: { name: string; previous?: string }[];
  /**
   * Cells of `cells` that held rich text, with its runs: undo puts the runs back where the cell gets back the same
   * text (the .xlsx adapter writes and reads it; may be absent).
   */
  richText?: SavedRichText[];
  /**
   * Multi-cell array formulas a written cell lay in: the run gave their other cells formulas of their own, and undo
   * joins them back where every cell still holds what the run left (the .xlsx adapter; may be absent).
   */
  arrayFormulas?: SavedArrayFormula[];
  /**
   * The style index (`s`, an xf of styles.xml) each cell of `styles` had, where the .xlsx writer styled it: undo
   * gives back that very index when it still has the properties `styles` records (Excel may renumber styles on
   * save; then undo derives a style as the Excel adapter does). Absent from the Excel adapter's snapshots.
   */
  styleIndexes?: SavedStyleIndex[];
  /** The workbook had an empty list of names (`<definedNames/>`, as openpyxl writes it): undo keeps it. */
  emptyNameList?: boolean;
}

export interface SavedStyleIndex {
  sheet: string;
  cell: string;
  xf: number;
}

/** A run of rich text: its text and its run properties (`<rPr>` children as [element, attributes]). */
export interface SavedRun {
  text: string;
  font?: [string, Record<string, string>][];
}

export interface SavedRichText {
  sheet: string;
  cell: string;
  runs: SavedRun[];
}

export interface SavedArrayFormula {
  sheet: string;
  /** The area, A1 ("D5:E6"). */
  ref: string;
  /** Without "=". */
  formula: string;
}

export const SNAPSHOT_FORMAT = "cchc-hoan-tac/1";
/** The veryHidden sheet holding the last run's snapshot. */
export const SNAPSHOT_SHEET = "cchc_hoan_tac";
/** Characters per cell: Excel holds up to 32,767 in a cell. */
export const SNAPSHOT_CHUNK_CHARS = 30_000;

/** A cell's previous content: "" empty, {f} formula (without "="), {v} constant, {e} error value. */
export type SavedCell = "" | { f: string } | { v: string | number | boolean } | { e: string };

export interface SavedSheet {
  name: string;
  position: number;
  visibility: SheetGrid["visibility"];
  rows: (SavedCell | null)[][];
  /** Column widths in characters (null = default) and frozen rows, where the adapter knows them. */
  columnWidths?: (number | null)[];
  freezeRows?: number;
}

export interface SavedConditionalFormat {
  sheet: string;
  ranges: string[];
  /** Relative to the first area's top-left cell, without "=". */
  formula: string;
  style: { fill?: string; fontColor?: string; bold?: boolean };
}

/**
 * A data validation as it was, in the JSON shape of Office.js's DataValidation (rule, ignoreBlanks, prompt,
 * errorAlert): the Excel adapter sets it as it is, the .xlsx adapter translates it.
 */
export interface SavedValidation {
  rule: SavedValidationRule;
  ignoreBlanks?: boolean;
  prompt?: { showPrompt?: boolean; title?: string; message?: string };
  errorAlert?: { showAlert?: boolean; style?: string; title?: string; message?: string };
}

export interface SavedBasicRule {
  operator: string;
  formula1: string | number;
  formula2?: string | number;
}

export interface SavedValidationRule {
  list?: { inCellDropDown?: boolean; source: string };
  custom?: { formula: string };
  wholeNumber?: SavedBasicRule;
  decimal?: SavedBasicRule;
  date?: SavedBasicRule;
  time?: SavedBasicRule;
  textLength?: SavedBasicRule;
}

/** The style a styled cell had, in the properties a plan can set; null = none (no fill, automatic colour). */
export interface SavedStyle {
  sheet: string;
  cell: string;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string | null;
  fill?: string | null;
  numberFormat?: string;
  wrap?: boolean;
  align?: "left" | "center" | "right" | null;
}

export function savedCellOf(value: CellValue, formula: string | null | undefined): SavedCell {
  if (formula) return { f: formula };
  if (value === null) return "";
  if (value instanceof Date) return { v: dateToSerial(value) };
  if (isCellError(value)) return { e: value.error };
  return { v: value };
}

/** What the written cells of `blocks` held in the read the plan was made from. */
export function savedCells<T>(
  grids: ReadonlyMap<string, SheetGrid>,
  blocks: CellBlock<T>[]
): CellBlock<SavedCell>[] {
  return blocks.map((b) => {
    const grid = grids.get(b.sheet);
    const saved: (SavedCell | null)[] = b.cells.map(() => null);
    for (const { row, col } of writtenCells(b))
      saved[row - b.top] = grid
        ? savedCellOf(cellAt(grid, row, col), formulaAt(grid, row, col))
        : "";
    return { sheet: b.sheet, col: b.col, top: b.top, cells: saved };
  });
}

/** A whole sheet's content from A1, empty cells as null. */
export function savedSheet(grid: SheetGrid, position: number): SavedSheet {
  return {
    name: grid.name,
    position,
    visibility: grid.visibility ?? "visible",
    rows: grid.values.map((line, r) =>
      line.map((_, c) => {
        const saved = savedCellOf(cellAt(grid, r + 1, c + 1), formulaAt(grid, r + 1, c + 1));
        return saved === "" ? null : saved;
      })
    ),
  };
}

/** Every sheet undo writes to: none of them may be protected. */
export function touchedSheets(s: Snapshot): Set<string> {
  return new Set([
    ...s.cells.map((b) => b.sheet),
    ...s.addedSheets,
    ...s.replacedSheets.map((r) => r.name),
    ...s.addedFormats.map((f) => f.sheet),
    ...s.deletedFormats.map((f) => f.sheet),
    ...s.validations.map((v) => v.sheet),
    ...(s.styles ?? []).map((x) => x.sheet),
  ]);
}

/**
 * The sheets undo removes and rebuilds, each once. A hand-edited snapshot may repeat a name, list a sheet as
 * both added and rebuilt, or name the snapshot sheet itself (`undoSheet`): undo must not trip over any of that.
 */
export function sheetsToUndo(
  s: Snapshot,
  undoSheet: string = SNAPSHOT_SHEET
): { added: string[]; replaced: SavedSheet[] } {
  const replaced = new Map<string, SavedSheet>();
  for (const r of s.replacedSheets) if (r.name !== undoSheet) replaced.set(r.name, r);
  const added = [...new Set(s.addedSheets)].filter((n) => n !== undoSheet && !replaced.has(n));
  return { added, replaced: [...replaced.values()] };
}

/** How many cells undo puts back on sheets that are not owned. */
export function restoredCellCount(s: Snapshot): number {
  return s.cells.reduce((n, b) => n + b.cells.filter((c) => c !== null).length, 0);
}

/**
 * The text of the snapshot sheet's column A: a header, then the JSON in pieces of at most 30,000 characters.
 * `written` is kept compactly (core/snapshot/compactWritten): a run writes the same few formulas on every unit sheet.
 */
export function encodeSnapshot(snapshot: Snapshot): string[] {
  return snapshotPieces(JSON.stringify(compactWritten(snapshot)));
}

/** The snapshot sheet's column A for a snapshot's stored JSON text. */
export function snapshotPieces(json: string): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < json.length;) {
    let end = Math.min(i + SNAPSHOT_CHUNK_CHARS, json.length);
    // Never cut between the two halves of a surrogate pair (an emoji in a sheet name).
    if (end < json.length && /[\uD800-\uDBFF]/.test(json[end - 1])) end--;
    chunks.push(json.slice(i, end));
    i = end;
  }
  return [
    JSON.stringify({ format: SNAPSHOT_FORMAT, chunks: chunks.length, chars: json.length }),
    ...chunks,
  ];
}

/** Reads column A of the snapshot sheet back; a damaged or foreign one is an DomainError "snapshot-unreadable". */
export function decodeSnapshot(columnA: unknown[]): Snapshot {
  const unreadable = (reason: string) => new DomainError("snapshot-unreadable", { reason });
  let header: { format?: unknown; chunks?: unknown; chars?: unknown };
  try {
    header = JSON.parse(String(columnA[0] ?? ""));
  } catch {
    throw unreadable("header");
  }
  if (header?.format !== SNAPSHOT_FORMAT || typeof header.chunks !== "number")
    throw unreadable("format");
  const json = columnA
    .slice(1, 1 + header.chunks)
    .map((c) => String(c ?? ""))
    .join("");
  if (json.length !== header.chars) throw unreadable("length");
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw unreadable("json");
  }
  const snapshot = expandWritten(parsed);
  if (!isWellFormedSnapshot(snapshot)) throw unreadable("format");
  return snapshot;
}
