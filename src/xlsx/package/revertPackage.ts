import { DomainError, sheetProtected } from "../../core/errors/domainError";
import { bySheet } from "../../core/plan/bySheet";
import { writtenCells } from "../../core/plan/cellBlocks";
import { a1, parseA1, parseArea } from "../../core/sheet/address";
import { RevertCheck, sheetsWrittenTo } from "../../core/snapshot/revertConflicts";
import {
  SavedCell,
  SavedRichText,
  SavedRun,
  sheetsToUndo,
  Snapshot,
  touchedSheets,
} from "../../core/snapshot/snapshot";
import { CellContent, contentOfSaved } from "./cellContent";
import { addRule, nextPriority, removeRulesWithFormulas } from "./conditionalFormats";
import { addSavedValidation, clearValidations } from "./dataValidations";
import { SheetEditor } from "./sheetEditor";
import { removeUndoSheet, storedSnapshot } from "./undoSheet";
import { sheetOfReference, sheetWithRole } from "./workbookFacts";
import { WorkbookEditor } from "./workbookEditor";

export interface PackageRevertOptions {
  /** The snapshot to undo, already read (else it is read from the workbook's undo sheet). */
  snapshot?: Snapshot;
  /**
   * What core's revertConflicts found on the workbook as it is now. Undo then writes only where it is safe: a cell
   * that conflicts is left as it is (with its style), and nothing is restored on a sheet that is gone; each sheet is
   * where `located` says. Without it, sheets are found by their undo markers, else by name, and every cell is
   * restored.
   */
  check?: RevertCheck;
}

export interface PackageRevertResult {
  /** When the undone run was made (ISO). */
  createdAt: string;
  restoredCells: number;
  skippedCells: number;
  /** Sheets the run had added, now removed. */
  removedSheets: string[];
  /** Sheets the run had rebuilt, now as they were. */
  restoredSheets: string[];
}

/**
 * Puts back in the package what the last run changed, from its snapshot, then removes the snapshot: undo goes
 * back one run. Sheets are found by the marker names the run left on them (they follow renames), else by
 * name. Nothing is changed if a sheet it would write to is protected. Restored cells keep their style and
 * hyperlink (the writer never touches either), and get back the rich text runs they had.
 */
