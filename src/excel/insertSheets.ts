/**
 * Copying worksheets of other workbooks (picked .xlsx files) into the open one, for "Tổng hợp nhiều sổ": whole
 * sheets with Workbook.insertWorksheetsFromBase64 where ExcelApi 1.13 is supported, else (or where Excel refuses
 * the file) their values and formulas written into new sheets in payload-sized batches. In both cases a sheet
 * being replaced is deleted first, and each copy ends under the name it was given.
 */
import { CellWrite, CellValue, isCellError, SheetGrid } from "../core/port";
import { columnLetter } from "../core/sheet/address";
import { dateToSerial } from "../core/sheet/serialDate";
import { inputOf } from "./cellCodec";
import { DEFAULT_PAYLOAD_BUDGET } from "./payload";
import { supportsExcelApi } from "./requirements";
import { Batch, opBytes, runWriteBatches, WriteOp } from "./writeBatches";

/** Workbook.insertWorksheetsFromBase64 and Excel.InsertWorksheetOptions. */
export const INSERT_WORKSHEETS_API = "1.13";

export interface SheetToCopy {
  /** The sheet's name in the picked workbook, its cells (for the values path) and its name here. */
  from: string;
  grid: SheetGrid;
  to: string;
  /** A sheet of the open workbook deleted first (the unit's older sheet). */
  replaces?: string;
}

export interface WorkbookToCopy {
  /** The picked file as Base64, without a data-URL prefix. */
  base64: string;
  sheets: SheetToCopy[];
}

export interface InsertReport {
  /** "sheets": whole sheets inserted; "values": values and formulas written. */
  path: "sheets" | "values";
  syncs: number;
  /** Why the values path was taken although ExcelApi 1.13 is there (Excel refused the insertion). */
  refused?: string;
}

/**
 * Copies the sheets of every workbook; `done` is called after each workbook's sheets are in (the pane's
 * progress). Which path: ExcelApi 1.13 asked at run time; where Excel refuses an insertion (Excel on the web
 * refuses sheets with charts, comments, PivotTables or slicers with UnsupportedFeature — excel-add-ins-workbooks.md,
 * "Copy worksheets from another workbook"; office-js#6142: GeneralException on some files) the remaining
 * workbooks are copied as values and formulas.
 */
export async function insertSheets(
  context: Excel.RequestContext,
  books: WorkbookToCopy[],
  done: (n: number) => void = () => undefined,
  budget = DEFAULT_PAYLOAD_BUDGET
): Promise<InsertReport> {
  let syncs = 0;
  let refused: string | undefined;
  let next = 0;
  if (supportsExcelApi(INSERT_WORKSHEETS_API)) {
    for (; next < books.length; next++) {
      try {
        syncs += await insertWhole(context, books[next]);
      } catch (error) {
        refused = error instanceof Error ? error.message : String(error);
        break;
      }
      done(next + 1);
    }
    if (next === books.length) return { path: "sheets", syncs };
  }
  for (; next < books.length; next++) {
    syncs += await writeValues(context, books[next], budget);
    done(next + 1);
  }
  return { path: "values", syncs, ...(refused !== undefined ? { refused } : {}) };
}

/**
 * One workbook's sheets, one insertWorksheetsFromBase64 call per sheet: the call returns the ids of the sheets it
 * inserted, and nothing documents their order or the name an inserted sheet gets when the open workbook has a
 * sheet of that name. So each call inserts one sheet (its id is the only one returned), and each inserted sheet
 * is then renamed by its id: first to a name no sheet has, then to its own (two sheets may swap names).
 */
async function insertWhole(context: Excel.RequestContext, book: WorkbookToCopy): Promise<number> {
  const sheets = context.workbook.worksheets;
  // Inserted first: where Excel refuses the file, nothing of the open workbook was deleted yet.
  const results = book.sheets.map((s) =>
    context.workbook.insertWorksheetsFromBase64(book.base64, {
      sheetNamesToInsert: [s.from],
      positionType: "End",
    })
  );
  await context.sync();
  const ids = results.map((r, i) => {
    const [id] = r.value;
    if (!id || r.value.length !== 1)
      throw new Error(`sheet ${book.sheets[i].from} was not inserted`);
    return id;
  });
  for (const s of book.sheets) if (s.replaces) sheets.getItem(s.replaces).delete();
  const stamp = Date.now().toString(36);
  ids.forEach((id, i) => (sheets.getItem(id).name = `cchc~${stamp}~${i}`));
  ids.forEach((id, i) => (sheets.getItem(id).name = book.sheets[i].to));
  await context.sync();
  return 2;
}

/** One workbook's sheets as values and formulas: each a new sheet, its rows written in payload-sized blocks. */
async function writeValues(
  context: Excel.RequestContext,
  book: WorkbookToCopy,
  budget: number
): Promise<number> {
  const ops: WriteOp[] = [];
  for (const s of book.sheets) {
    if (s.replaces)
      ops.push({
        bytes: opBytes(2, s.replaces),
        structural: true,
        queue: (batch: Batch) => {
          batch.sheet(s.replaces!).delete();
          batch.forget(s.replaces!);
        },
      });
    ops.push({ bytes: opBytes(2, s.to), structural: true, queue: (b) => void b.addSheet(s.to) });
    ops.push(...rowBlockOps(s.to, s.grid, Math.max(1, Math.floor(budget / 4))));
  }
  const report = await runWriteBatches(context, ops, budget, []);
  return report.syncs;
}

/** The grid's rows in blocks of whole rows, each block one range.formulas write under `maxBytes`. */
export function rowBlockOps(sheet: string, grid: SheetGrid, maxBytes: number): WriteOp[] {
  const width = Math.max(0, ...grid.values.map((r) => r.length));
  if (width === 0) return [];
  const rows = grid.values.map((line, r) =>
    Array.from({ length: width }, (_, c) =>
      inputOf(cellWrite(line[c] ?? null, grid.formulas?.[r]?.[c]))
    )
  );
  const ops: WriteOp[] = [];
  let top = 0;
  while (top < rows.length) {
    let end = top + 1;
    let bytes = opBytes(3, rows[top]);
    while (end < rows.length && bytes + opBytes(0, rows[end]) <= maxBytes) {
      bytes += opBytes(0, rows[end]);
      end++;
    }
    const block = rows.slice(top, end);
    const address = `A${top + 1}:${columnLetter(width)}${end}`;
    ops.push({ bytes, queue: (batch) => (batch.sheet(sheet).getRange(address).formulas = block) });
    top = end;
  }
  return ops;
}

/** A cell as read becomes a write: its formula, or its constant (text stays text, a date its serial number). */
function cellWrite(value: CellValue, formula: string | null | undefined): CellWrite {
  if (formula) return { formula };
  if (value instanceof Date) return { value: dateToSerial(value) };
  if (isCellError(value)) return { value: null };
  return { value };
}
