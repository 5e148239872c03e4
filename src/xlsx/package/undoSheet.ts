import { sheetRef } from "../../core/sheet/address";
import {
  decodeSnapshot,
  encodeSnapshot,
  Snapshot,
  SNAPSHOT_SHEET,
} from "../../core/snapshot/snapshot";
import { decodeCellText } from "./cellText";
import { SheetEditor } from "./sheetEditor";
import { stringOfCell, stringText } from "./sharedStrings";
import { ROLE_MARKER, sheetWithRole } from "./workbookFacts";
import { WorkbookEditor } from "./workbookEditor";
import { child, textOf } from "../xml";

/**
 * The undo sheet (role "undo", veryHidden): the snapshot's pieces (core/snapshot) in column A as inline strings.
 * It is found by its marker name `_cchc.sheet.undo` (or, from before markers, as the veryHidden "cchc_hoan_tac");
 * a run rewrites it in place, or adds it under a name no sheet of the person's has.
 */

export const UNDO_MARKER = ROLE_MARKER + "undo";

/** `base`, or `base (2)`, … : a name no sheet has, compared as Excel compares (case, Unicode form). */
export function freeSheetName(base: string, taken: string[]): string {
  const key = (s: string) => s.normalize("NFC").toLowerCase();
  const used = new Set(taken.map(key));
  if (!used.has(key(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!used.has(key(name))) return name;
  }
}

async function undoSheet(ed: WorkbookEditor): Promise<SheetEditor | undefined> {
  const entry = sheetWithRole(ed.wb, "undo");
  return entry ? ed.sheetOf(entry) : undefined;
}

export async function storeSnapshot(ed: WorkbookEditor, snapshot: Snapshot): Promise<void> {
  let sheet = await undoSheet(ed);
  if (sheet) {
    sheet.empty();
    ed.wb.setState(ed.pkg, sheet.entry, "veryHidden");
  } else {
    const name = freeSheetName(
      SNAPSHOT_SHEET,
      ed.wb.sheets().map((s) => s.name)
    );
    sheet = await ed.addSheet(name, "veryHidden");
  }
  encodeSnapshot(snapshot).forEach((piece, i) => sheet!.write(i + 1, 1, { value: piece }));
  ed.wb.setName(ed.pkg, UNDO_MARKER, sheetRef(sheet.entry.name, "$A$1"));
}

/** The snapshot kept in the workbook; undefined where there is none. A damaged one: InputError snapshot-unreadable. */
export async function storedSnapshot(ed: WorkbookEditor): Promise<Snapshot | undefined> {
  const sheet = await undoSheet(ed);
  if (!sheet) return undefined;
  const column: unknown[] = [];
  for (const r of sheet.cells.rowNumbersPresent()) {
    const c = sheet.cells.cell(r, 1);
    if (!c) continue;
    const si = await stringOfCell(c, ed.strings);
    const v = child(c, "v");
    column[r - 1] = si ? stringText(si) : v ? decodeCellText(textOf(v)) : "";
  }
  return decodeSnapshot(column);
}

/** Removes the undo sheet and its marker (undo goes back one run only). */
export async function removeUndoSheet(ed: WorkbookEditor): Promise<void> {
  const entry = sheetWithRole(ed.wb, "undo");
  if (entry) await ed.removeSheet(entry);
  ed.wb.removeName(ed.pkg, UNDO_MARKER);
}
