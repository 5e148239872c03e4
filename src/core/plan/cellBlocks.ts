import { CellWrite, RangeWrite } from "../port";
import { a1, parseA1 } from "../sheet/address";

/**
 * Plan writes gathered into column blocks: every written cell of a column, from its first to its last row,
 * becomes one range.formulas = [[…],[…]] with null (Office.js: "leave this cell as it is") in short gaps.
 */
export interface CellBlock<T = CellWrite> {
  sheet: string;
  col: number;
  top: number;
  /** cells[i] is row top+i; null = not written. */
  cells: (T | null)[];
}

/** A gap of up to this many unwritten rows is bridged with nulls rather than starting a new block. */
const MAX_GAP_ROWS = 16;

export function columnBlocks(
  ranges: RangeWrite[],
  skipSheets: ReadonlySet<string> = new Set()
): CellBlock[] {
  const bySheet = new Map<string, Map<number, Map<number, CellWrite>>>();
  for (const r of ranges) {
    if (skipSheets.has(r.sheet)) continue;
    const cols = bySheet.get(r.sheet) ?? new Map<number, Map<number, CellWrite>>();
    bySheet.set(r.sheet, cols);
    const { row, col } = parseA1(r.at);
    r.cells.forEach((line, i) =>
      line.forEach((cell, j) => {
        const rows = cols.get(col + j) ?? new Map<number, CellWrite>();
        cols.set(col + j, rows);
        rows.set(row + i, cell); // a later write to the same cell wins, as in the .xlsx adapter
      })
    );
  }
  const blocks: CellBlock[] = [];
  for (const [sheet, cols] of bySheet)
    for (const [col, rows] of [...cols].sort((x, y) => x[0] - y[0]))
      blocks.push(...runsOf(sheet, col, rows));
  return blocks;
}

/** A 2-D grid from A1 (null = nothing to write) as column blocks. */
export function blocksFromRows<T>(sheet: string, rows: (T | null)[][]): CellBlock<T>[] {
  const cols = new Map<number, Map<number, T>>();
  rows.forEach((line, r) =>
    line.forEach((cell, c) => {
      if (cell === null) return;
      const col = cols.get(c + 1) ?? new Map<number, T>();
      cols.set(c + 1, col);
      col.set(r + 1, cell);
    })
  );
  return [...cols].sort((x, y) => x[0] - y[0]).flatMap(([col, cells]) => runsOf(sheet, col, cells));
}

function runsOf<T>(sheet: string, col: number, rows: Map<number, T>): CellBlock<T>[] {
  const sorted = [...rows.keys()].sort((x, y) => x - y);
  const out: CellBlock<T>[] = [];
  let block: CellBlock<T> | undefined;
  for (const row of sorted) {
    if (!block || row - (block.top + block.cells.length) > MAX_GAP_ROWS)
      out.push((block = { sheet, col, top: row, cells: [] }));
    while (block.top + block.cells.length < row) block.cells.push(null);
    block.cells.push(rows.get(row)!);
  }
  return out;
}

export function blockAddress(block: { col: number; top: number; cells: unknown[] }): string {
  const first = a1(block.top, block.col);
  return block.cells.length === 1
    ? first
    : `${first}:${a1(block.top + block.cells.length - 1, block.col)}`;
}

/** Every written cell of the blocks as 1-based [row, col] on its sheet. */
export function* writtenCells<T>(
  block: CellBlock<T>
): Generator<{ row: number; col: number; cell: T }> {
  for (let i = 0; i < block.cells.length; i++) {
    const cell = block.cells[i];
    if (cell !== null) yield { row: block.top + i, col: block.col, cell };
  }
}

/** Splits a block into row slices whose payload stays under maxBytes. */
export function splitBlock<T>(
  block: CellBlock<T>,
  bytesOf: (cells: (T | null)[]) => number,
  maxBytes: number
): CellBlock<T>[] {
  const total = bytesOf(block.cells);
  if (total <= maxBytes || block.cells.length === 1) return [block];
  const parts = Math.ceil(total / maxBytes);
  const size = Math.ceil(block.cells.length / parts);
  const out: CellBlock<T>[] = [];
  for (let i = 0; i < block.cells.length; i += size)
    out.push({ ...block, top: block.top + i, cells: block.cells.slice(i, i + size) });
  return out;
}
