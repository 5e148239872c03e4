import { InputError } from "../core/inputError";
import { WorkbookRead } from "../core/port";
import { RevertConflict, revertConflicts } from "../core/snapshot/revertConflicts";
import { PackageRevertResult, revertInPackage } from "./package/revertPackage";
import { storedSnapshot } from "./package/undoSheet";
import { WorkbookEditor } from "./package/workbookEditor";

export interface XlsxRevert {
  /** What the person changed since the run that undo would overwrite (core/snapshot/revertConflicts). */
  conflicts: RevertConflict[];
  /** The undone workbook; absent when conflicts stopped it. */
  bytes?: Uint8Array;
  result?: PackageRevertResult;
}

/**
 * Undo of the last run kept in an .xlsx held in memory. It first compares the workbook as it is now (`read`, the
 * reader's read of these bytes) with what the run wrote: where anything conflicts it changes nothing — unless
 * `skipConflicts`, when it restores what is safe and leaves the conflicting cells and missing sheets as they are.
 */
export async function revertXlsx(
  bytes: Uint8Array,
  read: WorkbookRead,
  options: { skipConflicts?: boolean } = {}
): Promise<XlsxRevert> {
  const ed = await WorkbookEditor.open(bytes);
  const snapshot = await storedSnapshot(ed);
  if (!snapshot) throw new InputError("nothing-to-revert");
  const check = revertConflicts(snapshot, read);
  if (check.conflicts.length && !options.skipConflicts) return { conflicts: check.conflicts };
  const result = await revertInPackage(ed, { snapshot, check });
  return { conflicts: check.conflicts, bytes: await ed.save(), result };
}
