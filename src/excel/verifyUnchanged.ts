import { CellWrite } from "../core/port";
import { a1, areaA1 } from "../core/sheet/address";
import { cellAt, formulaAt } from "../core/sheet/grid";
import { areasOfAddress } from "./areaAddress";
import { CellBlock, writtenCells } from "./cellBlocks";
import { cellValueFrom, contentKey, formulaFrom } from "./cellCodec";
import { ChangedCell, officeErrorCode, WorkbookChangedError } from "./errors";
import { ExcelSheetGrid, ExcelWorkbookRead, SNAPSHOT_SHEET } from "./excelRead";
import { SavedValidation } from "./validationOps";

export interface VerifyRequest {
  read: ExcelWorkbookRead;
  /** Writes to sheets that are not owned: their target cells must still hold what was read. */
  blocks: CellBlock<CellWrite>[];
  /** Owned sheets that exist and will be replaced: their content must still be what was read (it is saved for undo). */
  replacedSheets: ExcelSheetGrid[];
  /** Owned sheets that did not exist when read: they must still not exist. */
  newSheets: string[];
  /** Conditional formats the run deletes: their areas are saved for undo. */
  replacedFormats: { sheet: string; id: string }[];
  /** Areas the run validates: their current validation is saved for undo. */
  validations: { sheet: string; ranges: string[] }[];
}

export interface VerifyResult {
  formatRanges: Map<string, string[]>;
  previousValidations: (SavedValidation | undefined)[];
}

/**
 * Re-reads, in ONE sync, exactly what the run is about to overwrite, and refuses (writing nothing) if any of it
 * changed since the read the plan was made from: a person typing meanwhile, or a co-author.
 */
export async function verifyUnchanged(context: Excel.RequestContext, req: VerifyRequest): Promise<VerifyResult> {
  const sheets = context.workbook.worksheets;
  const names = sheets.load("items/name");
  const targets = targetAreas(req.blocks).map((t) => ({ ...t, range: sheets.getItem(t.sheet).getRange(areaA1(t.area)).load("values,formulas,valueTypes") }));
  const replaced = req.replacedSheets.map((grid) => ({ grid, range: sheets.getItem(grid.name).getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,values,formulas,valueTypes") }));
  const formats = req.replacedFormats.map((f) => ({ id: f.id, areas: sheets.getItem(f.sheet).getRange().conditionalFormats.getItem(f.id).getRanges().load("address") }));
  const validations = req.validations.map((v) => sheets.getItem(v.sheet).getRanges(v.ranges.join(", ")).dataValidation.load("type,rule,ignoreBlanks,prompt,errorAlert"));
  try {
    await context.sync();
  } catch (error) {
    if (officeErrorCode(error) === "ItemNotFound") throw await missingSheets(context, req);
    throw error;
  }

  const changed: ChangedCell[] = [];
  const present = new Set(names.items.map((s) => s.name));
  for (const n of req.newSheets) if (present.has(n)) changed.push({ sheet: n, cell: "" });
  const grids = new Map(req.read.sheets.map((g) => [g.name, g]));
  for (const t of targets) {
    const grid = grids.get(t.sheet);
    for (const { row, col } of t.cells) {
      const i = row - t.area.top;
      const j = col - t.area.left;
      const raw = t.range.values[i][j];
      const now = contentKey(cellValueFrom(raw, t.range.valueTypes[i][j]), formulaFrom(t.range.formulas[i][j], raw));
      const before = grid ? contentKey(cellAt(grid, row, col), formulaAt(grid, row, col)) : "";
      if (now !== before) changed.push({ sheet: t.sheet, cell: a1(row, col) });
    }
  }
  for (const r of replaced) changed.push(...sheetDifferences(r.grid, r.range));
  if (changed.length) throw new WorkbookChangedError(changed);

  return {
    formatRanges: new Map(formats.map((f) => [f.id, areasOfAddress(f.areas.address)])),
    previousValidations: validations.map(savedValidation),
  };
}

interface TargetArea {
  sheet: string;
  area: { top: number; left: number; bottom: number; right: number };
  cells: { row: number; col: number }[];
}

/** Per sheet, the bounding box of the cells written (one range to load) and the cells themselves. */
function targetAreas(blocks: CellBlock<CellWrite>[]): TargetArea[] {
  const bySheet = new Map<string, TargetArea>();
  for (const b of blocks)
    for (const { row, col } of writtenCells(b)) {
      const t = bySheet.get(b.sheet) ?? { sheet: b.sheet, area: { top: row, left: col, bottom: row, right: col }, cells: [] };
      bySheet.set(b.sheet, t);
      t.cells.push({ row, col });
      t.area = { top: Math.min(t.area.top, row), left: Math.min(t.area.left, col), bottom: Math.max(t.area.bottom, row), right: Math.max(t.area.right, col) };
    }
  return [...bySheet.values()];
}

function sheetDifferences(grid: ExcelSheetGrid, range: Excel.Range): ChangedCell[] {
  const now = new Map<string, string>();
  if (!range.isNullObject)
    range.values.forEach((line, i) =>
      line.forEach((raw, j) => {
        const key = contentKey(cellValueFrom(raw, range.valueTypes[i][j]), formulaFrom(range.formulas[i][j], raw));
        if (key !== "") now.set(a1(range.rowIndex + i + 1, range.columnIndex + j + 1), key);
      }),
    );
  const before = new Map<string, string>();
  grid.values.forEach((line, r) =>
    line.forEach((_, c) => {
      const key = contentKey(cellAt(grid, r + 1, c + 1), formulaAt(grid, r + 1, c + 1));
      if (key !== "") before.set(a1(r + 1, c + 1), key);
    }),
  );
  const cells = new Set([...now.keys(), ...before.keys()]);
  return [...cells].filter((c) => now.get(c) !== before.get(c)).map((cell) => ({ sheet: grid.name, cell }));
}

/** A validation worth putting back: one rule over all the areas (not none, not mixed). */
function savedValidation(dv: Excel.DataValidation): SavedValidation | undefined {
  if (["None", "Inconsistent", "MixedCriteria"].includes(dv.type) || !dv.rule) return undefined;
  const rule = Object.fromEntries(Object.entries(dv.rule).filter(([, v]) => v !== null && v !== undefined)) as Excel.DataValidationRule;
  return { rule, ignoreBlanks: dv.ignoreBlanks, ...(dv.prompt ? { prompt: dv.prompt } : {}), ...(dv.errorAlert ? { errorAlert: dv.errorAlert } : {}) };
}

/** A sheet the run writes to was renamed or deleted since the read: which, for the message. */
async function missingSheets(context: Excel.RequestContext, req: VerifyRequest): Promise<WorkbookChangedError> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const present = new Set(sheets.items.map((s) => s.name));
  const wanted = new Set([...req.blocks.map((b) => b.sheet), ...req.replacedSheets.map((g) => g.name), ...req.replacedFormats.map((f) => f.sheet), ...req.validations.map((v) => v.sheet)]);
  wanted.delete(SNAPSHOT_SHEET);
  const missing = [...wanted].filter((n) => !present.has(n));
  // No sheet is missing: a conditional format the run replaces was removed meanwhile.
  const named = missing.length ? missing : [...new Set(req.replacedFormats.map((f) => f.sheet))];
  return new WorkbookChangedError(named.map((sheet) => ({ sheet, cell: "" })));
}
