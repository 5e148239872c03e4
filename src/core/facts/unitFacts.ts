import { IndexedSet } from "../criteria/indexed";
import { readScoreCell, ScoreCell } from "./scoreCell";
import { resolveCodes } from "../sheet/resolveCodes";
import { RowCells, UnitSheet } from "../sheet/unitSheet";
import { adjustmentPoints } from "./cells";
import { lastFilledRound, LeafValues } from "./leafValues";
import { notAssessedCodes } from "./notAssessed";
import { unitGroupNamed } from "../criteria/unitGroups";
import {
  AdjustmentFacts,
  AdjustmentValues,
  LeafFacts,
  NodeRow,
  ScoreColumnFacts,
  ScoreRead,
  SubtotalCell,
  UnitFacts,
} from "./types";

const NOT_ASSESSED: LeafValues = { selfNA: true, appraisedNA: true, hasAppraisal: false };

/** Reads one unit sheet into facts; pure, and judges nothing. */
export function readUnitFacts(set: IndexedSet, unit: UnitSheet): UnitFacts {
  const { rows, findings: codeFindings } = resolveCodes(set, unit);
  const cols = unit.layout.columns;
  const columns: ScoreColumnFacts[] = [];
  if (cols.self !== undefined)
    columns.push({ col: cols.self, column: "self", round: -1, pick: (r) => r.self });
  cols.appraised.forEach((col, i) =>
    columns.push({ col, column: "appraised", round: i, pick: (r) => r.appraised[i] })
  );
  const reads = (r: RowCells): ScoreRead[] =>
    columns.map((c) => ({ col: c.col, column: c.column, cell: readScoreCell(c.pick(r)) }));

  const maxCol = cols.max;
  const maxCells =
    maxCol === undefined
      ? []
      : rows.map((row) => ({ row, col: maxCol, cell: readScoreCell(row.max) }));
  const all = rows.filter((r) => r.node.isLeaf).map((r) => leafFacts(r, reads(r), cols.self));
  const group = unit.groupCell && unitGroupNamed(set.set.unitGroups, unit.groupCell.text);
  const skipped = notAssessedCodes(set, group);
  const leaves = all.filter((l) => !skipped.has(l.node.code));
  const notAssessed = all.filter((l) => skipped.has(l.node.code));
  const subtotals: SubtotalCell[] = [];
  for (const column of columns) {
    for (const row of rows)
      if (!row.node.isLeaf)
        subtotals.push({
          row,
          node: row.node,
          col: column.col,
          column,
          cell: readScoreCell(column.pick(row)),
        });
    if (unit.totalRow)
      subtotals.push({
        row: unit.totalRow,
        col: column.col,
        column,
        cell: readScoreCell(column.pick(unit.totalRow)),
      });
  }
  const adjustmentCells = unit.adjustmentRows.map((row) => ({ row, cells: reads(row) }));
  return {
    set,
    unit,
    rows,
    codeFindings,
    maxCells,
    leaves,
    ...(group ? { group } : {}),
    notAssessed,
    columns,
    subtotals,
    adjustmentCells,
    // A leaf the unit is not assessed on counts as not applicable, whatever its cells hold.
    values: new Map([
      ...leaves.map((l) => [l.node.code, l.values] as const),
      ...notAssessed.map((l) => [l.node.code, NOT_ASSESSED] as const),
    ]),
    adjustments: adjustmentValues(adjustmentCells),
    hasAppraisalColumn: cols.appraised.length > 0,
  };
}

function leafFacts(row: NodeRow, cells: ScoreRead[], selfCol: number | undefined): LeafFacts {
  const node = row.node;
  const self = selfCol !== undefined ? cells[0] : { cell: { kind: "empty" } as ScoreCell };
  const rounds = cells.filter((c) => c.column === "appraised");
  const last = lastFilledRound(rounds.map((r) => r.cell));
  const counting = last ? rounds.find((r) => r.cell === last) : undefined;
  const selfNumber =
    self.cell.kind === "number" && node.source !== "survey" ? self.cell.value : undefined;
  const appraised = counting?.cell.kind === "number" ? counting.cell.value : undefined;
  const values: LeafValues = {
    self: selfNumber,
    selfNA: self.cell.kind === "na" && node.mayBeNotApplicable,
    appraised,
    appraisedNA: counting?.cell.kind === "na" && node.mayBeNotApplicable,
    hasAppraisal: counting !== undefined,
  };
  const final = counting
    ? { points: appraised, col: counting.col }
    : { points: selfNumber, col: selfCol };
  return { row, node, self, rounds, counting, values, final };
}

/** The bonus and penalty the unit's adjustment rows give: each row's last score, within 0 and its max. */
function adjustmentValues(adjustments: AdjustmentFacts[]): AdjustmentValues {
  const out: AdjustmentValues = { bonus: 0, penalty: 0 };
  for (const { row, cells } of adjustments) {
    let value: number | undefined;
    for (const { cell } of cells) {
      if (cell.kind !== "number") continue;
      value = Math.min(Math.max(adjustmentPoints(row, cell.value), 0), row.adjustment.max);
    }
    if (value !== undefined) out[row.adjustment.kind] += value;
  }
  return out;
}
