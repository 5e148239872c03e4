import type { Cell, DataValidation, Row, Worksheet } from "exceljs";

/**
 * What the adapter reads and sets of ExcelJS beyond its typings, in one place: its stored rows and cells
 * (sparse arrays), merges, per-cell validations, sheet protection and tab order.
 */

/** The entries a sparse array holds: a plain walk when short, only the stored indexes when long and holey. */
export function present<T>(sparse: (T | undefined)[]): T[] {
  if (sparse.length <= DENSE_LENGTH) return sparse.filter((x): x is T => Boolean(x));
  return Object.keys(sparse)
    .map((k) => sparse[Number(k)])
    .filter((x): x is T => Boolean(x));
}
const DENSE_LENGTH = 1024;

/** The rows ExcelJS holds, in order. */
export function rowsOf(ws: Worksheet): Row[] {
  return present((ws as unknown as { _rows?: (Row | undefined)[] })._rows ?? []);
}

/** A row's stored cells, in order. */
export function cellsOf(row: Row): Cell[] {
  return present((row as unknown as { _cells?: (Cell | undefined)[] })._cells ?? []);
}

/** How far right a row's stored cells reach (its last column). */
export function rowWidth(row: Row): number {
  return ((row as unknown as { _cells?: unknown[] })._cells ?? []).length;
}

/** Merged areas; `ws.model` would rebuild every row to get them. */
export function mergesOf(ws: Worksheet): string[] {
  const merges =
    (ws as unknown as { _merges?: Record<string, { range: string } | undefined> })._merges ?? {};
  return Object.values(merges)
    .filter((m): m is { range: string } => Boolean(m))
    .map((m) => m.range);
}

/** Validations by cell address ("E7"); ExcelJS keeps one per cell. */
export function validationModel(ws: Worksheet): Record<string, DataValidation | undefined> {
  return (
    ws as unknown as { dataValidations: { model: Record<string, DataValidation | undefined> } }
  ).dataValidations.model;
}

export function isProtected(ws: Worksheet): boolean {
  const p = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  return Boolean(p && p.sheet !== false);
}

/** ExcelJS lists (and writes) sheets by orderNo. */
export function orderNoOf(ws: Worksheet): number {
  return (ws as unknown as { orderNo: number }).orderNo;
}

export function setOrderNo(ws: Worksheet, orderNo: number): void {
  (ws as unknown as { orderNo: number }).orderNo = orderNo;
}

/**
 * Sets a formula cell's stored result in ExcelJS's model. (Read it with `cell.result`: `cell.value` drops a result
 * of 0, FALSE or "", copying only truthy fields.)
 */
export function setFormulaResult(cell: Cell, result: unknown): void {
  const model = (cell as unknown as { _value?: { model?: { result?: unknown } } })._value?.model;
  if (model) model.result = result;
}
