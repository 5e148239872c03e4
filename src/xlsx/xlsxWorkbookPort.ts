import { sheetProtected } from "../core/errors/domainError";
import { protectedSheetsIn } from "../core/plan/protectedSheets";
import { WorkbookRead } from "../core/port";
import { WorkbookPort } from "../core/usecases/workbookPort";
import { patchPackage } from "./package/patchPackage";
import { PackageRevertResult, revertInPackage } from "./package/revertPackage";
import { storedSnapshot } from "./package/undoSheet";
import { WorkbookEditor } from "./package/workbookEditor";

export interface XlsxApplied {
  /** The written workbook; the input bytes are never changed. */
  bytes: Uint8Array;
}

export interface XlsxReverted {
  /** The undone workbook. */
  bytes: Uint8Array;
  result: PackageRevertResult;
}

/**
 * The .xlsx adapter's side of the use cases: an .xlsx held in memory (`bytes`) and the reader's read of those
 * bytes (`read`, src/xlsx/readWorkbook). A plan is written into the file's own package with its undo snapshot
 * (src/xlsx/package); undo patches the package back. `bytes` are never changed: each write gives new bytes.
 * Shared by the command line and the pane's browser mode.
 */
export function xlsxWorkbookPort(
  bytes: Uint8Array,
  read: WorkbookRead
): WorkbookPort<XlsxApplied, XlsxReverted> {
  /** The package opened to find the snapshot, patched by the undo that follows. */
  let opened: WorkbookEditor | undefined;
  return {
    read: () => Promise.resolve(read),
    async apply(plan) {
      const blocked = protectedSheetsIn(read, plan);
      if (blocked.length) throw sheetProtected(blocked);
      return { bytes: await patchPackage(bytes, read, plan) };
    },
    async lastRun() {
      opened = await WorkbookEditor.open(bytes);
      const snapshot = await storedSnapshot(opened);
      return snapshot ? { snapshot, now: read } : undefined;
    },
    async revert(run, check) {
      const ed = opened ?? (await WorkbookEditor.open(bytes));
      opened = undefined;
      const result = await revertInPackage(ed, { snapshot: run.snapshot, check });
      return { bytes: await ed.save(), result };
    },
  };
}
