import { CellWrite } from "../core/port";
import { cellAt, formulaAt } from "../core/sheet/grid";
import { CellBlock, writtenCells } from "./cellBlocks";
import { SavedCell, savedCellOf } from "./cellCodec";
import { SnapshotUnreadableError } from "./errors";
import { ExcelSheetGrid, ExcelWorkbookRead } from "./excelRead";
import { ConditionalFormatSpec } from "./conditionalFormatOps";
import { SavedValidation } from "./validationOps";

/**
 * Everything one run changes, as it was before: Excel's undo history does not survive add-in writes, so the
 * add-in keeps its own, inside the workbook, on a veryHidden sheet. A run replaces the previous snapshot.
 */
export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  createdAt: string;
  /** Previous content of every cell written on sheets that are not owned; null = not written. */
  cells: CellBlock<SavedCell>[];
  /** Owned sheets the run created (they did not exist): removed on undo. */
  addedSheets: string[];
  /** Owned sheets the run rebuilt: their whole content from A1, put back on undo. */
  replacedSheets: {
    name: string;
    position: number;
    visibility: ExcelSheetGrid["visibility"];
    rows: (SavedCell | null)[][];
  }[];
  /** Rules the run added, known by formula: removed on undo. */
  addedFormats: { sheet: string; formula: string }[];
  /** Rules the run deleted (an earlier run's): added back on undo. */
  deletedFormats: ConditionalFormatSpec[];
  /** Areas the run validated, with the one rule they had before, if any. */
  validations: { sheet: string; ranges: string[]; previous?: SavedValidation }[];
}

export const SNAPSHOT_FORMAT = "cchc-hoan-tac/1";
/** Characters per cell: Excel holds up to 32,767 in a cell. */
export const SNAPSHOT_CHUNK_CHARS = 30_000;

export interface SnapshotInput {
  read: ExcelWorkbookRead;
  blocks: CellBlock<CellWrite>[];
  addedSheets: string[];
  replacedSheets: ExcelSheetGrid[];
  addedFormats: { sheet: string; formula: string }[];
  deletedFormats: ConditionalFormatSpec[];
  validations: { sheet: string; ranges: string[]; previous?: SavedValidation }[];
}

/** Built from the read the plan was made from (checked unchanged just before): no extra round trip. */
export function buildSnapshot(input: SnapshotInput, now: Date = new Date()): Snapshot {
  const grids = new Map(input.read.sheets.map((g) => [g.name, g]));
  const cells = input.blocks.map((b): CellBlock<SavedCell> => {
    const grid = grids.get(b.sheet);
    const saved: (SavedCell | null)[] = b.cells.map(() => null);
    for (const { row, col } of writtenCells(b))
      saved[row - b.top] = grid
        ? savedCellOf(cellAt(grid, row, col), formulaAt(grid, row, col))
        : "";
    return { sheet: b.sheet, col: b.col, top: b.top, cells: saved };
  });
  return {
    format: SNAPSHOT_FORMAT,
    createdAt: now.toISOString(),
    cells,
    addedSheets: input.addedSheets,
    replacedSheets: input.replacedSheets.map((g) => ({
      name: g.name,
      position: g.position,
      visibility: g.visibility,
      rows: g.values.map((line, r) =>
        line.map((_, c) => {
          const saved = savedCellOf(cellAt(g, r + 1, c + 1), formulaAt(g, r + 1, c + 1));
          return saved === "" ? null : saved;
        })
      ),
    })),
    addedFormats: input.addedFormats,
    deletedFormats: input.deletedFormats,
    validations: input.validations,
  };
}

/** The text of the snapshot sheet's column A: a header, then the JSON in pieces of at most 30,000 characters. */
export function encodeSnapshot(snapshot: Snapshot): string[] {
  const json = JSON.stringify(snapshot);
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

export function decodeSnapshot(columnA: unknown[]): Snapshot {
  let header: { format?: unknown; chunks?: unknown; chars?: unknown };
  try {
    header = JSON.parse(String(columnA[0] ?? ""));
  } catch {
    throw new SnapshotUnreadableError("header");
  }
  if (header.format !== SNAPSHOT_FORMAT || typeof header.chunks !== "number")
    throw new SnapshotUnreadableError("format");
  const json = columnA
    .slice(1, 1 + header.chunks)
    .map((c) => String(c ?? ""))
    .join("");
  if (json.length !== header.chars) throw new SnapshotUnreadableError("length");
  try {
    const snapshot = JSON.parse(json) as Snapshot;
    if (snapshot.format !== SNAPSHOT_FORMAT) throw new Error();
    return snapshot;
  } catch {
    throw new SnapshotUnreadableError("json");
  }
}
