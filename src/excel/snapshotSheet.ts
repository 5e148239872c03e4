import { textInput } from "./cellCodec";
import { ExcelSheetGrid } from "./excelRead";
import { SNAPSHOT_SHEET } from "../core/snapshot/snapshot";
import { addSheetOp, deleteSheetOp } from "./sheetOps";
import { opBytes, WriteOp } from "./writeBatches";

/** Replaces the snapshot sheet (the undo sheet, `name`): a new veryHidden sheet whose column A holds the pieces, each written as text. */
export function writeSnapshotOps(
  pieces: string[],
  existing: ExcelSheetGrid | undefined,
  name: string = existing?.name ?? SNAPSHOT_SHEET
): WriteOp[] {
  return [
    ...(existing ? [deleteSheetOp(existing.name, existing.visibility)] : []),
    addSheetOp({ name, visibility: "veryHidden" }),
    ...pieces.map((piece, i): WriteOp => ({
      bytes: opBytes(3, piece),
      queue: (batch) => {
        batch.sheet(name).getRange(`A${i + 1}`).values = [[textInput(piece)]];
      },
    })),
  ];
}
