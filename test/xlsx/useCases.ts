/**
 * "Tính điểm" and "Hoàn tác" on an .xlsx held in memory as the command line and the browser mode run them: core's
 * use cases over the .xlsx adapter's port, their outcomes in the shapes these tests assert on.
 */
import { IndexedSet } from "../../src/core/criteria/indexed";
import { WorkbookRead } from "../../src/core/port";
import { RevertConflict } from "../../src/core/snapshot/revertConflicts";
import { revert } from "../../src/core/usecases/revert";
import { score } from "../../src/core/usecases/score";
import { PackageRevertResult } from "../../src/xlsx/package/revertPackage";
import { xlsxWorkbookPort } from "../../src/xlsx/xlsxWorkbookPort";

export async function scoreXlsx(
  bytes: Uint8Array,
  read: WorkbookRead,
  set: IndexedSet,
  file?: string
) {
  const done = await score(xlsxWorkbookPort(bytes, read), {
    given: set,
    lang: "vi",
    file,
    confirmTypedCells: () => true,
  });
  if (done.status !== "written") throw new Error("not written");
  return { result: done.check, scored: done.scored, bytes: done.applied.bytes };
}

export async function revertXlsx(
  bytes: Uint8Array,
  read: WorkbookRead,
  options: { skipConflicts?: boolean } = {}
): Promise<{ conflicts: RevertConflict[]; bytes?: Uint8Array; result?: PackageRevertResult }> {
  const done = await revert(xlsxWorkbookPort(bytes, read), { restoreSafe: options.skipConflicts });
  if (done.status === "conflicts") return { conflicts: done.conflicts };
  return { conflicts: done.conflicts, ...done.reverted };
}
