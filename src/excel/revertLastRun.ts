import { bySheet } from "../core/plan/bySheet";
import { withDependentSheets } from "./calculationOrder";
import { ruleFormulaKey } from "../core/plan/ruleFormula";
import { blocksFromRows, CellBlock } from "../core/plan/cellBlocks";
import { DefinedName, SheetGrid } from "../core/port";
import { inputOfSaved } from "./cellCodec";
import { formulaBlockOps } from "./cellOps";
import { addConditionalFormatOp, deleteConditionalFormatsOps } from "./conditionalFormatOps";
import { sheetProtected } from "../core/errors/domainError";
import { markedSheet, ownedSheets } from "../core/owned/ownedSheets";
import { sameDefinedName, sheetMarkerName } from "../core/owned/names";
import { restoreNameOps } from "./nameOps";
import { ownNames } from "./readWorkbook";
import { LoadedContents, loadSheetContents } from "./loadSheetContents";
import { DEFAULT_PAYLOAD_BUDGET } from "./payload";
import { readWrittenCells, WrittenBlockRead } from "./readWrittenCells";
import { EXCEL_API, requireExcelApi } from "./requirements";
import { addSheetOp, clearSheetOp, deleteSheetOp } from "./sheetOps";
import { loadStructureProtection, refuseStructureChanges } from "./structureProtection";
import { SUMMARY_CHART } from "./summaryChart";
import { decodeSnapshot } from "./snapshot";
import { emptySnapshotSheetOp } from "./snapshotSheet";
import {
  locateSheets,
  RevertCheck,
  RevertConflict,
  sheetsWrittenTo,
} from "../core/snapshot/revertConflicts";
import { StoredRun } from "../core/usecases/workbookPort";
import { SavedCell, Snapshot, sheetsToUndo, touchedSheets } from "../core/snapshot/snapshot";
import { ExcelNotice, formatsLeftAlone, sheetsLeftAlone } from "./notices";
import { restoreStyleOp } from "./styleSnapshot";
import { restoreValidationOp } from "./validationOps";
import { runWriteBatches, WriteOp } from "./writeBatches";
import { whileAddinWrites } from "./writeGuard";

export type { RevertConflict };

/** What undo puts back and what it could not, for the person. */
export interface ExcelReverted {
  /** Round trips of the whole undo, the reads before it included. */
  syncs: number;
  restoredCells: number;
  /** What the undo could not do, for the person (conditional formats Excel could not read, sheets changed). */
  notices: ExcelNotice[];
}

interface ListedSheet {
  name: string;
  visibility: "visible" | "hidden" | "veryHidden";
  protected: boolean;
}

/** The last run as loaded from the workbook, with what the undo that follows needs of the first round trips. */
export interface LoadedRun extends StoredRun {
  syncs: number;
  budget: number;
  sheets: Map<string, ListedSheet>;
  listed: SheetGrid[];
  definedNames: DefinedName[];
  structureProtected: boolean;
  undoSheet: string;
  loaded: LoadedContents;
}

/**
 * The last run's snapshot, from the undo sheet found by its marker (which follows renames in Excel) or, in older
 * workbooks, the veryHidden "cchc_hoan_tac"; and the workbook now as far as undo compares it: the sheet list and
 * names, and only the cells the run wrote (core's revertConflicts). Undefined when there is nothing to undo.
 *
 * Round trips: the sheet list with the names and the structure protection; the undo sheet with the other
 * sheets' conditional formats and charts (kept for the undo); the cells the run wrote (a snapshot without them
 * skips this).
 */
export async function loadLastRun(
  context: Excel.RequestContext,
  budget = DEFAULT_PAYLOAD_BUDGET
): Promise<LoadedRun | undefined> {
  requireExcelApi(EXCEL_API.rangeAreas);
  const list = context.workbook.worksheets.load(
    "items/name,items/visibility,items/protection/protected"
  );
  const structure = loadStructureProtection(context);
  const namedItems = context.workbook.names.load("items/name,items/formula");
  await context.sync();
  const structureProtected = structure?.protected ?? false;
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
  const listed: SheetGrid[] = [...sheets.values()].map((s) => ({
    name: s.name,
    values: [],
    visibility: s.visibility,
  }));
  const undoSheet = ownedSheets({ sheets: listed, names: definedNames }).get("undo");
  if (undoSheet === undefined || !sheets.has(undoSheet)) return undefined;
  const others = [...sheets.keys()].filter((n) => n !== undoSheet);
  const loaded = await loadSheetContents(context, {
    names: [undoSheet],
    merges: false,
    conditionalFormatsOf: others,
    chartsOf: others,
    budget,
  });
  const columnA = (loaded.contents.get(undoSheet)?.values ?? []).map((row) => row[0]);
  // An undo sheet emptied by the last undo: nothing left to undo.
  if (columnA.every((v) => v === null || v === "")) return undefined;
  const snapshot = decodeSnapshot(columnA);

  // What the person has changed since the run, read in as few syncs as the payload allows.
  const located = locateSheets(snapshot, { sheets: listed, names: definedNames });
  const written = await readWrittenCells(context, writtenReads(snapshot, located), budget);
  return {
    snapshot,
    now: { sheets: listed.map((g) => written.grids.get(g.name) ?? g), names: definedNames },
    syncs: 1 + loaded.syncs + written.syncs,
    budget,
    sheets,
    listed,
    definedNames,
    structureProtected,
    undoSheet,
    loaded,
  };
}

