import type { Workbook } from "exceljs";
import { isOwnName, sameDefinedName } from "../core/owned/names";
import { assignSheetRoles, markedSheet } from "../core/owned/ownedSheets";
import { DefinedName, NameWrite, WorkbookRead } from "../core/port";

/**
 * The tool's "_cchc." workbook names through ExcelJS, which keeps names as cell matrices by name (only names of
 * cell ranges survive its reading: a "#REF!" marker is dropped, which is what it means anyway). A stop-gap for the
 * ExcelJS writer, which cannot mark a name hidden; the package writer (src/xlsx/package) replaces it.
 */
interface DefinedNamesInternals {
  matrixMap: Record<string, unknown>;
  getRanges(name: string): { name: string; ranges: string[] };
  add(location: string, name: string): void;
}

function internals(wb: Workbook): DefinedNamesInternals {
  return wb.definedNames as unknown as DefinedNamesInternals;
}

/** The workbook's "_cchc." names, each with the one range it refers to. */
export function ownNamesOf(wb: Workbook): DefinedName[] {
  const names = internals(wb);
  return Object.keys(names.matrixMap)
    .filter(isOwnName)
    .map((name) => ({ name, ranges: names.getRanges(name).ranges }))
    .filter((n) => n.ranges.length === 1)
    .map((n) => ({ name: n.name, refersTo: n.ranges[0] }));
}

export function removeName(wb: Workbook, name: string): void {
  const map = internals(wb).matrixMap;
  for (const key of Object.keys(map)) if (sameDefinedName(key, name)) delete map[key];
}

/** Sets each name (replacing one of the same name, in any case) to its single-range formula. */
export function setNames(wb: Workbook, names: NameWrite[]): void {
  for (const n of names) {
    removeName(wb, n.name);
    internals(wb).add(n.refersTo, n.name);
  }
}

/** The workbook's sheets (names and visibility only) with its names and each sheet's role. */
export function sheetsAndRoles(wb: Workbook): WorkbookRead {
  return assignSheetRoles({
    sheets: wb.worksheets.map((ws) => ({
      name: ws.name,
      values: [],
      visibility:
        ws.state === "veryHidden" ? "veryHidden" : ws.state === "hidden" ? "hidden" : "visible",
    })),
    names: ownNamesOf(wb),
  });
}

/** The sheet of the tool's role `undo` (its marker, or the legacy veryHidden "cchc_hoan_tac"). */
export function undoSheetOf(wb: Workbook): string | undefined {
  return sheetsAndRoles(wb).sheets.find((s) => s.role === "undo")?.name;
}

/**
 * Puts back the names a run set: each to what it referred to before, or removed where it did not exist or its
 * sheet is gone (a name pointing at a missing sheet would only be a broken reference).
 */
export function restoreNames(wb: Workbook, names: { name: string; previous?: string }[]): void {
  const sheets = new Set(wb.worksheets.map((ws) => ws.name));
  for (const n of names) {
    removeName(wb, n.name);
    const sheet = n.previous === undefined ? undefined : markedSheet(n.previous);
    if (n.previous !== undefined && sheet !== undefined && sheets.has(sheet))
      setNames(wb, [{ name: n.name, refersTo: n.previous }]);
  }
}
