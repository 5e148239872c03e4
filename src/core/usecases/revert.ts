import { DomainError } from "../errors/domainError";
import { RevertConflict, revertConflicts } from "../snapshot/revertConflicts";
import { StoredRun, WorkbookPort } from "./workbookPort";

export interface RevertOptions {
  /**
   * The person saw the conflicts and asked to restore what is safe ("Khôi phục phần an toàn", cchc revert
   * --skip-conflicts): the cells that still hold what the run wrote are put back, the rest is left as it is now.
   */
  restoreSafe?: boolean;
}

export type RevertOutcome<Reverted> =
  /** Nothing was changed: what the person changed since the run (sheet, cell, wrote, now) or a sheet lost. */
  | { status: "conflicts"; conflicts: RevertConflict[]; run: StoredRun }
  /** Undone; with restoreSafe, `conflicts` are what was left as it is. */
  | { status: "reverted"; conflicts: RevertConflict[]; run: StoredRun; reverted: Reverted };

/**
 * "Hoàn tác": undoes the last run from the snapshot it kept in the workbook, after comparing what the run wrote
 * with the workbook now (core/snapshot/revertConflicts). Where anything differs nothing is written, unless
 * `restoreSafe`. No snapshot: DomainError "nothing-to-revert".
 */
export async function revert<R>(
  port: WorkbookPort<unknown, R>,
  options: RevertOptions = {}
): Promise<RevertOutcome<R>> {
  const run = await port.lastRun();
  if (!run) throw new DomainError("nothing-to-revert");
  const check = revertConflicts(run.snapshot, run.now);
  if (check.conflicts.length && !options.restoreSafe)
    return { status: "conflicts", conflicts: check.conflicts, run };
  const reverted = await port.revert(run, check);
  return { status: "reverted", conflicts: check.conflicts, run, reverted };
}
