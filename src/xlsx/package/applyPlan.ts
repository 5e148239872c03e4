import { bySheet } from "../../core/plan/bySheet";
import { WritePlan } from "../../core/port";
import { parseA1, parseArea } from "../../core/sheet/address";
import { contentOfWrite } from "./cellContent";
import { addRule, nextPriority, removeRulesWithFormulas } from "./conditionalFormats";
import { addPlannedValidation, clearValidations } from "./dataValidations";
import { SheetEditor } from "./sheetEditor";
import { WorkbookEditor } from "./workbookEditor";

/**
 * Applies a core WritePlan to the package being edited, touching only what the plan owns: the tool's sheets
 * (emptied in place and rewritten, or added), the cells it writes and styles, its conditional formats and
 * validations, and its names. Everything else in every part stays as it was.
 */
export async function applyPlanToPackage(ed: WorkbookEditor, plan: WritePlan): Promise<void> {
  const sheet = async (name: string): Promise<SheetEditor> => {
    const s = await ed.sheet(name);
    if (!s) throw new Error(`No worksheet named ${name}`);
    return s;
  };

  for (const s of plan.sheets) {
    const state = s.visibility ?? "visible";
    const existing = ed.wb.sheet(s.name);
    let editor: SheetEditor;
    if (existing) {
      editor = await sheet(s.name);
      editor.empty();
      ed.wb.setState(ed.pkg, existing, state);
    } else editor = await ed.addSheet(s.name, state);
    editor.setLayout(s.columnWidths, s.freezeRows);
  }

  for (const r of plan.ranges) {
    const ws = await sheet(r.sheet);
    const { row, col } = parseA1(r.at);
    r.cells.forEach((line, i) => line.forEach((c, j) => ws.write(row + i, col + j, contentOfWrite(c))));
  }

  if (plan.styles.length) {
    const styles = await ed.styles();
    for (const s of plan.styles) {
      const ws = await sheet(s.sheet);
      const a = parseArea(s.range);
      for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) ws.style(r, c, s.style, styles);
    }
  }

  for (const [name, cfs] of bySheet(plan.conditionalFormats)) {
    const ws = await sheet(name);
    removeRulesWithFormulas(
      ws.worksheet,
      cfs.map((c) => c.formula)
    );
    const styles = await ed.styles();
    let priority = nextPriority(ws.worksheet);
    for (const cf of cfs) addRule(ws.worksheet, cf.ranges, cf.formula, styles.dxf(cf.style), priority++);
    ws.touch();
  }

  for (const [name, vs] of bySheet(plan.validations)) {
    const ws = await sheet(name);
    clearValidations(
      ws.worksheet,
      vs.flatMap((v) => v.ranges.map(parseArea))
    );
    for (const v of vs) addPlannedValidation(ws.worksheet, v);
    ws.touch();
  }

  for (const n of plan.names ?? []) ed.wb.setName(ed.pkg, n.name, n.refersTo);
}
