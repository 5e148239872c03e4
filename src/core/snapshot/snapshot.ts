import { CellBlock, writtenCells } from "../plan/cellBlocks";
import { DomainError } from "../errors/domainError";
import { CellValue, isCellError, SheetGrid } from "../port";
import { cellAt, formulaAt } from "../sheet/grid";
import { dateToSerial } from "../sheet/serialDate";
import { compactWritten, expandWritten } from "./compactWritten";
import {
  isWellFormedSnapshot,
  SavedCell,
  SavedSheet,
  Snapshot,
  SNAPSHOT_FORMAT,
} from "./snapshotShape";

/*
 * The snapshot's types and the check of what is read back come from one schema (./snapshotShape); this module
 * makes a snapshot from a read, and stores and reads it as text on the snapshot sheet.
 */
export {
  SNAPSHOT_FORMAT,
  type SavedArrayFormula,
  type SavedBasicRule,
  type SavedCell,
  type SavedConditionalFormat,
  type SavedRichText,
  type SavedRun,
  type SavedSheet,
  type SavedStyle,
  type SavedStyleIndex,
  type SavedValidation,
  type SavedValidationRule,
  type Snapshot,
} from "./snapshotShape";

/** The veryHidden sheet holding the last run's snapshot. */
export const SNAPSHOT_SHEET = "cchc_hoan_tac";
/** Characters per cell: Excel holds up to 32,767 in a cell. */
export const SNAPSHOT_CHUNK_CHARS = 30_000;

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
