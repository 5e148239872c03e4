import { IndexedNode } from "../criteria/indexed";
import { Where } from "../findings/types";
import { a1 } from "../sheet/address";
import { AdjustmentRow, RowCells, UnitSheet } from "../sheet/unitSheet";
import { AdjustmentFacts, LeafFacts, ScoreRead, UnitFacts } from "./types";

/** A penalty counts by its size, whichever sign it was typed with. */
export function adjustmentPoints(row: AdjustmentRow, value: number): number {
  return row.adjustment.kind === "penalty" ? Math.abs(value) : value;
}

/** Where a finding on `row` (and `col`, `node`) of the unit's sheet is. */
export function where(unit: UnitSheet, row: number, col?: number, node?: IndexedNode): Where {
  return {
    sheet: unit.sheet,
    row,
    ...(col !== undefined ? { cell: a1(row, col) } : {}),
    ...(node ? { criterion: node.code } : {}),
  };
}

/** A score cell a person fills: a leaf's self-score and rounds, or an adjustment row's. */
export interface EnteredCell extends ScoreRead {
  row: RowCells;
  leaf?: LeafFacts;
  adjustment?: AdjustmentFacts;
}

/** The leaves' score cells (self-score, then each round) in sheet order, then the adjustment rows'. */
export function enteredCells(facts: UnitFacts): EnteredCell[] {
  const out: EnteredCell[] = [];
  for (const leaf of facts.leaves) {
    const { col, cell } = leaf.self;
    if (col !== undefined) out.push({ row: leaf.row, leaf, col, column: "self", cell });
    for (const r of leaf.rounds) out.push({ row: leaf.row, leaf, ...r });
  }
  for (const adjustment of facts.adjustmentCells)
    for (const r of adjustment.cells) out.push({ row: adjustment.row, adjustment, ...r });
  return out;
}
