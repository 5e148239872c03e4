import { CellWrite } from "../core/port";
import { a1 } from "../core/sheet/address";
import { cellAt, formulaAt } from "../core/sheet/grid";
import { ruleFormulaKey } from "../core/plan/ruleFormula";
import { areasOfAddress } from "./areaAddress";
import { blockAddress, CellBlock, writtenCells } from "../core/plan/cellBlocks";
import { contentBytes, sameContent } from "./cellCodec";
import { jsonBytes } from "./payload";
import { DomainError } from "../core/errors/domainError";
import { ChangedCell, officeErrorCode, workbookChanged } from "./errors";
import { ExcelSheetGrid, ExcelWorkbookRead } from "./excelRead";
import { SNAPSHOT_SHEET } from "../core/snapshot/snapshot";
import { SavedStyle, SavedValidation, SavedValidationRule } from "../core/snapshot/snapshot";
import { loadStructureProtection } from "./structureProtection";
import { loadStyle, savedStyleOf, StyledCell } from "./styleSnapshot";

export interface VerifyRequest {
  read: ExcelWorkbookRead;
  /** Writes to sheets that are not owned: their target cells must still hold what was read. */
  blocks: CellBlock<CellWrite>[];
  /** Owned sheets that exist and will be replaced: their content must still be what was read (it is saved for undo). */
  replacedSheets: ExcelSheetGrid[];
  /** Owned sheets that did not exist when read: they must still not exist. */
  newSheets: string[];
  /**
   * Conditional formats the run deletes, by the id and formula read: each must still be that rule (an id is
   * a position, which shifts when rules are added or deleted); their areas are saved for undo.
   */
  replacedFormats: { sheet: string; id: string; formula: string }[];
  /** Areas the run validates: their current validation is saved for undo. */
  validations: { sheet: string; ranges: string[] }[];
  /** Cells the run styles on sheets it does not own: their current style is saved for undo. */
  styles: StyledCell[];
  /** Largest response to ask for at once. */
  budget: number;
}

/** A cell the run writes a formula into, on a sheet it does not own. */
export interface CellRef {
  sheet: string;
  cell: string;
}

export interface VerifyResult {
  /**
   * Formula targets formatted as Text ("@"): Excel would keep a formula entered there as text, so the run
   * sets them to General first (and undo puts "@" back).
   */
  textFormatted: CellRef[];
  /** Workbook structure protection as it is now (false where the host cannot tell). */
  structureProtected: boolean;
  formatRanges: Map<string, string[]>;
  previousValidations: (SavedValidation | undefined)[];
  previousStyles: SavedStyle[];
  syncs: number;
}

/**
 * Re-reads exactly what the run is about to overwrite (the written cells' formulas, the owned sheets it
 * replaces) and refuses, writing nothing, if any of it changed since the read the plan was made from: a person
 * typing meanwhile, or a co-author. Also fetches what undo needs that the read did not have (the areas of the
 * conditional formats replaced, the validations overwritten). One sync; more only when the expected response
 * passes the budget (the read tells how big it will be).
 */
