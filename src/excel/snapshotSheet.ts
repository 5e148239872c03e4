import { textInput } from "./cellCodec";
import { ExcelSheetGrid } from "./excelRead";
import { SNAPSHOT_SHEET } from "../core/snapshot/snapshot";
import { addSheetOp, deleteSheetOp } from "./sheetOps";
import { opBytes, WriteOp } from "./writeBatches";

/** Replaces the snapshot sheet: a new veryHidden sheet whose column A holds the pieces, each written as text. */
export function writeSnapshotOps(
  pieces: string[],
  existing: ExcelSheetGrid | undefined
): WriteOp[] {
  return [
    ...(existing ? [deleteSheetOp(SNAPSHOT_SHEET, existing.visibility)] : []),
    addSheetOp({ name: SNAPSHOT_SHEET, visibility: "veryHidden" }),
    ...pieces.map((piece, i): WriteOp => ({
      bytes: opBytes(3, piece),
      queue: (batch) => {
        batch.sheet(SNAPSHOT_SHEET).getRange(`A${i + 1}`).values = [[textInput(piece)]];
      },
    })),
  ];
}
