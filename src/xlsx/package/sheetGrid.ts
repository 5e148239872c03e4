import { DomainError } from "../../core/errors/domainError";
import { CellValue, SheetGrid } from "../../core/port";
import { parseArea } from "../../core/sheet/address";
import { decodeCellText } from "./cellText";
import { SharedStrings, stringOfCell, stringText } from "./sharedStrings";
import { SheetEditor } from "./sheetEditor";
import { attr, child, children, flag, textOf, type Element } from "../xml";

/** What reading a sheet's cells needs of the rest of the package. */
export interface GridContext {
  strings: SharedStrings;
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
    const cells = ws.cells.cellsOfRow(r).filter(({ el }) => kept(el));
    if (!cells.length) continue;
    const width = cells[cells.length - 1].col;
    widths.set(r, width);
    let out: CellValue[] | undefined;
    for (const { col: c, el } of cells) {
      if (!holds(el)) continue;
      out ??= newRow(width);
      const format = styleFormat(el, ctx);
      const formula = ws.formulaAt(r, c);
      const value = await valueOf(el, format, formula !== undefined, ctx);
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
        const el = ws.cells.cell(r, c);
        const format = el && styleFormat(el, ctx);
        if (typeof master === "number" && !Number.isInteger(master) && format)
          (numberFormats[r - 1] ??= [])[c - 1] = format;
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

/** A `<c>` ExcelJS keeps: one with a value, formula or inline string, or a style of its own (s > 0). */
function kept(c: Element): boolean {
  return holds(c) || Number(attr(c, "s")) > 0;
}

/** A `<c>` ExcelJS reads a value of (a cell of a type other than Null): a formula, or a `<v>` or `<is>` with text. */
function holds(c: Element): boolean {
  if (child(c, "f")) return true;
  const v = child(c, "v");
  if (v && textOf(v) !== "") return true;
  const is = child(c, "is");
  return !!is && stringText(is) !== "";
}

function areaOf(ref: string): ReturnType<typeof parseArea> | undefined {
  try {
    return parseArea(ref);
  } catch {
    return undefined;
  }
}

function styleFormat(c: Element, ctx: GridContext): string | undefined {
  const s = Number(attr(c, "s"));
  return Number.isInteger(s) && s > 0 ? ctx.formatOf(s) : undefined;
}

/** A cell's value, or a formula cell's stored result (null: none stored). */
async function valueOf(
  c: Element,
  format: string | undefined,
  isFormula: boolean,
  ctx: GridContext
): Promise<CellValue> {
  const t = attr(c, "t");
  if (t === "s" && ctx.sharedStringsMissing && child(c, "v"))
    throw new DomainError("damaged", { missing: "xl/sharedStrings.xml" });
  if (t === "s" || t === "inlineStr") {
    const si = await stringOfCell(c, ctx.strings);
    return si ? stringText(si) : null;
  }
  const v = child(c, "v");
  const text = v ? textOf(v) : undefined;
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