export async function verifyUnchanged(
  context: Excel.RequestContext,
  req: VerifyRequest
): Promise<VerifyResult> {
  const grids = new Map(req.read.sheets.map((g) => [g.name, g]));
  const changed: ChangedCell[] = [];
  const formatRanges = new Map<string, string[]>();
  const previousValidations: (SavedValidation | undefined)[] = [];
  const previousStyles: SavedStyle[] = [];
  const textFormatted: CellRef[] = [];
  const probes: Probe[] = [
    ...req.blocks.map((block): Probe => ({
      bytes: blockBytes(block, grids.get(block.sheet)),
      queue: (sheets) => {
        const range = sheets
          .getItem(block.sheet)
          .getRange(blockAddress(block))
          .load("formulas,numberFormat");
        return () => {
          changed.push(...cellDifferences(block, grids.get(block.sheet), range));
          textFormatted.push(...textFormattedTargets(block, range));
        };
      },
    })),
    ...req.replacedSheets.map((grid): Probe => ({
      bytes: sheetBytes(grid),
      queue: (sheets) => {
        const range = sheets
          .getItem(grid.name)
          .getUsedRangeOrNullObject(true)
          .load("rowIndex,columnIndex,formulas");
        return () => changed.push(...sheetDifferences(grid, range));
      },
    })),
    ...req.replacedFormats.map((f): Probe => ({
      bytes: 400 + jsonBytes(f.formula),
      queue: (sheets) => {
        const rule = sheets
          .getItem(f.sheet)
          .getRange()
          .conditionalFormats.getItem(f.id)
          .load("type,customOrNullObject/rule/formula");
        const areas = rule.getRanges().load("address");
        return () => {
          const formula = rule.type === "Custom" ? rule.customOrNullObject.rule.formula : "";
          if (ruleFormulaKey(String(formula ?? "")) !== ruleFormulaKey(f.formula))
            changed.push({ sheet: f.sheet, cell: "" });
          else formatRanges.set(f.id, areasOfAddress(areas.address));
        };
      },
    })),
    ...req.validations.map((v, i): Probe => ({
      // What was there is most likely the rule this run sets again, prompts and all.
      bytes: 150 + jsonBytes(v),
      queue: (sheets) => {
        const dv = sheets
          .getItem(v.sheet)
          .getRanges(v.ranges.join(", "))
          .dataValidation.load("type,rule,ignoreBlanks,prompt,errorAlert");
        return () => (previousValidations[i] = savedValidation(dv));
      },
    })),
    ...req.styles.map((target, i): Probe => ({
      bytes: 200,
      queue: (sheets) => {
        const loaded = loadStyle(sheets.getItem(target.sheet).getRange(target.cell));
        return () => (previousStyles[i] = savedStyleOf(target, loaded));
      },
    })),
  ];

  const sheets = context.workbook.worksheets;
  const names = sheets.load("items/name");
  const structure = loadStructureProtection(context);
  let syncs = 0;
  for (const group of groupsUnder(probes, req.budget)) {
    const finish = group.map((p) => p.queue(sheets));
    syncs++;
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-sized batch, by design
      await context.sync();
    } catch (error) {
      if (officeErrorCode(error) === "ItemNotFound") throw await missingSheets(context, req);
      throw error;
    }
    finish.forEach((f) => f());
  }
  const present = new Set(names.items.map((s) => s.name));
  for (const n of req.newSheets) if (present.has(n)) changed.unshift({ sheet: n, cell: "" });
  if (changed.length) throw workbookChanged(changed);
  return {
    textFormatted,
    structureProtected: structure?.protected ?? false,
    formatRanges,
    previousValidations,
    previousStyles,
    syncs,
  };
}

interface Probe {
  /** Expected response size. */
  bytes: number;
  /** Queues the load; the returned function reads it after the sync. */
  queue(sheets: Excel.WorksheetCollection): () => void;
}

/** Groups under the budget; always at least one (the sheet names are loaded with it). */
function groupsUnder(probes: Probe[], budget: number): Probe[][] {
  const groups: Probe[][] = [[]];
  let bytes = 0;
  for (const p of probes) {
    if (groups[groups.length - 1].length && bytes + p.bytes > budget) {
      groups.push([]);
      bytes = 0;
    }
    groups[groups.length - 1].push(p);
    bytes += p.bytes;
  }
  return groups;
}

/** The formulas and number formats of the block's cells (about 12 bytes a format). */
function blockBytes(block: CellBlock<CellWrite>, grid: ExcelSheetGrid | undefined): number {
  let n = 64 + 12 * block.cells.length;
  for (let i = 0; i < block.cells.length; i++)
    n += grid
      ? contentBytes(
          cellAt(grid, block.top + i, block.col),
          formulaAt(grid, block.top + i, block.col)
        )
      : 3;
  return n;
}

