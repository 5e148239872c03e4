import { WorkbookRead, WritePlan } from "../../core/port";
import { Snapshot } from "../../core/snapshot/snapshot";
import { applyPlanToPackage } from "./applyPlan";
import { snapshotOfPackage } from "./snapshotOfPackage";
import { storeSnapshot } from "./undoSheet";
import { WorkbookEditor } from "./workbookEditor";

/**
 * The .xlsx writer: the user's own package with a plan applied, every part the plan does not concern copied
 * as it was. `read` is the read the plan was made from (ExcelJS's, as today). `snapshot`: the undo snapshot to
 * keep in the workbook; left out, it is built from the package before the plan is applied; null keeps none
 * (a write that is not a run, such as a template into an existing workbook).
 */
export async function patchPackage(
  original: Uint8Array,
  read: WorkbookRead,
  plan: WritePlan,
  snapshot?: Snapshot | null,
  now: Date = new Date()
): Promise<Uint8Array> {
  const ed = await WorkbookEditor.open(original);
  const kept = snapshot === undefined ? await snapshotOfPackage(ed, read, plan, now) : snapshot;
  await applyPlanToPackage(ed, plan);
  if (kept) await storeSnapshot(ed, kept);
  return ed.save();
}
