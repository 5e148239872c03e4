import { bySheet } from "../core/plan/bySheet";
import { ruleFormulaKey } from "../core/plan/ruleFormula";
import { blocksFromRows } from "../core/plan/cellBlocks";
import { inputOfSaved } from "./cellCodec";
import { formulaBlockOps } from "./cellOps";
import { addConditionalFormatOp, deleteConditionalFormatOp } from "./conditionalFormatOps";
import { NothingToRevertError, ProtectedSheetsError } from "./errors";
import { markedSheet, ownedSheets } from "../core/owned/ownedSheets";
import { restoreNameOps } from "./nameOps";
import { ownNames } from "./readWorkbook";
import { loadSheetContents } from "./loadSheetContents";
import { DEFAULT_PAYLOAD_BUDGET } from "./payload";
import { EXCEL_API, requireExcelApi } from "./requirements";
import { addSheetOp, clearSheetOp, deleteSheetOp } from "./sheetOps";
import { SUMMARY_CHART } from "./summaryChart";
import { decodeSnapshot } from "./snapshot";
import { restoredCellCount, sheetsToUndo, touchedSheets } from "../core/snapshot/snapshot";
import { restoreStyleOp } from "./styleSnapshot";
import { restoreValidationOp } from "./validationOps";
import { runWriteBatches, WriteOp } from "./writeBatches";
import { whileAddinWrites } from "./writeGuard";

export interface RevertReport {
  syncs: number;
  restoredCells: number;
}

interface ListedSheet {
  name: string;
  visibility: "visible" | "hidden" | "veryHidden";
  protected: boolean;
}

/**
 * Puts back what the last run changed, from the snapshot it stored in the workbook: cell contents, owned
 * sheets (removed if the run added them, rebuilt if it replaced them), conditional formats and validations.
 * Then the snapshot is deleted: undo goes back one run.
 */
export async function revertLastRun(
  context: Excel.RequestContext,
  options: { payloadBudget?: number } = {}
): Promise<RevertReport> {
  requireExcelApi(EXCEL_API.rangeAreas);
  const budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
  const list = context.workbook.worksheets.load(
    "items/name,items/visibility,items/protection/protected"
  );
  const namedItems = context.workbook.names.load("items/name,items/formula");
  await context.sync();
  const sheets = new Map<string, ListedSheet>(
    list.items.map((ws) => [
      ws.name,
      {
        name: ws.name,
        visibility:
          ws.visibility === "VeryHidden"
            ? "veryHidden"
            : ws.visibility === "Hidden"
              ? "hidden"
              : "visible",
        protected: ws.protection.protected,
      },
    ])
  );
  const definedNames = ownNames(namedItems.items);
  // The undo sheet by its marker (or, in older workbooks, the veryHidden "cchc_hoan_tac").
  const undoSheet = ownedSheets({
    sheets: [...sheets.values()].map((s) => ({
      name: s.name,
      values: [],
      visibility: s.visibility,
    })),
    names: definedNames,
  }).get("undo");
  const stored = undoSheet === undefined ? undefined : sheets.get(undoSheet);
  if (!stored || undoSheet === undefined) throw new NothingToRevertError();
  const others = [...sheets.keys()].filter((n) => n !== undoSheet);
  const loaded = await loadSheetContents(context, {
    names: [undoSheet],
    merges: false,
    conditionalFormatsOf: others,
    chartsOf: others,
    budget,
  });
  const snapshot = decodeSnapshot(
    (loaded.contents.get(undoSheet)?.values ?? []).map((row) => row[0])
  );

  const blocked = [...touchedSheets(snapshot)].filter((n) => sheets.get(n)?.protected);
  if (blocked.length) throw new ProtectedSheetsError(blocked);

  const present = (name: string) => sheets.has(name);
  const cells = snapshot.cells.filter((b) => present(b.sheet) && b.sheet !== undoSheet);
  const { added, replaced } = sheetsToUndo(snapshot, undoSheet);
  const removed = new Set([...added, undoSheet]);
  const ops: WriteOp[] = [
    ...added.filter(present).map((n) => deleteSheetOp(n, sheets.get(n)!.visibility)),
    // A sheet the run rebuilt is emptied in place, not deleted: formulas elsewhere that read it stay whole.
    ...replaced.flatMap((s) => [
      present(s.name)
        ? clearSheetOp(
            { name: s.name, visibility: s.visibility, columnWidths: widthsOf(s.columnWidths) },
            (loaded.charts.get(s.name) ?? []).filter((c) => c === SUMMARY_CHART)
          )
        : addSheetOp({
            name: s.name,
            position: s.position,
            visibility: s.visibility,
            columnWidths: widthsOf(s.columnWidths),
          }),
      ...formulaBlockOps(blocksFromRows(s.name, s.rows), inputOfSaved, budget / 4),
    ]),
    ...formulaBlockOps(cells, inputOfSaved, budget / 4),
    ...[...bySheet(snapshot.addedFormats)].flatMap(([sheet, rules]) => {
      const keys = new Set(rules.map((f) => ruleFormulaKey(f.formula)));
      return (loaded.conditionalFormats.get(sheet) ?? [])
        .filter((cf) => keys.has(ruleFormulaKey(cf.formula)))
        .map((cf) => deleteConditionalFormatOp(sheet, cf.id));
    }),
    ...snapshot.deletedFormats
      .filter((f) => present(f.sheet) && f.ranges.length)
      .map(addConditionalFormatOp),
    ...snapshot.validations
      .filter((v) => present(v.sheet))
      .map((v) => restoreValidationOp(v.sheet, v.ranges, v.previous)),
    ...(snapshot.styles ?? []).filter((s) => present(s.sheet)).map(restoreStyleOp),
    deleteSheetOp(undoSheet, stored.visibility),
    ...restoreNameOps(snapshot.names ?? [], definedNames, (refersTo) => {
      const sheet = markedSheet(refersTo);
      return sheet !== undefined && present(sheet) && !removed.has(sheet);
    }),
  ];
  const written = await whileAddinWrites(() => runWriteBatches(context, ops, budget));
  return {
    syncs: 1 + loaded.syncs + written.syncs,
    restoredCells: restoredCellCount({ ...snapshot, cells }),
  };
}

/** Saved widths, with the ones the sheet did not set left at Excel's default (8.43 characters). */
function widthsOf(widths: (number | null)[] | undefined): number[] | undefined {
  return widths?.map((w) => w ?? 8.43);
}
