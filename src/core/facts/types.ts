import { IndexedNode, IndexedSet } from "../criteria/indexed";
import { UnitGroup } from "../criteria/model";
import { Finding } from "../findings/types";
import { CellValue } from "../port";
import { ScoreCell } from "./scoreCell";
import { AdjustmentRow, CodeRow, RowCells, UnitSheet } from "../sheet/unitSheet";
import { LeafValues } from "./leafValues";

/**
 * A code row matched to its node, as sheet/resolveCodes gives it; restated (the same shape) so that the facts'
 * types, which every rule imports, do not import the module that builds the code findings (an import cycle).
 */
export type NodeRow = CodeRow & { node: IndexedNode };

export interface AdjustmentValues {
  bonus: number;
  penalty: number;
}

/** One score cell as read, and where it is. */
export interface ScoreRead {
  col: number;
  column: "self" | "appraised";
  cell: ScoreCell;
}

export interface LeafFacts {
  row: NodeRow;
  node: IndexedNode;
  /** The self-score cell; "empty" and no col when the sheet has no self column. */
  self: { col?: number; cell: ScoreCell };
  rounds: ScoreRead[];
  /** The appraisal round that counts: the last holding a score or a not-applicable mark. */
  counting?: ScoreRead;
  values: LeafValues;
  /** The points that count (the counting round's where a round counts, else the self-score) and their column. */
  final: { points?: number; col?: number };
}

/** A score column of the sheet: the self column (round -1) or appraisal round `round`. */
export interface ScoreColumnFacts {
  col: number;
  column: "self" | "appraised";
  round: number;
  pick: (r: RowCells) => CellValue;
}

/** A parent's subtotal or the total row's cell in one score column. */
export interface SubtotalCell {
  row: RowCells;
  /** The parent; absent on the total row. */
  node?: IndexedNode;
  col: number;
  column: ScoreColumnFacts;
  cell: ScoreCell;
}

export interface AdjustmentFacts {
  row: AdjustmentRow;
  cells: ScoreRead[];
}

/** What one unit sheet says, read once: what the finding rules judge and the scoring adds up. */
export interface UnitFacts {
  set: IndexedSet;
  unit: UnitSheet;
  /** The code rows matched to the set's nodes, in sheet order. */
  rows: NodeRow[];
  /** What matching the codes found (unknown, duplicate, ambiguous and missing codes). */
  codeFindings: Finding[];
  /** Each row's cell in the max column (none when the sheet has no max column). */
  maxCells: { row: NodeRow; col: number; cell: ScoreCell }[];
  /** The leaves the unit is assessed on (all, unless its group is not assessed on some). */
  leaves: LeafFacts[];
  /** The unit's group (its sheet's "Nhóm đơn vị"), where it names one of the set's. */
  group?: UnitGroup;
  /** The leaves the unit's group is not assessed on: out of its denominator, their cells not counted. */
  notAssessed: LeafFacts[];
  columns: ScoreColumnFacts[];
  /** Per score column: the parent rows in sheet order, then the total row. */
  subtotals: SubtotalCell[];
  adjustmentCells: AdjustmentFacts[];
  values: Map<string, LeafValues>;
  adjustments: AdjustmentValues;
  hasAppraisalColumn: boolean;
}
