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
  const freeze =
    sheet.freezeRows && supportsExcelApi(EXCEL_API.chartAxisAndFreeze) ? sheet.freezeRows : 0;
  return {
    bytes: opBytes(5 + 2 * (sheet.columnWidths?.length ?? 0), sheet),
    queue: (batch) => {
      const ws = batch.addSheet(sheet.name);
      if (sheet.position !== undefined) ws.position = sheet.position;
      sheet.columnWidths?.forEach((w, i) => {
        const col = columnLetter(i + 1);
        ws.getRange(`${col}:${col}`).format.columnWidth = characterWidthToPoints(w);
      });
      if (freeze) ws.freezePanes.freezeRows(freeze);
      if (sheet.visibility === "veryHidden") ws.visibility = "VeryHidden" as Excel.SheetVisibility;
      else if (sheet.visibility === "hidden") ws.visibility = "Hidden" as Excel.SheetVisibility;
    },
  };
}

/** An owned sheet is emptied and rewritten on every run: the old one (if any) is deleted, a new one added in its place. */
export function ownedSheetOps(write: SheetWrite, existing: ExcelSheetGrid | undefined): WriteOp[] {
  return [
    ...(existing ? [deleteSheetOp(write.name, existing.visibility)] : []),
    addSheetOp({
      name: write.name,
      position: existing?.position,
      columnWidths: write.columnWidths,
      freezeRows: write.freezeRows,
    }),
  ];
}
