import { DomainError } from "../../core/errors/domainError";
import { CellValue, SheetGrid } from "../../core/port";
import { parseArea } from "../../core/sheet/address";
import { decodeCellText } from "./cellText";
import { SheetEditor } from "./sheetEditor";
import { attr, child, children, flag, isElement, localName, textOf, type Element } from "../xml";

/** What reading a sheet's cells needs of the rest of the package. */
export interface GridContext {
  /** The plain text of a shared string (its runs joined), by index; undefined past the table's end. */
  sharedText: (index: number) => string | undefined;
  /** The plain text of an inline string (`<is>`). */
  inlineText: (is: Element) => string;
  /** The package has no shared string table: a cell pointing into one means the file is damaged. */
  sharedStringsMissing: boolean;
  /** The number format code of a cell style (cellXfs index); undefined for General or no format. */
  formatOf: (xf: number) => string | undefined;
  /** `<workbookPr date1904="1">`. */
  date1904: boolean;
}

/**
 * One worksheet's cells as core reads them (SheetGrid), straight from the part: the same grid the ExcelJS reader
 * (xlsx/readWorkbook.ts readSheet) makes of the same file — values (a formula's stored result), formulas (a
 * shared formula's other cells shifted), the format of numbers with decimals, merges (their other cells empty),
 * hidden rows — so a file parsed for writing need not also be loaded by ExcelJS to be checked. Where ExcelJS
 * reads a value in its own way, this follows it (noted below) so both readers check a file alike.
 */
export async function sheetGridOf(
  ws: SheetEditor,
  name: string,
  visibility: SheetGrid["visibility"],
  ctx: GridContext
): Promise<SheetGrid> {
  const values: CellValue[][] = [];
  const formulas: (string | undefined)[][] = [];
  const numberFormats: (string | undefined)[][] = [];
  const hiddenRows: number[] = [];
  let anyFormula = false;
  const widths = new Map<number, number>();
  for (const r of ws.cells.rowNumbersPresent()) {
    // ExcelJS keeps a cell that holds something or has a style; the row reaches as far as those, and is read
    // when one of them holds something (even if what it holds reads as nothing).
    const cells = ws.cells
      .cellsOfRow(r)
      .map(({ col, el }) => partsOf(col, el, ctx))
      .filter((c) => c.holds || c.s > 0);
    if (!cells.length) continue;
    const width = cells[cells.length - 1].col;
    widths.set(r, width);
    let out: CellValue[] | undefined;
    for (const cell of cells) {
      if (!cell.holds) continue;
      const c = cell.col;
      out ??= newRow(width);
      const format = cell.s > 0 ? ctx.formatOf(cell.s) : undefined;
      const formula = cell.f ? ws.formulaAt(r, c) : undefined;
      const value = valueOf(cell, format, formula !== undefined, ctx);
      if (value === null && formula === undefined) continue;
      out[c - 1] = value;
      if (formula !== undefined) {
        (formulas[r - 1] ??= [])[c - 1] = formula;
        anyFormula = true;
      }
      if (typeof value === "number" && !Number.isInteger(value) && format)
        (numberFormats[r - 1] ??= [])[c - 1] = format;
    }
    if (out) values[r - 1] = out;
  }
  const merges = mergesOf(ws.worksheet);
  for (const m of merges) {
    const a = areaOf(m);
    if (!a) continue;
    const master = values[a.top - 1]?.[a.left - 1] ?? null;
    const formula = formulas[a.top - 1]?.[a.left - 1];
    // ExcelJS makes every cell of a merged area (rows and cells too, where the file has none) and gives each the
    // top-left cell's value and formula; the values are emptied below, as the file holds them.
    for (let r = a.top; r <= a.bottom; r++) {
      const width = Math.max(widths.get(r) ?? 0, a.right);
      widths.set(r, width);
      const row = (values[r - 1] ??= newRow(width));
      if (width <= DENSE_WIDTH) while (row.length < width) row.push(null);
      for (let c = a.left; c <= a.right; c++) {
        if (r === a.top && c === a.left) continue;
        row[c - 1] = master;
        if (formula !== undefined) (formulas[r - 1] ??= [])[c - 1] = formula;
        if (typeof master !== "number" || Number.isInteger(master)) continue;
        const el = ws.cells.cell(r, c);
        const xf = el ? Number(attr(el, "s")) : 0;
        const format = Number.isInteger(xf) && xf > 0 ? ctx.formatOf(xf) : undefined;
        if (format) (numberFormats[r - 1] ??= [])[c - 1] = format;
      }
    }
  }
  values.forEach((_, i) => {
    const el = ws.cells.row(i + 1);
    if (el && flag(el, "hidden")) hiddenRows.push(i + 1);
  });
  hiddenRows.sort((x, y) => x - y);
  for (let i = 0; i < values.length; i++) values[i] ??= [];
  clearMergedCells(values, merges);
  return {
    name,
    values,
    ...(anyFormula ? { formulas } : {}),
    numberFormats,
    merges,
    hiddenRows,
    protected: ws.isProtected(),
    visibility,
  };
}

