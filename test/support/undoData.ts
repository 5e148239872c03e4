import { ownedSheetName } from "../../src/core/owned/ownedSheets";
import { snapshotPieces, Snapshot, encodeSnapshot } from "../../src/core/snapshot/snapshot";
import { storedSnapshot, storedSnapshotPieces, storeSnapshotPieces } from "../../src/xlsx/package/undoSheet";
import { WorkbookEditor } from "../../src/xlsx/package/workbookEditor";
import { readWorkbookFacts } from "../../src/xlsx/package/workbookFacts";

/** The undo data of an .xlsx as tests handle it: the snapshot decoded, or the JSON exactly as stored. */

export async function snapshotOf(bytes: Uint8Array): Promise<Snapshot | undefined> {
  return storedSnapshot(await WorkbookEditor.open(bytes));
}

/** The stored JSON (its compact form: core/snapshot/compactWritten), parsed. */
export async function storedJson(bytes: Uint8Array): Promise<unknown> {
  const column = (await storedSnapshotPieces(await WorkbookEditor.open(bytes)))!;
  const header = JSON.parse(column[0]) as { chunks: number };
  return JSON.parse(column.slice(1, 1 + header.chunks).join(""));
}

async function withPieces(bytes: Uint8Array, pieces: string[]): Promise<Uint8Array> {
  const facts = await readWorkbookFacts(bytes);
  const name = ownedSheetName({ sheets: facts.sheets.map((s) => ({ ...s, values: [] })), names: facts.names }, "undo");
  const ed = await WorkbookEditor.open(bytes);
  await storeSnapshotPieces(ed, pieces, name);
  return ed.save();
}

/** The workbook with its undo data replaced by this JSON (whatever it holds), stored as a run stores it. */
export function withStoredJson(bytes: Uint8Array, json: unknown): Promise<Uint8Array> {
  return withPieces(bytes, snapshotPieces(JSON.stringify(json)));
}

/** The workbook with its undo data replaced by this snapshot. */
export function withSnapshot(bytes: Uint8Array, snapshot: Snapshot): Promise<Uint8Array> {
  return withPieces(bytes, encodeSnapshot(snapshot));
}
