import type { Workbook, Worksheet } from "exceljs";
import { CellValue, SheetGrid, WorkbookRead } from "../core/port";
import { parseArea } from "../core/sheet/address";
import { SNAPSHOT_SHEET } from "../core/snapshot/snapshot";
import { toCellValue } from "./cellValue";

/** Reads every sheet of a loaded ExcelJS workbook into core's grids: one pass over the stored cells. */
export function readWorkbook(wb: Workbook): WorkbookRead {
  return {
    sheets: wb.worksheets.map((ws) =>
      ws.name === SNAPSHOT_SHEET ? listedOnly(ws) : readSheet(ws)
    ),
  };
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
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (row.hidden) hiddenRows.push(r);
    const raw = row.values as unknown[];
    const out: CellValue[] = new Array(Math.max(0, raw.length - 1)).fill(null);
    for (let c = 1; c < raw.length; c++) {
      const v = raw[c];
      if (v === undefined || v === null) continue;
      const cell = toCellValue(v as never);
      out[c - 1] = cell.value;
      if (cell.formula !== undefined) {
        (formulas[r - 1] ??= [])[c - 1] = cell.formula;
        anyFormula = true;
      }
      // Only a number with decimals can be a code that lost a trailing zero; its format tells which.
      if (typeof cell.value === "number" && !Number.isInteger(cell.value)) {
        const fmt = row.getCell(c).numFmt;
        if (fmt) (numberFormats[r - 1] ??= [])[c - 1] = fmt;
      }
    }
    values[r - 1] = out;
  });
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

/** ExcelJS keeps merges privately; `ws.model` would rebuild every row to get them. */
function mergesOf(ws: Worksheet): string[] {
  const merges =
    (ws as unknown as { _merges?: Record<string, { range: string } | undefined> })._merges ?? {};
  return Object.values(merges)
    .filter((m): m is { range: string } => Boolean(m))
    .map((m) => m.range);
}

export function isProtected(ws: Worksheet): boolean {
  const p = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  return Boolean(p && p.sheet !== false);
}
