import { Finding } from "../findings/finding";
import notCalculated from "../findings/rules/not-calculated";
import { SheetGrid, WorkbookRead } from "../port";
import { a1 } from "../sheet/address";
import { cellAt, formulaAt } from "../sheet/grid";
import { UnitCheck } from "./checkUnit";

/** How many cells the finding names; it also says how many there are in all. */
export const CELLS_NAMED = 5;

/**
 * The formula cells of one unit sheet whose value cannot be read because the file was never calculated: a
 * formula with no stored result, or any formula when the file's stored results are stale (see
 * WorkbookRead.formulaResults). Read as empty, such a cell would silently score 0.
 *
 * Only the cells the unit's figures and findings are read from count: on leaf rows the self-score, every
 * appraisal round, the ratio (checked against a tiers score), the evidence and the notes (whose emptiness
 * decides findings); on adjustment rows the bonus or penalty. Parent subtotals, the total, the index and the max
 * column are only compared against what the leaves and the criteria set give: without a value they are simply
 * not checked, and they are also where `cchc score` writes its own formulas, which carry no stored result.
 */
export function uncalculatedCells(
  grid: SheetGrid,
  check: UnitCheck,
  results: WorkbookRead["formulaResults"]
): string[] {
  if (!results || !grid.formulas) return [];
  const cols = check.unit.layout.columns;
  const leafCols = [cols.self, ...cols.appraised, cols.ratio, cols.evidence, ...cols.note];
  const adjustmentCols = [cols.self, ...cols.appraised];
  const out: string[] = [];
  const look = (row: number, columns: (number | undefined)[]) => {
    for (const col of new Set(columns)) {
      if (col === undefined || formulaAt(grid, row, col) === undefined) continue;
      if (results === "stale" || cellAt(grid, row, col) === null) out.push(a1(row, col));
    }
  };
  for (const r of check.rows) if (r.node.isLeaf) look(r.row, leafCols);
  for (const a of check.unit.adjustmentRows) look(a.row, adjustmentCols);
  return out;
}

/** One finding for the file: the first few cells by sheet and address, and how many there are. */
export function notCalculatedFinding(
  file: string | undefined,
  cells: { sheet: string; cell: string }[]
): Finding {
  return notCalculated.finding(file !== undefined ? { file } : {}, {
    cells: cells.slice(0, CELLS_NAMED).map((c) => `${c.sheet}!${c.cell}`),
    count: cells.length,
  });
}
