import { blockAddress, CellBlock } from "../core/plan/cellBlocks";
import { CellValue, SheetGrid } from "../core/port";
import { SavedCell } from "../core/snapshot/snapshot";
import { cellValueFrom, formulaFrom } from "./cellCodec";
import { jsonBytes } from "./payload";

/** A block of cells the run wrote, to be read where its sheet is now (`sheet`: the current name). */
export interface WrittenBlockRead {
  sheet: string;
  block: CellBlock<SavedCell>;
}

/** Per cell in the response: a value, a formula and a value type, with JSON quoting. */
const CELL_BYTES = 40;

/**
 * What the cells a run wrote hold now, as grids holding only those cells (everything else empty), for core's
 * revertConflicts: one sync, more only when the expected response passes the budget (it is expected to be about
 * what the run wrote). Reads the block's column segment whole: a few cells more than written, never fewer.
 */
export async function readWrittenCells(
  context: Excel.RequestContext,
  reads: WrittenBlockRead[],
  budget: number
): Promise<{ grids: Map<string, SheetGrid>; syncs: number }> {
  const grids = new Map<string, SheetGrid>();
  let syncs = 0;
  for (const group of groupsUnder(reads, budget)) {
    const ranges = group.map((r) => ({
      read: r,
      range: context.workbook.worksheets
        .getItem(r.sheet)
        .getRange(blockAddress(r.block))
        .load("values,formulas,valueTypes"),
    }));
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-sized group, by design
    await context.sync();
    syncs++;
    for (const { read, range } of ranges) {
      const grid = gridOf(grids, read.sheet);
      read.block.cells.forEach((_, i) => {
        const row = read.block.top + i;
        const value = range.values[i]?.[0];
        put(
          grid,
          row,
          read.block.col,
          cellValueFrom(value, range.valueTypes[i]?.[0]),
          formulaFrom(range.formulas[i]?.[0], value)
        );
      });
    }
  }
  return { grids, syncs };
}

function gridOf(grids: Map<string, SheetGrid>, sheet: string): SheetGrid {
  let grid = grids.get(sheet);
  if (!grid) grids.set(sheet, (grid = { name: sheet, values: [], formulas: [] }));
  return grid;
}

function put(
  grid: SheetGrid,
  row: number,
  col: number,
  value: CellValue,
  formula: string | undefined
): void {
  const values = (grid.values[row - 1] ??= []);
  const formulas = (grid.formulas![row - 1] ??= []);
  values[col - 1] = value;
  formulas[col - 1] = formula;
}

function groupsUnder(reads: WrittenBlockRead[], budget: number): WrittenBlockRead[][] {
  const groups: WrittenBlockRead[][] = [];
  let current: WrittenBlockRead[] = [];
  let bytes = 0;
  for (const r of reads) {
    const n = 64 + CELL_BYTES * r.block.cells.length + jsonBytes(r.block.cells);
    if (current.length && bytes + n > budget) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(r);
    bytes += n;
  }
  if (current.length) groups.push(current);
  return groups;
}
