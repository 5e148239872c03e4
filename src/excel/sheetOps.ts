import { SheetWrite } from "../core/port";
import { columnLetter } from "../core/sheet/address";
import { ExcelSheetGrid } from "./excelRead";
import { EXCEL_API, supportsExcelApi } from "./requirements";
import { opBytes, WriteOp } from "./writeBatches";

/** Excel's column width unit is a character of the default font (about 7 px plus 5 px padding); Office.js sets points. */
export function characterWidthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Excel refuses to delete a veryHidden sheet: it is made hidden first. */
export function deleteSheetOp(name: string, visibility: ExcelSheetGrid["visibility"]): WriteOp {
  return {
    bytes: opBytes(3, name),
    queue: (batch) => {
      const ws = batch.sheet(name);
      if (visibility === "veryHidden") ws.visibility = "Hidden" as Excel.SheetVisibility;
      ws.delete();
      batch.forget(name);
    },
  };
}

export interface NewSheet {
  name: string;
  position?: number;
  visibility?: ExcelSheetGrid["visibility"];
  columnWidths?: number[];
  freezeRows?: number;
}

export function addSheetOp(sheet: NewSheet): WriteOp {
  return {
    bytes: opBytes(5 + 2 * (sheet.columnWidths?.length ?? 0), sheet),
    queue: (batch) => {
      const ws = batch.addSheet(sheet.name);
      if (sheet.position !== undefined) ws.position = sheet.position;
      queueLayout(ws, sheet);
      if (sheet.visibility === "veryHidden") ws.visibility = "VeryHidden" as Excel.SheetVisibility;
      else if (sheet.visibility === "hidden") ws.visibility = "Hidden" as Excel.SheetVisibility;
    },
  };
}

function queueLayout(ws: Excel.Worksheet, sheet: NewSheet): void {
  sheet.columnWidths?.forEach((w, i) => {
    const col = columnLetter(i + 1);
    ws.getRange(`${col}:${col}`).format.columnWidth = characterWidthToPoints(w);
  });
  if (sheet.freezeRows && supportsExcelApi(EXCEL_API.chartAxisAndFreeze))
    ws.freezePanes.freezeRows(sheet.freezeRows);
}

/**
 * Empties a sheet in place (contents, formats, merges, conditional formats, the named charts, frozen panes)
 * and lays it out again. It is not deleted and re-added: Excel turns every formula elsewhere that points at a
 * deleted sheet into #REF!, so a person's own formulas reading "Tổng hợp" would break on each run.
 */
export function clearSheetOp(sheet: NewSheet, charts: string[]): WriteOp {
  return {
    bytes: opBytes(8 + 2 * (sheet.columnWidths?.length ?? 0), sheet, charts),
    queue: (batch) => {
      const ws = batch.sheet(sheet.name);
      const all = ws.getRange();
      all.conditionalFormats.clearAll();
      all.unmerge();
      all.clear("All" as Excel.ClearApplyTo);
      for (const chart of charts) ws.charts.getItem(chart).delete();
      if (supportsExcelApi(EXCEL_API.chartAxisAndFreeze)) ws.freezePanes.unfreeze();
      queueLayout(ws, sheet);
      if (sheet.visibility === "veryHidden") ws.visibility = "VeryHidden" as Excel.SheetVisibility;
      else if (sheet.visibility === "hidden") ws.visibility = "Hidden" as Excel.SheetVisibility;
      else if (sheet.visibility === "visible") ws.visibility = "Visible" as Excel.SheetVisibility;
    },
  };
}

/** An owned sheet is emptied and rewritten on every run: cleared in place if it exists, else added. */
export function ownedSheetOps(
  write: SheetWrite,
  existing: ExcelSheetGrid | undefined,
  ownCharts: string[] = []
): WriteOp[] {
  const layout = {
    name: write.name,
    columnWidths: write.columnWidths,
    freezeRows: write.freezeRows,
    ...(write.visibility ? { visibility: write.visibility } : {}),
  };
  return existing
    ? [
        clearSheetOp(
          layout,
          existing.charts.filter((c) => ownCharts.includes(c))
        ),
      ]
    : [addSheetOp(layout)];
}
