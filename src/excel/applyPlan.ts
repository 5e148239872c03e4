import { bySheet } from "../core/plan/bySheet";
import { protectedSheetsIn } from "../core/plan/protectedSheets";
import { CellWrite, StyleWrite, WritePlan } from "../core/port";
import { a1, parseArea } from "../core/sheet/address";
import { StyledCell } from "./styleSnapshot";
import { CellBlock, columnBlocks } from "../core/plan/cellBlocks";
import { inputOf } from "./cellCodec";
import { formulaBlockOps, generalFormatOps, styleOps } from "./cellOps";
import {
  addConditionalFormatOp,
  conditionalFormatsReplaced,
  deleteConditionalFormatsOps,
} from "./conditionalFormatOps";
import { sheetProtected } from "../core/errors/domainError";
import { ExcelSheetGrid, ExcelWorkbookRead } from "./excelRead";
import { assertPlanFollowsExcel } from "../core/excelRules";
import { ownedSheetName, undoSheetMarker } from "../core/owned/ownedSheets";
import { runRecord } from "../core/snapshot/runRecord";
import { setNameOps } from "./nameOps";
import { DEFAULT_PAYLOAD_BUDGET } from "./payload";
import { EXCEL_API, requireExcelApi } from "./requirements";
import { ownedSheetOps } from "./sheetOps";
import { withDependentSheets } from "./calculationOrder";
import { refuseStructureChanges } from "./structureProtection";
import { SUMMARY_CHART } from "./summaryChart";
import { buildSnapshot } from "./snapshot";
import { encodeSnapshot, SavedConditionalFormat, SavedStyle } from "../core/snapshot/snapshot";
import { writeSnapshotOps } from "./snapshotSheet";
import { validationOp } from "./validationOps";
import { verifyUnchanged, VerifyResult } from "./verifyUnchanged";
import { runWriteBatches, WriteOp } from "./writeBatches";
import { whileAddinWrites } from "./writeGuard";

export interface ApplyOptions {
  /** The read the plan was made from. */
  read: ExcelWorkbookRead;
  /** Writes queued after the plan's, in the same batches (the summary chart). */
  extraWrites?: WriteOp[];
  /** Largest request to send at once; Excel on the web refuses more than 5 MB. */
  payloadBudget?: number;
  /** Told after each write batch: batches sent, of all. */
  onWritten?: (done: number, total: number) => void;
}

export interface ApplyReport {
  /** All round trips: the re-read of the targets (1 unless it passes the budget), the write batches, one recalculation. */
  syncs: number;
  verifySyncs: number;
  /** Estimated request bytes of each write batch. */
  batchBytes: number[];
  snapshotChars: number;
  /** Sheets whose conditional formats were left as they were: Excel could not read them (see unreadableFormats). */
  skippedFormatSheets: string[];
}

/**
 * Applies a core WritePlan to the open workbook, as the .xlsx adapter does to a file, in a bounded number of
 * syncs: nothing is written if a touched sheet is protected or a target cell changed since `read`; otherwise
 * the undo snapshot is stored first, then owned sheets are rebuilt, cells, styles, conditional formats and
 * validations written, in batches under the payload budget.
 */
