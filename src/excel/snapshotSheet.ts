import { textInput } from "./cellCodec";
import { ExcelSheetGrid } from "./excelRead";
import { SNAPSHOT_SHEET } from "../core/snapshot/snapshot";
import { addSheetOp } from "./sheetOps";
import { opBytes, WriteOp } from "./writeBatches";

/**
 * Stores the snapshot on the undo sheet (`name`), column A holding the pieces, each written as text. An existing
 * undo sheet is emptied in place and rewritten, never deleted and added again: under workbook structure
 * protection that would fail every run, and its `_cchc.sheet.undo` marker would turn to #REF!. A new one is
 * added veryHidden.
 */
export function writeSnapshotOps(
  pieces: string[],
  existing: ExcelSheetGrid | undefined,
  name: string = existing?.name ?? SNAPSHOT_SHEET
): WriteOp[] {
  return [
    existing ? emptySnapshotSheetOp(name) : addSheetOp({ name, visibility: "veryHidden" }),
    ...pieces.map((piece, i): WriteOp => ({
      bytes: opBytes(3, piece),
      queue: (batch) => {
        batch.sheet(name).getRange(`A${i + 1}`).values = [[textInput(piece)]];
      },
    })),
  ];
}

/** Empties the undo sheet in place (it holds only the pieces); not structural. */
export function emptySnapshotSheetOp(name: string): WriteOp {
  return {
    bytes: opBytes(3, name),
    queue: (batch) => {
      batch
        .sheet(name)
        .getRange()
        .clear("All" as Excel.ClearApplyTo);
    },
  };
}
