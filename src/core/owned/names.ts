import { SheetRole } from "../port";

/**
 * The hidden workbook names the tool sets, all beginning with "_cchc.": markers of its sheets, the lists on the
 * data sheet, and the markers undo finds the sheets of a run by. Excel compares names without regard to case.
 */
export const OWN_NAME_PREFIX = "_cchc.";

/** `_cchc.sheet.summary` → the summary sheet's A1. */
export function sheetMarkerName(role: SheetRole): string {
  return `${OWN_NAME_PREFIX}sheet.${role}`;
}

/** The not-applicable marks (KĐG …) on the data sheet, one per cell. */
export const MARKS_NAME = `${OWN_NAME_PREFIX}marks`;

/** The n-th allowed-score list on the data sheet (1-based). */
export function listName(n: number): string {
  return `${OWN_NAME_PREFIX}list.${n}`;
}

/** The n-th sheet a run wrote to (1-based), for undo to find it whatever it is called by then. */
export function undoMarkerName(n: number): string {
  return `${OWN_NAME_PREFIX}undo.${n}`;
}

export function isOwnName(name: string): boolean {
  return name.toLowerCase().startsWith(OWN_NAME_PREFIX);
}

export function sameDefinedName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}
