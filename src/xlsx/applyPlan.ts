import type { Style, Workbook, Worksheet } from "exceljs";
import { isMark } from "../core/plan/expressions";
import {
  CellStyle,
  CellWrite,
  ConditionalFormatWrite,
  ValidationWrite,
  WritePlan,
} from "../core/port";
import { a1, parseA1, parseArea } from "../core/sheet/address";
import { addRule, removeRulesWithFormulas } from "./conditionalFormats";
import { argbOf } from "./colors";

/**
 * Applies a core WritePlan to an ExcelJS workbook. Owned sheets are rebuilt in their place, never duplicated
 * (in a file, formulas elsewhere name a sheet by text, so they still read the rebuilt one).
 */
export function applyPlan(wb: Workbook, plan: WritePlan): void {
  for (const s of plan.sheets) {
    const old = wb.getWorksheet(s.name);
    if (old) wb.removeWorksheet(old.id);
    const ws = wb.addWorksheet(
      s.name,
      s.freezeRows ? { views: [{ state: "frozen", ySplit: s.freezeRows }] } : {}
    );
    // ExcelJS orders sheets by orderNo, a field its typings leave out.
    if (old) (ws as unknown as OrderNo).orderNo = (old as unknown as OrderNo).orderNo;
    s.columnWidths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  }
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
      for (let c = a.left; c <= a.right; c++) styleCell(ws, r, c, s.style);
  }
  const byWorksheet = new Map<string, ConditionalFormatWrite[]>();
  for (const cf of plan.conditionalFormats)
    byWorksheet.set(cf.sheet, [...(byWorksheet.get(cf.sheet) ?? []), cf]);
  for (const [name, cfs] of byWorksheet) replaceConditionalFormats(sheet(name), cfs);
  for (const v of plan.validations) addValidation(sheet(v.sheet), v);
}

interface OrderNo {
  orderNo: number;
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

/**
 * ExcelJS hands every cell loaded with the same style id one shared style object: the cell gets a copy of its
 * own first, or bolding one label would bold every cell styled like it.
 */
function styleCell(ws: Worksheet, row: number, col: number, s: CellStyle): void {
  const cell = ws.getCell(row, col);
  const style: Partial<Style> = { ...cell.style };
  if (s.bold !== undefined || s.italic !== undefined || s.fontColor)
    style.font = {
      ...style.font,
      ...(s.bold !== undefined ? { bold: s.bold } : {}),
      ...(s.italic !== undefined ? { italic: s.italic } : {}),
      ...(s.fontColor ? { color: { argb: argbOf(s.fontColor) } } : {}),
    };
  if (s.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argbOf(s.fill) } };
  if (s.numberFormat) style.numFmt = s.numberFormat;
  if (s.wrap !== undefined || s.align)
    style.alignment = {
      ...style.alignment,
      ...(s.wrap !== undefined ? { wrapText: s.wrap } : {}),
      ...(s.align ? { horizontal: s.align } : {}),
    };
  cell.style = style;
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
        if (v.kind === "list") {
          ws.getCell(r, c).dataValidation = {
            ...base,
            type: "list",
            formulae: [`"${v.values.join(",")}"`],
          };
        } else if (v.orText?.length) {
          const ref = a1(r, c);
          ws.getCell(r, c).dataValidation = {
            ...base,
            type: "custom",
            formulae: [
              `OR(AND(ISNUMBER(${ref}),${ref}>=${v.min},${ref}<=${v.max}),${isMark(ref)})`,
            ],
          };
        } else {
          ws.getCell(r, c).dataValidation = {
            ...base,
            type: "decimal",
            operator: "between",
            formulae: [v.min, v.max],
          };
        }
      }
  }
}
