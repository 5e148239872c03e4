/**
 * The port the use cases work through, which both adapters implement: the Excel adapter over one Excel.run
 * (src/excel/excelWorkbookPort.ts: each call a few batched syncs), the .xlsx adapter over a package held in memory
 * (src/xlsx/xlsxWorkbookPort.ts). It lives here rather than in core/port.ts (the shapes it carries) because it
 * names the snapshot and the revert check, which themselves import core/port.ts: one file would be an import cycle.
 *
 * A port is made for one job on one workbook and may keep what it read between calls (the Excel adapter keeps
 * the sheet list and rules it loaded for the undo; the .xlsx adapter the opened package).
 */
import { RevertCheck } from "../snapshot/revertConflicts";
import { Snapshot } from "../snapshot/snapshot";
import { WorkbookRead, WritePlan } from "../port";

/** What the read is for: a check needs less (the Excel adapter then reads no conditional formats). */
export type ReadPurpose = "check" | "write";

/** What the adapter may need beside the plan when it writes (the Excel adapter's summary chart). */
export interface PlanContext {
  /** The workbook as read for this plan: the adapter verifies the cells it writes are still so. */
  read: WorkbookRead;
  /** How many units the plan scores. */
  units: number;
  /** Told how far the write has gone, where the adapter writes in steps (Excel's batches). */
  onWritten?: (done: number, total: number) => void;
}

/** The last run as the workbook keeps it: its snapshot and the workbook now, as far as undo has to compare. */
export interface StoredRun {
  snapshot: Snapshot;
  /** The sheets (with the cells the run wrote, where the adapter reads only those) and the tool's names. */
  now: WorkbookRead;
}

/**
 * `Applied` and `Reverted` are what each adapter reports of a write (the Excel adapter: syncs and notices; the
 * .xlsx adapter: the new bytes).
 */
export interface WorkbookPort<Applied = unknown, Reverted = unknown> {
  read(purpose: ReadPurpose): Promise<WorkbookRead>;
  /**
   * Writes the plan together with the undo snapshot of what it replaces, all or nothing: a sheet it would write
   * that is protected, or a cell changed since `about.read`, and nothing is written (a DomainError).
   */
  apply(plan: WritePlan, about: PlanContext): Promise<Applied>;
  /** The last run's snapshot and the workbook now; undefined when there is nothing to undo. */
  lastRun(): Promise<StoredRun | undefined>;
  /**
   * Puts back what the run changed, as `check` allows (its safe cells; its conflicts are left as they are); a
   * sheet it would write that is protected and nothing is written.
   */
  revert(run: StoredRun, check: RevertCheck): Promise<Reverted>;
}
