import { CellValue } from "../port";
import { sheetNameKey } from "../owned/sheetNames";
import { a1 } from "../sheet/address";
import { Columns } from "../sheet/layout";
import { RowCells } from "../sheet/unitSheet";
import {
  ReadingRow,
  sameValue,
  UnitFigures,
  UnitReading,
  ValueAsRead,
  valueAsRead,
} from "./unitReadings";

export type ChangedColumn = "self" | "appraised" | "ratio" | "evidence" | "note";

/** One cell that holds another value in the new version (contracts/report.md, `cchc diff --json`). */
export interface CellChange {
  sheet: string;
  unit: string;
  criterion: string;
  column: ChangedColumn;
  /** The appraisal round (1, 2 …), where either version's sheet has more than one appraisal column. */
  round?: number;
  /** The cell in the new version. */
  cell: string;
  /** Added: the cell in the old version, where the row or column moved. */
  cellBefore?: string;
  before: ValueAsRead;
  after: ValueAsRead;
}

export interface UnitComparison {
  sheet: string;
  name: string;
  /** Added: the unit's name in the old version, where it differs. */
  nameBefore?: string;
  before: UnitFigures;
  after: UnitFigures;
}

/** A unit sheet in one version only. */
export interface LoneUnit extends UnitFigures {
  sheet: string;
  name: string;
}

/** A criterion (or adjustment) row in one version of a unit only. */
export interface LoneRow {
  sheet: string;
  unit: string;
  criterion: string;
  /** Its row's code cell, in the version that has it. */
  cell: string;
}

export interface WorkbookDiff {
  changes: CellChange[];
  units: UnitComparison[];
  unitsOnlyBefore: LoneUnit[];
  unitsOnlyAfter: LoneUnit[];
  criteriaOnlyBefore: LoneRow[];
  criteriaOnlyAfter: LoneRow[];
}

/**
 * What changed between two versions of the unit sheets: units matched by sheet name (as Excel compares them),
 * criteria by code; for each matched row the self-score, each appraisal round, ratio, evidence and note cells.
 * Parent rows' scores are sums of their leaves, so only their evidence and notes are compared.
 */
export function diffReadings(before: UnitReading[], after: UnitReading[]): WorkbookDiff {
  const out: WorkbookDiff = {
    changes: [],
    units: [],
    unitsOnlyBefore: [],
    unitsOnlyAfter: [],
    criteriaOnlyBefore: [],
    criteriaOnlyAfter: [],
  };
  const oldBySheet = new Map(before.map((u) => [sheetNameKey(u.sheet), u]));
  const matched = new Set<UnitReading>();
  for (const now of after) {
    const old = oldBySheet.get(sheetNameKey(now.sheet));
    if (!old) {
      out.unitsOnlyAfter.push(lone(now));
      continue;
    }
    matched.add(old);
    out.units.push({
      sheet: now.sheet,
      name: now.name,
      ...(old.name !== now.name ? { nameBefore: old.name } : {}),
      before: old.figures,
      after: now.figures,
    });
    diffUnit(old, now, out);
  }
  for (const old of before) if (!matched.has(old)) out.unitsOnlyBefore.push(lone(old));
  return out;
}

/** Whether anything differs between the versions: a cell, a unit's name, or a unit or row in one only. */
export function hasChanges(d: WorkbookDiff): boolean {
  return (
    d.changes.length > 0 ||
    d.unitsOnlyBefore.length > 0 ||
    d.unitsOnlyAfter.length > 0 ||
    d.criteriaOnlyBefore.length > 0 ||
    d.criteriaOnlyAfter.length > 0 ||
    d.units.some((u) => u.nameBefore !== undefined)
  );
}

function lone(u: UnitReading): LoneUnit {
  return { sheet: u.sheet, name: u.name, ...u.figures };
}

function diffUnit(old: UnitReading, now: UnitReading, out: WorkbookDiff): void {
  const oldRows = new Map(old.rows.map((r) => [r.code, r]));
  const seen = new Set<string>();
  const rounds = Math.max(old.columns.appraised.length, now.columns.appraised.length);
  for (const row of now.rows) {
    const was = oldRows.get(row.code);
    if (!was || seen.has(row.code)) {
      if (!was) out.criteriaOnlyAfter.push(loneRow(now, row));
      continue;
    }
    seen.add(row.code);
    for (const slot of slots(was.scored && row.scored, rounds, old.columns, now.columns)) {
      const b = slot.pick(was.cells);
      const a = slot.pick(row.cells);
      const vb = valueAsRead(b);
      const va = valueAsRead(a);
      if (sameValue(vb, va)) continue;
      const cell = slot.colAfter !== undefined ? a1(row.cells.row, slot.colAfter) : undefined;
      const cellBefore =
        slot.colBefore !== undefined ? a1(was.cells.row, slot.colBefore) : undefined;
      out.changes.push({
        sheet: now.sheet,
        unit: now.name,
        criterion: row.code,
        column: slot.column,
        ...(slot.round !== undefined ? { round: slot.round } : {}),
        // A column the new version lacks (a round dropped): the old cell is the only address there is.
        cell: cell ?? cellBefore!,
        ...(cell !== undefined && cellBefore !== undefined && cellBefore !== cell
          ? { cellBefore }
          : {}),
        before: vb,
        after: va,
      });
    }
  }
  const nowCodes = new Set(now.rows.map((r) => r.code));
  for (const row of old.rows)
    if (!nowCodes.has(row.code)) out.criteriaOnlyBefore.push(loneRow(old, row));
}

function loneRow(u: UnitReading, row: ReadingRow): LoneRow {
  return {
    sheet: u.sheet,
    unit: u.name,
    criterion: row.code,
    cell: a1(row.cells.row, u.columns.code ?? 1),
  };
}

interface Slot {
  column: ChangedColumn;
  round?: number;
  colBefore?: number;
  colAfter?: number;
  pick: (r: RowCells) => CellValue;
}

/** The cells compared on a row, each with its column in either version (undefined where that version lacks it). */
function slots(scored: boolean, rounds: number, before: Columns, after: Columns): Slot[] {
  const out: Slot[] = [];
  if (scored) {
    out.push({ column: "self", colBefore: before.self, colAfter: after.self, pick: (r) => r.self });
    for (let i = 0; i < rounds; i++)
      out.push({
        column: "appraised",
        ...(rounds > 1 ? { round: i + 1 } : {}),
        colBefore: before.appraised[i],
        colAfter: after.appraised[i],
        pick: (r) => r.appraised[i] ?? null,
      });
    out.push({
      column: "ratio",
      colBefore: before.ratio,
      colAfter: after.ratio,
      pick: (r) => r.ratio,
    });
  }
  out.push({
    column: "evidence",
    colBefore: before.evidence,
    colAfter: after.evidence,
    pick: (r) => r.evidence,
  });
  const notes = Math.max(before.note.length, after.note.length);
  for (let i = 0; i < notes; i++)
    out.push({
      column: "note",
      colBefore: before.note[i],
      colAfter: after.note[i],
      pick: (r) => r.notes[i] ?? null,
    });
  return out.filter((s) => s.colBefore !== undefined || s.colAfter !== undefined);
}
