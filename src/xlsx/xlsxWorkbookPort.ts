import { sheetProtected } from "../core/errors/domainError";
import { protectedSheetsIn } from "../core/plan/protectedSheets";
import { WorkbookRead } from "../core/port";
import { WorkbookPort } from "../core/usecases/workbookPort";
import { patchEditor } from "./package/patchPackage";
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
 * Shared by the command line and the pane's browser mode. `source` may instead be a package already open and
 * edited in memory (consolidation's, not yet saved): it serves one write or one undo.
 */
export function xlsxWorkbookPort(
  source: Uint8Array | WorkbookEditor,
  read: WorkbookRead
): WorkbookPort<XlsxApplied, XlsxReverted> {
  const open = (): Promise<WorkbookEditor> =>
    source instanceof Uint8Array ? WorkbookEditor.open(source) : Promise.resolve(source);
  /** The package opened to find the snapshot, patched by the undo that follows. */
  let opened: WorkbookEditor | undefined;
  return {
    read: () => Promise.resolve(read),
    async apply(plan) {
      const blocked = protectedSheetsIn(read, plan);
      if (blocked.length) throw sheetProtected(blocked);
      return { bytes: await patchEditor(await open(), read, plan) };
    },
    async lastRun() {
      opened = await open();
      const snapshot = await storedSnapshot(opened);
      return snapshot ? { snapshot, now: read } : undefined;
    },
    async revert(run, check) {
      const ed = opened ?? (await open());
      opened = undefined;
      const result = await revertInPackage(ed, { snapshot: run.snapshot, check });
      return { bytes: await ed.save(), result };
    },
  };
}