export async function applyPlan(
  context: Excel.RequestContext,
  plan: WritePlan,
  options: ApplyOptions
): Promise<ApplyReport> {
  requireExcelApi(EXCEL_API.rangeAreas);
  const { read } = options;
  assertPlanFollowsExcel(plan, read);
  const budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
  const blocked = protectedSheetsIn(read, plan);
  if (blocked.length) throw sheetProtected(blocked);

  const grids = new Map(read.sheets.map((g) => [g.name, g]));
  const owned = new Set(plan.sheets.map((s) => s.name));
  const blocks = columnBlocks(plan.ranges, owned);
  const ownedBlocks = columnBlocks(plan.ranges.filter((r) => owned.has(r.sheet)));
  const replacedSheets = plan.sheets
    .map((s) => grids.get(s.name))
    .filter((g): g is ExcelSheetGrid => g !== undefined);
  const newSheets = plan.sheets.filter((s) => !grids.has(s.name)).map((s) => s.name);
  // Where Excel cannot read a sheet's rules, ours there cannot be told apart: they are left as they are.
  const unreadable = new Set(read.unreadableFormats ?? []);
  const formatWrites = plan.conditionalFormats.filter((c) => !unreadable.has(c.sheet));
  const skippedFormatSheets = [
    ...new Set(plan.conditionalFormats.filter((c) => unreadable.has(c.sheet)).map((c) => c.sheet)),
  ];
  const replacedFormats = conditionalFormatsReplaced(formatWrites, read.sheets);
  const styledCells = cellsOf(plan.styles.filter((s) => !owned.has(s.sheet)));
  const undoGrid = read.sheets.find((g) => g.role === "undo");
  const undoSheet = undoGrid?.name ?? ownedSheetName(read, "undo");
  const record = runRecord(read, plan, blocks, [undoSheetMarker(undoSheet)]);
  // A new sheet had no validations to put back (revert deletes it), and cannot be probed before it exists.
  const validated = plan.validations.filter((v) => !newSheets.includes(v.sheet));

  const verified = await verifyUnchanged(context, {
    read,
    blocks,
    replacedSheets,
    newSheets,
    replacedFormats: replacedFormats.map((f) => ({
      sheet: f.sheet,
      id: f.existing.id,
      formula: f.existing.formula,
    })),
    validations: validated,
    styles: styledCells,
    budget,
  });

  const deletedFormats: SavedConditionalFormat[] = replacedFormats.map(({ sheet, existing }) => ({
    sheet,
    ranges: verified.formatRanges.get(existing.id) ?? [],
    formula: existing.formula,
    style: { fill: existing.fill, fontColor: existing.fontColor, bold: existing.bold },
  }));
  const pieces = encodeSnapshot(
    buildSnapshot({
      read,
      blocks,
      addedSheets: newSheets,
      replacedSheets,
      addedFormats: formatWrites.map((c) => ({ sheet: c.sheet, formula: c.formula })),
      deletedFormats,
      validations: validated.map((v, i) => ({
        sheet: v.sheet,
        ranges: v.ranges,
        previous: verified.previousValidations[i],
      })),
      styles: [...verified.previousStyles, ...textFormatSaved(verified, styledCells)],
      record,
    })
  );

  const ops: WriteOp[] = [
    ...writeSnapshotOps(pieces, undoGrid, undoSheet),
    ...plan.sheets.flatMap((s) => ownedSheetOps(s, grids.get(s.name), [SUMMARY_CHART])),
    ...generalFormatOps(verified.textFormatted),
    ...formulaBlockOps([...blocks, ...ownedBlocks], inputOf, budget / 4),
    // Names once their sheets exist and before the rules that use them (_cchc.marks, _cchc.list.<n>).
    ...setNameOps(record.nameWrites, read.names),
    ...styleOps(plan.styles),
    ...[...bySheet(replacedFormats)].flatMap(([sheet, formats]) =>
      deleteConditionalFormatsOps(
        sheet,
        formats.map((f) => f.existing.id)
      )
    ),
    ...formatWrites.map(addConditionalFormatOp),
    ...plan.validations.map(validationOp),
    ...(options.extraWrites ?? []),
  ];
  refuseStructureChanges(verified.structureProtected || Boolean(read.structureProtected), ops);
  const written = await whileAddinWrites(() =>
    runWriteBatches(
      context,
      ops,
      budget,
      withDependentSheets(calculationOrder(plan, blocks), read.sheets),
      options.onWritten
    )
  );
  return {
    syncs: verified.syncs + written.syncs,
    verifySyncs: verified.syncs,
    batchBytes: written.batchBytes,
    snapshotChars: pieces.reduce((n, p) => n + p.length, 0),
    skippedFormatSheets,
  };
}

/**
 * The sheets holding formulas the run wrote, each after the sheets it reads: the data sheet (lists, helper
 * cells) first, then the unit sheets, then the other owned sheets (the summary reads the unit sheets).
 */
function calculationOrder(plan: WritePlan, blocks: CellBlock<CellWrite>[]): string[] {
  const owned = plan.sheets.filter((s) => plan.ranges.some((r) => r.sheet === s.name));
  return [
    ...owned.filter((s) => s.role === "data").map((s) => s.name),
    ...blocks.map((b) => b.sheet),
    ...owned.filter((s) => s.role !== "data").map((s) => s.name),
  ];
}

/** "@" saved for undo on each Text-formatted formula target, unless its style is saved already. */
function textFormatSaved(verified: VerifyResult, styled: StyledCell[]): SavedStyle[] {
  const saved = new Set(
    styled.filter((s) => s.style.numberFormat).map((s) => `${s.sheet}!${s.cell}`)
  );
  return verified.textFormatted
    .filter((c) => !saved.has(`${c.sheet}!${c.cell}`))
    .map((c) => ({ sheet: c.sheet, cell: c.cell, numberFormat: "@" }));
}

/** Every cell of the style writes, one by one: each keeps its own previous style. */
function cellsOf(styles: StyleWrite[]): StyledCell[] {
  return styles.flatMap((s) => {
    const a = parseArea(s.range);
    const out: StyledCell[] = [];
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++)
        out.push({ sheet: s.sheet, cell: a1(r, c), style: s.style });
    return out;
  });
}
