import type { Cell, Workbook, Worksheet } from "exceljs";
import { CellValue, SheetGrid, WorkbookRead } from "../core/port";
import { shiftFormula } from "../core/formula/formulaText";
import { parseA1, parseArea } from "../core/sheet/address";
import { assignSheetRoles, ownedSheets } from "../core/owned/ownedSheets";
import { toCellValue } from "./cellValue";
import { packageFactsOf } from "./readFixups/formulaResults";
import { cellsOf, isProtected, mergesOf, rowsOf, rowWidth } from "./excelJsInternals";

/**
 * Reads every sheet of a loaded ExcelJS workbook into core's grids: one pass over the stored cells. The workbook's
 * names come from its package as written (ExcelJS keeps only names of ranges), and each sheet the tool's
 * "_cchc.sheet." markers name gets its role; the undo sheet is listed, not read.
 */
export function readWorkbook(wb: Workbook): WorkbookRead {
  const facts = packageFactsOf(wb);
  const names = facts?.names ?? [];
  const sheets = wb.worksheets.map((ws) => ({
    name: ws.name,
    values: [],
    visibility: visibilityOf(ws),
  }));
  const undo = ownedSheets({ sheets, names }).get("undo");
  return assignSheetRoles({
    sheets: wb.worksheets.map((ws) => (ws.name === undo ? listedOnly(ws) : readSheet(ws))),
    names,
    ...(facts && {
      structureProtected: facts.structureProtected,
      formulaResults: facts.fullCalcOnLoad && !facts.toolNames ? "stale" : "stored",
    }),
  });
}

/** The undo snapshot sheet is listed (a run replaces it) but its content is not a scoring table. */
function listedOnly(ws: Worksheet): SheetGrid {
  return { name: ws.name, values: [], protected: isProtected(ws), visibility: visibilityOf(ws) };
}

function visibilityOf(ws: Worksheet): SheetGrid["visibility"] {
  return ws.state === "veryHidden" ? "veryHidden" : ws.state === "hidden" ? "hidden" : "visible";
}

export function readSheet(ws: Worksheet): SheetGrid {
  const values: CellValue[][] = [];
  const formulas: (string | undefined)[][] = [];
  const numberFormats: (string | undefined)[][] = [];
  const hiddenRows: number[] = [];
  let anyFormula = false;
  // ExcelJS's own eachRow and row.values walk every column up to a row's last cell: a single value in column
  // XFD made each such row cost 16,384 steps. Its stored rows and cells are sparse arrays, read sparsely.
  for (const row of rowsOf(ws)) {
    const r = row.number;
    const width = rowWidth(row);
    let out: CellValue[] | undefined;
    for (const cell of cellsOf(row)) {
      if (cell.type === EMPTY) continue;
      const c = Number(cell.col); // a number at run time; the typings say string
      out ??= width <= DENSE_WIDTH ? new Array<CellValue>(width).fill(null) : [];
      const parsed = toCellValue(cell.value);
      if (cell.type === FORMULA) {
        // A formula's result as stored: cell.value drops a result of 0, FALSE or "".
        parsed.value = toCellValue(cell.result).value;
        parsed.formula = ownFormula(ws, cell) ?? parsed.formula;
      }
      if (parsed.value === null && parsed.formula === undefined) continue;
      out[c - 1] = parsed.value;
      if (parsed.formula !== undefined) {
        (formulas[r - 1] ??= [])[c - 1] = parsed.formula;
        anyFormula = true;
      }
      // Only a number with decimals can be a code that lost a trailing zero; its format tells which.
      if (typeof parsed.value === "number" && !Number.isInteger(parsed.value)) {
        const fmt = cell.numFmt;
        if (fmt) (numberFormats[r - 1] ??= [])[c - 1] = fmt;
      }
    }
    if (!out) continue;
    if (row.hidden) hiddenRows.push(r);
    values[r - 1] = out;
  }
  for (let i = 0; i < values.length; i++) values[i] ??= [];
  const merges = mergesOf(ws);
  clearMergedCells(values, merges);
  return {
    name: ws.name,
    values,
    ...(anyFormula ? { formulas } : {}),
    numberFormats,
    merges,
    hiddenRows,
    protected: isProtected(ws),
    visibility: visibilityOf(ws),
  };
}

/**
 * ExcelJS gives every cell of a merged area the top-left cell's value; the file, Excel and the Office.js adapter
 * hold the others empty. Without this a score merged over two leaves counted twice, and a score merged over
 * its evidence cell passed as evidence.
 */
function clearMergedCells(values: CellValue[][], merges: string[]): void {
  for (const m of merges) {
    const a = parseArea(m);
    for (let r = a.top; r <= Math.min(a.bottom, values.length); r++) {
      const row = values[r - 1];
      for (let c = a.left; c <= Math.min(a.right, row.length); c++)
        if (r !== a.top || c !== a.left) row[c - 1] = null;
    }
  }
}

/**
 * A formula cell's own formula. A shared formula's other cells hold only the first cell's address
 * (`sharedFormula`); each takes the first cell's formula shifted by its distance from it, as Excel shows it
 * (core's shiftFormula: ExcelJS's own translation also shifts references written inside string literals).
 */
function ownFormula(ws: Worksheet, cell: Cell): string | undefined {
  const v = cell.value as { formula?: string; sharedFormula?: string } | null;
  if (!v || typeof v !== "object" || v.formula || !v.sharedFormula) return undefined;
  try {
    const master = parseA1(v.sharedFormula);
    const text = (ws.findCell(master.row, master.col)?.value as { formula?: string } | null)
      ?.formula;
    if (!text) return undefined;
    return shiftFormula(text, Number(cell.row) - master.row, Number(cell.col) - master.col);
  } catch {
    return undefined;
  }
}

/** ExcelJS's "Null" value type: a cell object that holds nothing. */
const EMPTY = 0;
/** ExcelJS's "Formula" value type (shared formulas included). */
const FORMULA = 6;
/** Rows of ordinary width are kept dense (faster to read); a row reaching far right stays sparse. */
const DENSE_WIDTH = 1024;
