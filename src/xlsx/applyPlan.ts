import type { Workbook, Worksheet } from "exceljs";
import { bySheet } from "../core/plan/bySheet";
import { assertPlanFollowsExcel } from "../core/excelRules";
import { validationRule } from "../core/plan/validationRule";
import { CellWrite, ConditionalFormatWrite, ValidationWrite, WritePlan } from "../core/port";
import { a1, parseA1, parseArea } from "../core/sheet/address";
import { addRule, removeRulesWithFormulas } from "./conditionalFormats";
import { orderNoOf, setOrderNo } from "./excelJsInternals";
import { sheetsAndRoles, setNames } from "./definedNames";
import { applyStyle } from "./styleCodec";

/**
 * Applies a core WritePlan to an ExcelJS workbook. Owned sheets are rebuilt in their place, never duplicated
 * (in a file, formulas elsewhere name a sheet by text, so they still read the rebuilt one).
 */
export function applyPlan(wb: Workbook, plan: WritePlan): void {
  assertPlanFollowsExcel(plan, sheetsAndRoles(wb));
  for (const s of plan.sheets) {
    const old = wb.getWorksheet(s.name);
    if (old) wb.removeWorksheet(old.id);
    const ws = wb.addWorksheet(s.name, {
      ...(s.visibility === "veryHidden" ? { state: "veryHidden" as const } : {}),
      ...(s.freezeRows ? { views: [{ state: "frozen", ySplit: s.freezeRows }] } : {}),
    });
    if (old) setOrderNo(ws, orderNoOf(old)); // the same place in the tab order
    s.columnWidths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  }
  setNames(wb, plan.names);
  const sheet = (name: string): Worksheet => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`No sheet named ${name}`);
    return ws;
  };
  for (const r of plan.ranges) {
    const ws = sheet(r.sheet);
    const { row, col } = parseA1(r.at);
    r.cells.forEach((line, i) => line.forEach((c, j) => writeCell(ws, row + i, col + j, c)));
  }
  for (const s of plan.styles) {
    const ws = sheet(s.sheet);
    const a = parseArea(s.range);
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++) applyStyle(ws.getCell(r, c), s.style);
  }
  for (const [name, cfs] of bySheet(plan.conditionalFormats))
    replaceConditionalFormats(sheet(name), cfs);
  for (const v of plan.validations) addValidation(sheet(v.sheet), v);
}

function writeCell(ws: Worksheet, row: number, col: number, c: CellWrite): void {
  const cell = ws.getCell(row, col);
  if ("formula" in c) {
    cell.value =
      c.result !== undefined ? { formula: c.formula, result: c.result } : { formula: c.formula };
  } else {
    // A string is stored as a string (ExcelJS only makes formulas of {formula} objects): "=1+2" stays text.
    cell.value = c.value;
  }
}

/** Our rules carry their formula as identity: a rule with the same formula from an earlier run is replaced. */
function replaceConditionalFormats(ws: Worksheet, cfs: ConditionalFormatWrite[]): void {
  removeRulesWithFormulas(
    ws,
    cfs.map((c) => c.formula)
  );
  cfs.forEach((cf, i) => addRule(ws, cf, i + 1));
}

function addValidation(ws: Worksheet, v: ValidationWrite): void {
  for (const range of v.ranges) {
    const a = parseArea(range);
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++) {
        const base = {
          allowBlank: true,
          showErrorMessage: true,
          showInputMessage: Boolean(v.prompt),
          errorStyle: "stop",
          ...(v.prompt ? { prompt: v.prompt } : {}),
          ...(v.error ? { error: v.error } : {}),
        };
        const rule = validationRule(v, a1(r, c));
        ws.getCell(r, c).dataValidation =
          rule.kind === "list"
            ? { ...base, type: "list", formulae: [rule.source] }
            : rule.kind === "custom"
              ? { ...base, type: "custom", formulae: [rule.formula] }
              : { ...base, type: "decimal", operator: "between", formulae: [rule.min, rule.max] };
      }
  }
}