/**
 * Puts back what the last run changed, as `check` (core's revertConflicts over `run.now`) allows: with
 * conflicts (the person asked to restore what is safe) only the cells still as the run left them are put back,
 * and on a sheet that changed its validations, styles and the rules the run replaced are left too (they are
 * kept by position, which the person's change may have moved); the run's own rules are removed wherever they
 * are found by formula.
 *
 * Owned sheets (the summary, the data sheet) are rebuilt or removed as before. The undo sheet is emptied in
 * place, its marker kept — so undo works under workbook structure protection — unless the run added it: then
 * it goes, with its marker, and the workbook is as before the run.
 *
 * Round trips: the formulas of the person's own sheets (where there are any); then the write batches and one
 * recalculation: the sheets written, then the person's sheets that read them (calculationOrder.ts).
 */
export async function revertLoadedRun(
  context: Excel.RequestContext,
  run: LoadedRun,
  check: RevertCheck
): Promise<ExcelReverted> {
  const { snapshot, sheets, listed, definedNames, undoSheet, loaded, budget } = run;
  const { structureProtected } = run;
  const stored = sheets.get(undoSheet)!;
  let syncs = run.syncs;
  // Each sheet the snapshot names, where it is now: unit sheets as located, the others by name.
  const now = (sheet: string): string | undefined =>
    check.located.has(sheet) ? check.located.get(sheet) : sheets.has(sheet) ? sheet : undefined;
  const changedSheets = new Set(
    check.conflicts.filter((c) => !("missing" in c)).map((c) => c.sheet)
  );
  // Where the sheet changed, things kept by position are left as they are.
  const byPosition = (sheet: string) => now(sheet) !== undefined && !changedSheets.has(sheet);

  const blocked = [...touchedSheets(snapshot)]
    .map(now)
    .filter((n): n is string => n !== undefined && sheets.get(n)!.protected);
  if (blocked.length) throw sheetProtected([...new Set(blocked)]);

  const present = (name: string) => sheets.has(name);
  // Where Excel cannot read a sheet's rules, the run's cannot be told apart: that sheet's rules stay as they are.
  const unreadable = new Set(loaded.unreadableFormats);
  const formatsLeft = [
    ...new Set(
      [...snapshot.addedFormats, ...snapshot.deletedFormats]
        .map((f) => now(f.sheet))
        .filter((s): s is string => s !== undefined && unreadable.has(s))
    ),
  ];
  const readable = (sheet: string) => !unreadable.has(now(sheet) ?? sheet);
  const cells: CellBlock<SavedCell>[] = check.safeRestore.filter((b) => b.sheet !== undoSheet);
  const { added, replaced } = sheetsToUndo(snapshot, undoSheet);
  const undoMarker = sheetMarkerName("undo");
  // The run added the undo sheet where its marker did not exist before it (or an older run's, without one).
  const undoAddedByRun = (snapshot.names ?? []).some(
    (n) => sameDefinedName(n.name, undoMarker) && n.previous === undefined
  );
  const removeUndoSheet = undoAddedByRun && !structureProtected;
  const removed = new Set([...added, ...(removeUndoSheet ? [undoSheet] : [])]);
  const ops: WriteOp[] = [
    ...added.filter(present).map((n) => deleteSheetOp(n, sheets.get(n)!.visibility)),
    // A sheet the run rebuilt is emptied in place, not deleted: formulas elsewhere that read it stay whole.
    ...replaced.flatMap((s) => [
      present(s.name)
        ? clearSheetOp(
            {
              name: s.name,
              // Shown or hidden again only where that changed: setting it is structural.
              ...(sheets.get(s.name)!.visibility !== s.visibility
                ? { visibility: s.visibility }
                : {}),
              columnWidths: widthsOf(s.columnWidths),
            },
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
    ...[...bySheet(snapshot.addedFormats.filter((f) => now(f.sheet) && readable(f.sheet)))].flatMap(
      ([sheet, rules]) => {
        const keys = new Set(rules.map((f) => ruleFormulaKey(f.formula)));
        const at = now(sheet)!;
        return deleteConditionalFormatsOps(
          at,
          (loaded.conditionalFormats.get(at) ?? [])
            .filter((cf) => keys.has(ruleFormulaKey(cf.formula)))
            .map((cf) => cf.id)
        );
      }
    ),
    ...snapshot.deletedFormats
      .filter((f) => byPosition(f.sheet) && readable(f.sheet) && f.ranges.length)
      .map((f) => addConditionalFormatOp({ ...f, sheet: now(f.sheet)! })),
    ...snapshot.validations
      .filter((v) => byPosition(v.sheet))
      .map((v) => restoreValidationOp(now(v.sheet)!, v.ranges, v.previous)),
    ...(snapshot.styles ?? [])
      .filter((s) => byPosition(s.sheet))
      .map((s) => restoreStyleOp({ ...s, sheet: now(s.sheet)! })),
    removeUndoSheet ? deleteSheetOp(undoSheet, stored.visibility) : emptySnapshotSheetOp(undoSheet),
    ...restoreNameOps(
      // A kept undo sheet keeps its marker.
      (snapshot.names ?? []).filter((n) => removeUndoSheet || !sameDefinedName(n.name, undoMarker)),
      definedNames,
      (refersTo) => {
        const sheet = markedSheet(refersTo);
        return sheet !== undefined && present(sheet) && !removed.has(sheet);
      }
    ),
  ];
  refuseStructureChanges(structureProtected, ops);
  // The person's own sheets (neither written by the run nor the tool's), read for their formulas: those reading
  // what undo puts back are recalculated after it (Worksheet.calculate promises its own sheet only; see
  // calculationOrder.ts for what this covers). One more round trip, only where the person has such sheets.
  const theirs = await readTheirSheets(context, [...sheets.keys()], {
    snapshot,
    located: check.located,
    owned: ownedSheets({ sheets: listed, names: definedNames }),
    budget,
  });
  syncs += theirs.syncs;
  // Cells put back on the unit sheets first, then the owned sheets rebuilt from the snapshot (they read them),
  // then the person's sheets that read any of them.
  const calculate = withDependentSheets(
    [...cells.map((b) => b.sheet), ...replaced.map((s) => s.name)],
    theirs.grids
  );
  const writes = await whileAddinWrites(() => runWriteBatches(context, ops, budget, calculate));
  syncs += writes.syncs;
  const leftSheets = sheetsWrittenTo(snapshot)
    .filter((s) => changedSheets.has(s) && now(s) !== undefined)
    .map((s) => now(s)!);
  return {
    syncs,
    restoredCells: cells.reduce((n, b) => n + b.cells.filter((c) => c !== null).length, 0),
    notices: [
      ...formatsLeftAlone("formats-not-reverted", formatsLeft),
      ...sheetsLeftAlone(leftSheets),
    ],
  };
}

/** The formulas of the sheets that are neither the run's (written, added, rebuilt) nor the tool's. */
async function readTheirSheets(
  context: Excel.RequestContext,
  names: string[],
  about: {
    snapshot: Snapshot;
    located: Map<string, string | undefined>;
    owned: Map<string, string>;
    budget: number;
  }
): Promise<{ grids: SheetGrid[]; syncs: number }> {
  const { snapshot, located } = about;
  const runs = new Set<string>([...about.owned.values(), ...snapshot.addedSheets]);
  for (const s of snapshot.replacedSheets) runs.add(s.name);
  for (const s of touchedSheets(snapshot)) {
    runs.add(s);
    const now = located.get(s);
    if (now !== undefined) runs.add(now);
  }
  const theirs = names.filter((n) => !runs.has(n));
  if (!theirs.length) return { grids: [], syncs: 0 };
  const loaded = await loadSheetContents(context, {
    names: theirs,
    merges: false,
    conditionalFormatsOf: [],
    chartsOf: [],
    budget: about.budget,
  });
  const grids = theirs.map((name) => ({
    name,
    values: [],
    formulas: loaded.contents.get(name)?.formulas ?? [],
  }));
  return { grids, syncs: loaded.syncs };
}

/** The blocks the run wrote, on the sheets found; none for a snapshot that did not keep them. */
function writtenReads(
  snapshot: Snapshot,
  located: Map<string, string | undefined>
): WrittenBlockRead[] {
  if (!snapshot.written) return [];
  return snapshot.written.flatMap((block) => {
    const at = located.has(block.sheet) ? located.get(block.sheet) : block.sheet;
    return at === undefined ? [] : [{ sheet: at, block }];
  });
}

/** Saved widths, with the ones the sheet did not set left at Excel's default (8.43 characters). */
function widthsOf(widths: (number | null)[] | undefined): number[] | undefined {
  return widths?.map((w) => w ?? 8.43);
}
