/**
 * "So sánh với bản trước" in either mode: the older version (read from its file) against the open workbook, with
 * core's diff (the `cchc diff` of contracts/report.md), turned into what the pane lists. Pure: no Office.js, no
 * ExcelJS; shared by both modes' lazy chunks.
 */
import { isCriteriaSheetName } from "../../core/check/sheetNames";
import { IndexedSet } from "../../core/criteria/indexed";
import { CellChange, diffReadings } from "../../core/diff/diffReadings";
import { UnitReading, unitReadings } from "../../core/diff/unitReadings";
import { DomainError } from "../../core/errors/domainError";
import { WorkbookRead } from "../../core/port";
import { parseA1 } from "../../core/sheet/address";
import { Columns } from "../../core/sheet/layout";
import { criteriaInUse } from "../../core/usecases/criteriaInUse";
import type { CompareView, ChangeView } from "../compareView";
import type { Lang } from "../i18n";

/**
 * The open workbook (read with `set`, the set it is checked with) against an older version: each version with its
 * own criteria sheet, as `cchc diff` does; an older file without one is read with the open workbook's set.
 */
export function compareWithOlder(
  older: WorkbookRead,
  open: WorkbookRead,
  set: IndexedSet,
  fileName: string,
  lang: Lang
): CompareView {
  const olderSet = older.sheets.some((s) => isCriteriaSheetName(s.name))
    ? criteriaInUse(older, { lang }).set
    : set;
  const before = unitReadings(olderSet, older);
  if (!before.length) throw new DomainError("no-unit-sheets");
  const after = unitReadings(set, open);
  const diff = diffReadings(before, after);
  const bySheet = new Map(after.map((u) => [u.sheet, u]));
  const codes = (rows: { sheet: string; criterion: string }[], sheet: string) =>
    rows.filter((r) => r.sheet === sheet).map((r) => r.criterion);
  return {
    fileName,
    units: diff.units.map((u) => ({
      sheet: u.sheet,
      name: u.name,
      ...(u.nameBefore !== undefined ? { nameBefore: u.nameBefore } : {}),
      before: u.before,
      after: u.after,
      changes: diff.changes
        .filter((c) => c.sheet === u.sheet)
        .map((c) => changeView(c, bySheet.get(u.sheet))),
      criteriaOnlyBefore: codes(diff.criteriaOnlyBefore, u.sheet),
      criteriaOnlyAfter: codes(diff.criteriaOnlyAfter, u.sheet),
    })),
    unitsOnlyBefore: diff.unitsOnlyBefore,
    unitsOnlyAfter: diff.unitsOnlyAfter,
    changeCount: diff.changes.length,
  };
}

function changeView(c: CellChange, open: UnitReading | undefined): ChangeView {
  return {
    sheet: c.sheet,
    criterion: c.criterion,
    column: c.column,
    ...(c.round !== undefined ? { round: c.round } : {}),
    cell: c.cell,
    before: c.before,
    after: c.after,
    inOpenWorkbook: open !== undefined && columnsOf(open.columns, c).includes(parseA1(c.cell).col),
  };
}

/**
 * The open workbook's columns of a change's kind: a change whose cell is in none of them is in a column only the
 * older version has (an appraisal round since dropped), addressed by its old cell.
 */
function columnsOf(columns: Columns, c: CellChange): number[] {
  const one = (col: number | undefined) => (col === undefined ? [] : [col]);
  switch (c.column) {
    case "self":
      return one(columns.self);
    case "appraised":
      return c.round !== undefined ? one(columns.appraised[c.round - 1]) : columns.appraised;
    case "ratio":
      return one(columns.ratio);
    case "evidence":
      return one(columns.evidence);
    case "note":
      return columns.note;
  }
}
