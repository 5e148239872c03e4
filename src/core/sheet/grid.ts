import { CellValue, SheetGrid } from "../port";
import { parseArea } from "./address";

/** 1-based cell access over a SheetGrid. */
export function cellAt(grid: SheetGrid, row: number, col: number): CellValue {
  return grid.values[row - 1]?.[col - 1] ?? null;
}

export function formulaAt(grid: SheetGrid, row: number, col: number): string | undefined {
  return grid.formulas?.[row - 1]?.[col - 1] ?? undefined;
}

export function numberFormatAt(grid: SheetGrid, row: number, col: number): string | undefined {
  return grid.numberFormats?.[row - 1]?.[col - 1] ?? undefined;
}

export function rowCount(grid: SheetGrid): number {
  return grid.values.length;
}

export function colCount(grid: SheetGrid): number {
  let n = 0;
  for (const r of grid.values) if (r && r.length > n) n = r.length;
  return n;
}

/** For each merged area, the cell that holds its value; lets a header read "through" a merge. */
export function mergeOwners(
  grid: SheetGrid
): Map<string, { row: number; col: number; area: string }> {
  const owners = new Map<string, { row: number; col: number; area: string }>();
  for (const m of grid.merges ?? []) {
    const a = parseArea(m);
    if ((a.bottom - a.top + 1) * (a.right - a.left + 1) > 10000) continue;
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++)
        if (r !== a.top || c !== a.left)
          owners.set(`${r},${c}`, { row: a.top, col: a.left, area: m });
  }
  return owners;
}
