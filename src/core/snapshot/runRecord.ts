import { markerFormula } from "../owned/ownedSheets";
import { sameDefinedName, undoMarkerName } from "../owned/names";
import { CellBlock } from "../plan/cellBlocks";
import { CellWrite, DefinedName, NameWrite, WorkbookRead, WritePlan } from "../port";
import { SavedCell } from "./snapshot";

/**
 * What the snapshot records about the run itself, beside what it overwrote: the cells it wrote, the sheets it
 * wrote to (each with a marker name that follows the sheet through renames) and the names it set. Undo compares
 * these with the workbook as it is by then (core/snapshot/revertConflicts).
 */

/** A written cell as the snapshot keeps it: a formula, a constant, or "" for a cell emptied. */
export function savedWrite(cell: CellWrite): SavedCell {
  if ("formula" in cell) return { f: cell.formula };
  return cell.value === null ? "" : { v: cell.value };
}

/** `blocks` as the run writes them, block for block (the snapshot's `written`, parallel to its `cells`). */
export function savedWrites(blocks: CellBlock<CellWrite>[]): CellBlock<SavedCell>[] {
  return blocks.map((b) => ({
    sheet: b.sheet,
    col: b.col,
    top: b.top,
    cells: b.cells.map((c) => (c === null ? null : savedWrite(c))),
  }));
}

/**
 * The sheets a run writes to that it does not rebuild (unit sheets), in the order the plan first names them,
 * each with its undo marker "_cchc.undo.<n>" → its A1; and the names that set those markers (the adapters add
 * them to what they write).
 */
export function undoSheetMarkers(plan: WritePlan): {
  markers: { sheet: string; marker: string }[];
  names: NameWrite[];
} {
  const owned = new Set(plan.sheets.map((s) => s.name));
  const sheets = new Set<string>();
  for (const sheet of [
    ...plan.ranges.map((r) => r.sheet),
    ...plan.styles.map((s) => s.sheet),
    ...plan.conditionalFormats.map((c) => c.sheet),
    ...plan.validations.map((v) => v.sheet),
  ])
    if (!owned.has(sheet)) sheets.add(sheet);
  const markers = [...sheets].map((sheet, i) => ({ sheet, marker: undoMarkerName(i + 1) }));
  return {
    markers,
    names: markers.map((m) => ({ name: m.marker, refersTo: markerFormula(m.sheet) })),
  };
}

/** Each name a run sets, with what it referred to before (absent: it did not exist). */
export function previousNames(
  names: NameWrite[],
  existing: DefinedName[] | undefined
): { name: string; previous?: string }[] {
  const seen = new Set<string>();
  const out: { name: string; previous?: string }[] = [];
  for (const n of names) {
    if (seen.has(n.name.toUpperCase())) continue;
    seen.add(n.name.toUpperCase());
    const before = existing?.find((e) => e.sheet === undefined && sameDefinedName(e.name, n.name));
    out.push(before ? { name: n.name, previous: before.refersTo } : { name: n.name });
  }
  return out;
}

/** What a run's snapshot records beside the overwritten content, for a plan applied to `read`. */
export function runRecord(
  read: WorkbookRead,
  plan: WritePlan,
  blocks: CellBlock<CellWrite>[],
  extraNames: NameWrite[] = []
): {
  written: CellBlock<SavedCell>[];
  sheetMarkers: { sheet: string; marker: string }[];
  names: { name: string; previous?: string }[];
  /** Every name to set: the plan's, the undo markers and `extraNames` (the undo sheet's own marker). */
  nameWrites: NameWrite[];
} {
  const undo = undoSheetMarkers(plan);
  const nameWrites = [...plan.names, ...undo.names, ...extraNames];
  return {
    written: savedWrites(blocks),
    sheetMarkers: undo.markers,
    names: previousNames(nameWrites, read.names),
    nameWrites,
  };
}
