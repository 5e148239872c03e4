import { WorkbookRead, WritePlan } from "../../core/port";
import { Snapshot } from "../../core/snapshot/snapshot";
import { applyNames, applyToSheet, sheetOrder } from "./applyPlan";
import { planBySheet, SnapshotBuilder } from "./snapshotOfPackage";
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
  const builder = snapshot === undefined ? new SnapshotBuilder(ed, read, plan, now) : undefined;
  const owned = new Map(plan.sheets.map((s) => [s.name, s]));
  const parts = planBySheet(plan);
  // One sheet at a time: recorded for undo, changed, written back and let go — hundreds of parsed sheets
  // held at once would cost more in garbage collection than the parsing itself.
  const order = sheetOrder(plan);
  ed.prefetch(order);
  for (const name of order) {
    await builder?.sheet(name);
    await applyToSheet(ed, name, owned.get(name), parts.get(name));
    ed.release(name);
  }
  const kept = builder ? await builder.build() : snapshot;
  applyNames(ed, plan);
  if (kept) await storeSnapshot(ed, kept);
  return ed.save();
}
