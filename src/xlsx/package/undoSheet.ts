import { sheetMarkerName } from "../../core/owned/names";
import { decodeSnapshot, encodeSnapshot, Snapshot } from "../../core/snapshot/snapshot";
import { decodeCellText } from "./cellText";
import { SheetEditor } from "./sheetEditor";
import { stringOfCell, stringText } from "./sharedStrings";
import { sheetWithRole } from "./workbookFacts";
import { WorkbookEditor } from "./workbookEditor";
import { child, textOf } from "../xml";

/**
 * The undo sheet (role "undo", veryHidden): the snapshot's pieces (core/snapshot) in column A as inline strings.
 * It is found by its marker name `_cchc.sheet.undo` (or, from before markers, as the veryHidden "cchc_hoan_tac");
 * a run rewrites it in place, or adds it under a name no sheet of the person's has.
 */

export const UNDO_MARKER = sheetMarkerName("undo");

async function undoSheet(ed: WorkbookEditor): Promise<SheetEditor | undefined> {
  const entry = sheetWithRole(ed.wb, "undo");
  return entry ? ed.sheetOf(entry) : undefined;
}

/**
 * Keeps the snapshot on the undo sheet: the workbook's own (emptied in place), or a new veryHidden sheet named
 * `name` (a name no sheet has: core/owned's ownedSheetName). The caller sets the sheet's marker.
 */
export async function storeSnapshot(
  ed: WorkbookEditor,
  snapshot: Snapshot,
  name: string
): Promise<void> {
  await storeSnapshotPieces(ed, encodeSnapshot(snapshot), name);
}

/** Column A of the undo sheet, as given (core/snapshot's encodeSnapshot makes it). */
export async function storeSnapshotPieces(
  ed: WorkbookEditor,
  pieces: string[],
  name: string
): Promise<void> {
  let sheet = await undoSheet(ed);
  if (sheet) {
    sheet.empty();
    ed.wb.setState(ed.pkg, sheet.entry, "veryHidden");
  } else sheet = await ed.addSheet(name, "veryHidden");
  pieces.forEach((piece, i) => sheet!.write(i + 1, 1, { value: piece }));
  ed.release(sheet.entry.name);
}

/** The snapshot kept in the workbook; undefined where there is none. A damaged one: DomainError snapshot-unreadable. */
export async function storedSnapshot(ed: WorkbookEditor): Promise<Snapshot | undefined> {
  const column = await storedSnapshotPieces(ed);
  return column && decodeSnapshot(column);
}

/** Column A of the undo sheet as text, by row; undefined where there is no undo sheet. */
export async function storedSnapshotPieces(ed: WorkbookEditor): Promise<string[] | undefined> {
  const sheet = await undoSheet(ed);
  if (!sheet) return undefined;
  const column: string[] = [];
  for (const r of sheet.cells.rowNumbersPresent()) {
    const c = sheet.cells.cell(r, 1);
    if (!c) continue;
    const si = await stringOfCell(c, ed.strings);
    const v = child(c, "v");
    column[r - 1] = si ? stringText(si) : v ? decodeCellText(textOf(v)) : "";
  }
  return column;
}

/**
 * Removes the undo sheet and its marker (undo goes back one run only). `entry`: the sheet as found before the
 * run's names were put back — restoring them drops the marker, and a sheet named other than "cchc_hoan_tac"
 * could then no longer be found.
 */
export async function removeUndoSheet(
  ed: WorkbookEditor,
  entry = sheetWithRole(ed.wb, "undo")
): Promise<void> {
  if (entry) await ed.removeSheet(entry);
  ed.wb.removeName(ed.pkg, UNDO_MARKER);
}