function newRow(width: number): CellValue[] {
  return width <= DENSE_WIDTH ? new Array<CellValue>(width).fill(null) : [];
}

/** What reading a `<c>` needs of it, found in one pass over its children. */
interface CellParts {
  col: number;
  el: Element;
  /** Its style (cellXfs index; 0: none). */
  s: number;
  t: string | undefined;
  f?: Element;
  vText?: string;
  is?: Element;
  /**
   * ExcelJS reads a value of it (a cell of a type other than Null): a formula, or a `<v>` or `<is>` with text.
   * A cell that holds nothing and has no style of its own ExcelJS does not keep at all.
   */
  holds: boolean;
}

function partsOf(col: number, el: Element, ctx: GridContext): CellParts {
  const s = Number(attr(el, "s"));
  const parts: CellParts = {
    col,
    el,
    s: Number.isInteger(s) && s > 0 ? s : 0,
    t: attr(el, "t"),
    holds: false,
  };
  for (const n of el.children) {
    if (!isElement(n)) continue;
    const local = localName(n);
    if (local === "f") parts.f = n;
    else if (local === "v") parts.vText = textOf(n);
    else if (local === "is") parts.is = n;
  }
  parts.holds =
    !!parts.f ||
    (parts.vText !== undefined && parts.vText !== "") ||
    (!!parts.is && ctx.inlineText(parts.is) !== "");
  return parts;
}

function areaOf(ref: string): ReturnType<typeof parseArea> | undefined {
  try {
    return parseArea(ref);
  } catch {
    return undefined;
  }
}

/** A cell's value, or a formula cell's stored result (null: none stored). */
function valueOf(
  c: CellParts,
  format: string | undefined,
  isFormula: boolean,
  ctx: GridContext
): CellValue {
  const { t, vText: text } = c;
  if (t === "s") {
    if (text === undefined) return null;
    if (ctx.sharedStringsMissing)
      throw new DomainError("damaged", { missing: "xl/sharedStrings.xml" });
    const i = Number(text);
    return Number.isInteger(i) ? (ctx.sharedText(i) ?? null) : null;
  }
  if (t === "inlineStr") return c.is ? ctx.inlineText(c.is) : null;
  // A formula whose result is empty text is stored t="str" with an empty or no <v> (Excel, LibreOffice).
  if (t === "str") return isFormula || text ? decodeCellText(text ?? "") : null;
  if (text === undefined || text === "") return null;
  // As ExcelJS reads them: a boolean is any number but 0; an error keeps its text.
  if (t === "b") return parseInt(text, 10) !== 0;
  if (t === "e") return { error: text };
  if (t === "d") {
    const d = new Date(text);
    return Number.isNaN(d.getTime()) ? text : d;
  }
  const n = parseFloat(text);
  if (Number.isNaN(n)) return null;
  return format && isDateFormat(format) ? excelDate(n, ctx.date1904) : n;
}

/**
 * A number shown as a date or time becomes a date, as ExcelJS reads it (utils.isDateFmt: a y, m, d, h, s or b
 * left in the format once its quoted text and [bracketed] parts are taken out).
 */
export function isDateFormat(format: string): boolean {
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** ExcelJS's utils.excelToDate: serial days since 1899-12-30 (1904-01-01 in a 1904 workbook), to the millisecond. */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

function mergesOf(worksheet: Element): string[] {
  const list = child(worksheet, "mergeCells");
  if (!list) return [];
  const out: string[] = [];
  for (const m of children(list, "mergeCell")) {
    const ref = attr(m, "ref");
    if (ref && ref.includes(":")) out.push(ref.replace(/\$/g, "").toUpperCase());
  }
  return out;
}

/** The other cells of a merged area read empty, as in Excel (see readWorkbook.ts clearMergedCells). */
function clearMergedCells(values: CellValue[][], merges: string[]): void {
  for (const m of merges) {
    const a = areaOf(m);
    if (!a) continue;
    for (let r = a.top; r <= Math.min(a.bottom, values.length); r++) {
      const row = values[r - 1];
      for (let c = a.left; c <= Math.min(a.right, row.length); c++)
        if (r !== a.top || c !== a.left) row[c - 1] = null;
    }
  }
}

/** Rows of ordinary width are kept dense (faster to read); a row reaching far right stays sparse. */
const DENSE_WIDTH = 1024;
