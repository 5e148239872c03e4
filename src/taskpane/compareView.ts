/**
 * What "So sánh với bản trước" shows: the open workbook compared with an older version picked as a file (core's
 * diff, contracts/report.md `cchc diff --json`), per unit. Only types here: this file is in the pane's initial
 * chunk, the diff runs in the modes' lazy chunks (modes/compareViews.ts).
 */
export type ChangedColumnView = "self" | "appraised" | "ratio" | "evidence" | "note";

/** A cell's value as read: a number, text, or null when empty. */
export type ValueView = number | string | null;

export interface ChangeView {
  sheet: string;
  criterion: string;
  column: ChangedColumnView;
  round?: number;
  /** The cell in the open workbook (the old version's, where the open one lacks that column). */
  cell: string;
  before: ValueView;
  after: ValueView;
  /** The cell exists in the open workbook: it can be selected and highlighted. */
  inOpenWorkbook: boolean;
}

export interface FiguresView {
  self: number;
  appraised: number | null;
  index: number;
}

export interface UnitCompareView {
  sheet: string;
  name: string;
  nameBefore?: string;
  before: FiguresView;
  after: FiguresView;
  changes: ChangeView[];
  /** Criterion codes found in one version of the unit only. */
  criteriaOnlyBefore: string[];
  criteriaOnlyAfter: string[];
}

export interface LoneUnitView extends FiguresView {
  sheet: string;
  name: string;
}

export interface CompareView {
  /** The older file, as picked. */
  fileName: string;
  /** Every unit sheet found in both versions, in the open workbook's order. */
  units: UnitCompareView[];
  unitsOnlyBefore: LoneUnitView[];
  unitsOnlyAfter: LoneUnitView[];
  /** How many cells changed in all. */
  changeCount: number;
}

/** A cell to highlight in the open workbook. */
export interface CellRef {
  sheet: string;
  cell: string;
}

export interface HighlightOutcome {
  /** Cells highlighted (or, for a removal, rules removed). */
  count: number;
  /** Sheets left as they were because they are protected. */
  protectedSheets: string[];
  /** Sheets whose conditional formats Excel would not give back: an earlier highlight there may remain. */
  unreadableSheets: string[];
}

/** The cells of a comparison that the open workbook has. */
export function highlightable(view: CompareView): CellRef[] {
  return view.units.flatMap((u) =>
    u.changes.filter((c) => c.inOpenWorkbook).map((c) => ({ sheet: c.sheet, cell: c.cell }))
  );
}
