import { assertPlanFollowsExcel } from "../../core/excelRules";
import { ownedSheetName, undoSheetMarker } from "../../core/owned/ownedSheets";
import { columnBlocks } from "../../core/plan/cellBlocks";
import { NameWrite, WorkbookRead, WritePlan } from "../../core/port";
import { runRecord } from "../../core/snapshot/runRecord";
import { applyToSheet, sheetOrder } from "./applyPlan";
import { planBySheet, SnapshotBuilder } from "./snapshotOfPackage";
import { storeSnapshot } from "./undoSheet";
import { withWorkbookFacts, workbookFacts } from "./workbookFacts";
import { WorkbookEditor } from "./workbookEditor";

export interface PatchOptions {
  /**
   * Keep an undo snapshot of the run in the workbook (default). False for a write that is not a run: a new workbook
   * made from a plan (template, criteria, summary), which nobody undoes.
   */
  undo?: boolean;
  now?: Date;
}

/**
 * The .xlsx writer: the user's own package with a plan applied, every part the plan does not concern copied as it
 * was. `read` is the read the plan was made from (its cells: ExcelJS's); the workbook's names, roles and
 * visibility are taken from the package itself. A run's snapshot records what the plan changes, as it is in the
 * package just before, and what the run wrote (core/snapshot/runRecord), with the undo markers that let undo find
 * each sheet it wrote to after a rename.
 */
export async function patchPackage(
  original: Uint8Array,
  read: WorkbookRead,
  plan: WritePlan,
  options: PatchOptions = {}
): Promise<Uint8Array> {
  return patchEditor(await WorkbookEditor.open(original), read, plan, options);
}

/** patchPackage on a package already open (consolidation's, its copied sheets still parsed): written and saved. */
export async function patchEditor(
  ed: WorkbookEditor,
  read: WorkbookRead,
  plan: WritePlan,
  options: PatchOptions = {}
): Promise<Uint8Array> {
  const facts = workbookFacts(ed.wb);
  const known = withWorkbookFacts(read, facts);
  // Sheets ExcelJS does not list (chartsheets) still hold their names.
  const withSheets: WorkbookRead = {
    ...known,
    sheets: [
      ...known.sheets,
      ...facts.sheets
        .filter((s) => !known.sheets.some((g) => g.name === s.name))
        .map((s) => ({ name: s.name, values: [], visibility: s.visibility })),
    ],
  };
  assertPlanFollowsExcel(plan, withSheets);

  const undo = options.undo ?? true;
  const owned = new Set(plan.sheets.map((s) => s.name));
  const blocks = columnBlocks(plan.ranges, owned);
  const undoName = ownedSheetName(withSheets, "undo", [...owned]);
  const sheetPlans = planBySheet(plan);
  const record = undo
    ? runRecord(withSheets, plan, blocks, [undoSheetMarker(undoName)])
    : undefined;
  const builder = record
    ? new SnapshotBuilder(
        ed,
        withSheets,
        plan,
        blocks,
        { written: record.written, sheetMarkers: record.sheetMarkers, names: record.names },
        options.now,
        sheetPlans
      )
    : undefined;

  const writes = new Map(plan.sheets.map((s) => [s.name, s]));
  const order = sheetOrder(plan, sheetPlans);
  ed.prefetch(order);
  // One sheet at a time: recorded for undo, changed, written back and let go — hundreds of parsed sheets held at
  // once would cost more in garbage collection than the parsing itself.
  for (const name of order) {
    await builder?.sheet(name);
    await applyToSheet(ed, name, writes.get(name), sheetPlans.get(name));
    ed.release(name);
  }
  const names: NameWrite[] = record ? record.nameWrites : plan.names;
  for (const n of names) ed.wb.setName(ed.pkg, n.name, n.refersTo);
  if (builder) await storeSnapshot(ed, await builder.build(), undoName);
  return ed.save();
}
