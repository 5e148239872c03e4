import { SheetWrite, WritePlan } from "../../core/port";
import { parseA1, parseArea } from "../../core/sheet/address";
import { contentOfWrite } from "./cellContent";
import { addRule, nextPriority, removeRulesWithFormulas } from "./conditionalFormats";
import { addPlannedValidation, clearValidations } from "./dataValidations";
import { SheetEditor } from "./sheetEditor";
import { planBySheet, SheetPlan } from "./snapshotOfPackage";
import { WorkbookEditor } from "./workbookEditor";

/**
 * Applies a core WritePlan to the package being edited, touching only what the plan owns: the tool's sheets
 * (emptied in place and rewritten, or added), the cells it writes and styles, its conditional formats and
 * validations, and its names. Everything else in every part stays as it was. The work goes sheet by sheet, so a
 * caller can let go of each sheet once it is done (WorkbookEditor.release).
 */
export async function applyPlanToPackage(ed: WorkbookEditor, plan: WritePlan): Promise<void> {
  const parts = planBySheet(plan);
  const owned = new Map(plan.sheets.map((s) => [s.name, s]));
  for (const name of sheetOrder(plan, parts))
    await applyToSheet(ed, name, owned.get(name), parts.get(name));
  applyNames(ed, plan);
}

/** The sheets a plan concerns: its own sheets first, then the others as their writes first name them. */
export function sheetOrder(
  plan: WritePlan,
  parts: ReadonlyMap<string, SheetPlan> = planBySheet(plan)
): string[] {
  return [...new Set([...plan.sheets.map((s) => s.name), ...parts.keys()])];
}

export function applyNames(ed: WorkbookEditor, plan: WritePlan): void {
  for (const n of plan.names ?? []) ed.wb.setName(ed.pkg, n.name, n.refersTo);
}

/** Everything a plan does to one sheet: made (or emptied) if it is the tool's own, then its cells, rules, validations. */
export async function applyToSheet(
  ed: WorkbookEditor,
  name: string,
  own: SheetWrite | undefined,
  part: SheetPlan | undefined
): Promise<void> {
  let ws: SheetEditor | undefined;
  if (own) {
    const state = own.visibility ?? "visible";
    const existing = ed.wb.sheet(name);
    if (existing) {
      ws = await ed.sheetOf(existing);
      if (!ws) throw new Error(`${name} is not a worksheet`);
      ws.empty();
      ed.wb.setState(ed.pkg, existing, state);
    } else ws = await ed.addSheet(name, state);
    ws.setLayout(own.columnWidths, own.freezeRows);
  }
  if (!part) return;
  ws ??= await ed.sheet(name);
  if (!ws) throw new Error(`No worksheet named ${name}`);

  for (const r of part.ranges) {
    const { row, col } = parseA1(r.at);
    r.cells.forEach((line, i) =>
      line.forEach((c, j) => ws!.write(row + i, col + j, contentOfWrite(c)))
    );
  }
  if (part.styles.length) {
    const styles = await ed.styles();
    for (const s of part.styles) {
      const a = parseArea(s.range);
      for (let r = a.top; r <= a.bottom; r++)
        for (let c = a.left; c <= a.right; c++) ws.style(r, c, s.style, styles);
    }
  }
  if (part.conditionalFormats.length) {
    removeRulesWithFormulas(
      ws.worksheet,
      part.conditionalFormats.map((c) => c.formula)
    );
    const styles = await ed.styles();
    let priority = nextPriority(ws.worksheet);
    for (const cf of part.conditionalFormats)
      addRule(ws.worksheet, cf.ranges, cf.formula, styles.dxf(cf.style), priority++);
    ws.touch();
  }
  if (part.validations.length) {
    clearValidations(
      ws.worksheet,
      part.validations.flatMap((v) => v.ranges.map(parseArea))
    );
    for (const v of part.validations) addPlannedValidation(ws.worksheet, v);
    ws.touch();
  }
}