export async function revertInPackage(
  ed: WorkbookEditor,
  options: PackageRevertOptions = {}
): Promise<PackageRevertResult> {
  const snapshot = options.snapshot ?? (await storedSnapshot(ed));
  if (!snapshot) throw new DomainError("nothing-to-revert");
  const undoEntry = sheetWithRole(ed.wb, "undo");

  const check = options.check;
  const located = check?.located ?? locateByMarkers(ed, snapshot);
  const gone = new Set([...located].filter(([, now]) => now === undefined).map(([was]) => was));
  const current = (name: string) => located.get(name) ?? name;
  const sheet = async (name: string) => (gone.has(name) ? undefined : ed.sheet(current(name)));
  const conflicting = new Set(
    (check?.conflicts ?? []).flatMap((c) => ("cell" in c ? [`${c.sheet}\u0000${c.cell}`] : []))
  );
  const skip = (name: string, row: number, col: number) =>
    gone.has(name) || conflicting.has(`${name}\u0000${a1(row, col)}`);

  const blocked: string[] = [];
  for (const name of touchedSheets(snapshot))
    if ((await sheet(name))?.isProtected()) blocked.push(current(name));
  if (blocked.length) throw sheetProtected(blocked);

  const { added, replaced } = sheetsToUndo(snapshot);
  const removedSheets: string[] = [];
  for (const name of added) {
    const entry = ed.wb.sheet(current(name));
    if (!entry) continue;
    await ed.removeSheet(entry);
    removedSheets.push(entry.name);
  }
  for (const saved of replaced) {
    const entry = ed.wb.sheet(current(saved.name));
    const ws = entry
      ? await ed.sheetOf(entry)
      : await ed.addSheet(saved.name, saved.visibility ?? "visible");
    if (!ws) continue;
    if (entry) {
      ws.empty();
      ed.wb.setState(ed.pkg, entry, saved.visibility ?? "visible");
    }
    ws.setLayout(saved.columnWidths, saved.freezeRows);
    saved.rows.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (cell !== null) ws.write(r + 1, c + 1, contentOfSaved(cell));
      })
    );
  }

  const rich = richTextByCell(snapshot.richText);
  let restored = 0;
  let skipped = 0;
  const skipRow = (name: string, row: number, area: { left: number; right: number }) => {
    for (let c = area.left; c <= area.right; c++) if (skip(name, row, c)) return true;
    return false;
  };
  for (const block of snapshot.cells) {
    const ws = await sheet(block.sheet);
    for (const { row, col, cell } of writtenCells(block)) {
      if (!ws) {
        if (gone.has(block.sheet)) skipped++;
        continue;
      }
      if (skip(block.sheet, row, col)) {
        skipped++;
        continue;
      }
      ws.write(row, col, restoredContent(cell, rich.get(`${block.sheet}\u0000${row}\u0000${col}`)));
      restored++;
    }
  }

  for (const a of snapshot.arrayFormulas ?? []) {
    // The shape check bounds the area (core/snapshot/snapshotShape).
    const area = parseArea(a.ref);
    if (
      [...Array(area.bottom - area.top + 1).keys()].some((i) =>
        skipRow(a.sheet, area.top + i, area)
      )
    )
      continue;
    (await sheet(a.sheet))?.rejoinArray(a.ref.toUpperCase(), a.formula);
  }

  for (const [name, rules] of bySheet(snapshot.addedFormats)) {
    const ws = await sheet(name);
    if (
      ws &&
      removeRulesWithFormulas(
        ws.worksheet,
        rules.map((f) => f.formula)
      )
    )
      ws.touch();
  }
  for (const [name, formats] of bySheet(snapshot.deletedFormats)) {
    const ws = await sheet(name);
    if (!ws) continue;
    const styles = await ed.styles();
    let priority = nextPriority(ws.worksheet);
    for (const f of formats)
      if (f.ranges.length)
        addRule(ws.worksheet, f.ranges, f.formula, styles.dxf(f.style), priority++);
    ws.touch();
  }

  for (const v of snapshot.validations) {
    const ws = await sheet(v.sheet);
    if (!ws) continue;
    clearValidations(ws.worksheet, v.ranges.map(parseArea));
    if (v.previous) addSavedValidation(ws.worksheet, v.previous, v.ranges);
    ws.touch();
  }

  if (snapshot.styles?.length) {
    const styles = await ed.styles();
    const styleIndex = new Map(
      (snapshot.styleIndexes ?? []).map((x) => [`${x.sheet}\u0000${x.cell}`, x.xf])
    );
    for (const s of snapshot.styles) {
      const ws: SheetEditor | undefined = await sheet(s.sheet);
      if (!ws) continue;
      const { row, col } = parseA1(s.cell);
      if (skip(s.sheet, row, col)) continue;
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      const { sheet: _s, cell: _c, ...change } = s;
      const xf = styleIndex.get(`${s.sheet}\u0000${s.cell}`);
      if (xf !== undefined && styles.hasProperties(xf, change)) ws.setStyleIndex(row, col, xf);
      else ws.style(row, col, change, styles);
    }
  }

  for (const n of snapshot.names ?? []) {
    if (n.previous !== undefined) ed.wb.setName(ed.pkg, n.name, n.previous);
    else ed.wb.removeName(ed.pkg, n.name);
  }
  await removeUndoSheet(ed, undoEntry);
  if (snapshot.emptyNameList) ed.wb.keepNameList(ed.pkg);

  return {
    createdAt: snapshot.createdAt,
    restoredCells: restored,
    skippedCells: skipped,
    removedSheets,
    restoredSheets: replaced.map((s) => current(s.name)),
  };
}

/** Undo of the package in `original`: the new bytes, and what was done. */
export async function revertPackage(
  original: Uint8Array,
  options: PackageRevertOptions = {}
): Promise<{ bytes: Uint8Array; result: PackageRevertResult }> {
  const ed = await WorkbookEditor.open(original);
  const result = await revertInPackage(ed, options);
  return { bytes: await ed.save(), result };
}

function restoredContent(saved: SavedCell, runs: SavedRun[] | undefined): CellContent {
  if (
    runs &&
    typeof saved === "object" &&
    "v" in saved &&
    saved.v === runs.map((r) => r.text).join("")
  )
    return { rich: runs };
  return contentOfSaved(saved);
}

function richTextByCell(list: SavedRichText[] | undefined): Map<string, SavedRun[]> {
  const out = new Map<string, SavedRun[]>();
  for (const x of list ?? []) {
    const { row, col } = parseA1(x.cell);
    out.set(`${x.sheet}\u0000${row}\u0000${col}`, x.runs);
  }
  return out;
}

/** Where each sheet the run wrote to is now, by its undo marker (a marker left as #REF!: gone), else by name. */
function locateByMarkers(ed: WorkbookEditor, snapshot: Snapshot): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const sheet of sheetsWrittenTo(snapshot)) {
    const marker = snapshot.sheetMarkers?.find((m) => m.sheet === sheet)?.marker;
    const named = marker ? ed.wb.globalName(marker) : undefined;
    const target = named ? sheetOfReference(named.refersTo) : sheet;
    out.set(sheet, target !== undefined ? ed.wb.sheet(target)?.name : undefined);
  }
  return out;
}