function sheetBytes(grid: ExcelSheetGrid): number {
  let n = 64;
  grid.values.forEach((line, r) =>
    line.forEach(
      (_, c) => (n += contentBytes(cellAt(grid, r + 1, c + 1), formulaAt(grid, r + 1, c + 1)))
    )
  );
  return n;
}

/** The block's formula cells whose number format is Text. */
function textFormattedTargets(block: CellBlock<CellWrite>, range: Excel.Range): CellRef[] {
  const out: CellRef[] = [];
  for (const { row, col, cell } of writtenCells(block))
    if ("formula" in cell && range.numberFormat[row - block.top]?.[0] === "@")
      out.push({ sheet: block.sheet, cell: a1(row, col) });
  return out;
}

function cellDifferences(
  block: CellBlock<CellWrite>,
  grid: ExcelSheetGrid | undefined,
  range: Excel.Range
): ChangedCell[] {
  const out: ChangedCell[] = [];
  for (const { row, col } of writtenCells(block)) {
    const entry = range.formulas[row - block.top][0];
    const same = grid
      ? sameContent(entry, cellAt(grid, row, col), formulaAt(grid, row, col))
      : sameContent(entry, null, undefined);
    if (!same) out.push({ sheet: block.sheet, cell: a1(row, col) });
  }
  return out;
}

function sheetDifferences(grid: ExcelSheetGrid, range: Excel.Range): ChangedCell[] {
  const out: ChangedCell[] = [];
  const seen = new Set<string>();
  if (!range.isNullObject)
    range.formulas.forEach((line, i) =>
      line.forEach((entry, j) => {
        const row = range.rowIndex + i + 1;
        const col = range.columnIndex + j + 1;
        seen.add(`${row},${col}`);
        if (!sameContent(entry, cellAt(grid, row, col), formulaAt(grid, row, col)))
          out.push({ sheet: grid.name, cell: a1(row, col) });
      })
    );
  grid.values.forEach((line, r) =>
    line.forEach((_, c) => {
      if (seen.has(`${r + 1},${c + 1}`)) return;
      if (!sameContent("", cellAt(grid, r + 1, c + 1), formulaAt(grid, r + 1, c + 1)))
        out.push({ sheet: grid.name, cell: a1(r + 1, c + 1) });
    })
  );
  return out;
}

/** A validation worth putting back: one rule over all the areas (not none, not mixed). */
function savedValidation(dv: Excel.DataValidation): SavedValidation | undefined {
  if (["None", "Inconsistent", "MixedCriteria"].includes(dv.type) || !dv.rule) return undefined;
  const rule = Object.fromEntries(
    Object.entries(dv.rule).filter(([, v]) => v !== null && v !== undefined)
  ) as SavedValidationRule;
  return {
    rule,
    ignoreBlanks: dv.ignoreBlanks,
    ...(dv.prompt ? { prompt: dv.prompt } : {}),
    ...(dv.errorAlert ? { errorAlert: dv.errorAlert } : {}),
  };
}

/** A sheet the run writes to was renamed or deleted since the read: which, for the message. */
async function missingSheets(
  context: Excel.RequestContext,
  req: VerifyRequest
): Promise<DomainError<"workbook-changed">> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const present = new Set(sheets.items.map((s) => s.name));
  const wanted = new Set([
    ...req.blocks.map((b) => b.sheet),
    ...req.replacedSheets.map((g) => g.name),
    ...req.replacedFormats.map((f) => f.sheet),
    ...req.validations.map((v) => v.sheet),
  ]);
  wanted.delete(SNAPSHOT_SHEET);
  const missing = [...wanted].filter((n) => !present.has(n));
  // No sheet is missing: a conditional format the run replaces was removed meanwhile.
  const named = missing.length ? missing : [...new Set(req.replacedFormats.map((f) => f.sheet))];
  return workbookChanged(named.map((sheet) => ({ sheet, cell: "" })));
}
