import { formulaKey } from "../formula/formulaText";
import { markedSheet } from "../owned/ownedSheets";
import { sameDefinedName } from "../owned/names";
import { CellBlock, writtenCells } from "../plan/cellBlocks";
import { SheetGrid, WorkbookRead } from "../port";
import { a1 } from "../sheet/address";
import { cellAt, formulaAt } from "../sheet/grid";
import { SavedCell, savedCellOf, Snapshot } from "./snapshot";

/** Something undo would overwrite that the person has changed since the run, or a sheet it cannot find. */
export type RevertConflict =
  { sheet: string; cell: string; wrote: string; now: string } | { sheet: string; missing: true };

export interface RevertCheck {
  /** False for a snapshot made before runs kept what they wrote: nothing could be compared. */
  checked: boolean;
  conflicts: RevertConflict[];
  /**
   * The snapshot's `cells` that can be put back safely: on sheets found (under their current names), only cells
   * still holding what the run wrote. For an unchecked snapshot, every cell of a sheet found by name.
   */
  safeRestore: CellBlock<SavedCell>[];
  /** Where each sheet the run wrote to is now: its current name, or undefined if it is gone. */
  located: Map<string, string | undefined>;
}

/** The sheets a snapshot writes to that the run did not rebuild (unit sheets): those a person may have changed. */
export function sheetsWrittenTo(s: Snapshot): string[] {
  const owned = new Set([...s.addedSheets, ...s.replacedSheets.map((r) => r.name)]);
  const out: string[] = [];
  for (const sheet of [
    ...s.cells.map((b) => b.sheet),
    ...(s.styles ?? []).map((x) => x.sheet),
    ...s.addedFormats.map((f) => f.sheet),
    ...s.deletedFormats.map((f) => f.sheet),
    ...s.validations.map((v) => v.sheet),
  ])
    if (!owned.has(sheet) && !out.includes(sheet)) out.push(sheet);
  return out;
}

/**
 * Where each sheet the run wrote to is in `read`: by its undo marker where the snapshot has one and the workbook
 * still has it (so a renamed sheet is found), else by its name at the time of the run; undefined when gone.
 */
export function locateSheets(s: Snapshot, read: WorkbookRead): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  const byName = (name: string | undefined) =>
    name === undefined ? undefined : read.sheets.find((g) => g.name === name)?.name;
  for (const sheet of sheetsWrittenTo(s)) {
    const marker = s.sheetMarkers?.find((m) => m.sheet === sheet)?.marker;
    const named = marker
      ? read.names?.find((n) => n.sheet === undefined && sameDefinedName(n.name, marker))
      : undefined;
    // A marker left as "#REF!" means its sheet was deleted; without a marker the name at the time is all there is.
    const target = named ? markedSheet(named.refersTo) : sheet;
    out.set(sheet, target === undefined ? undefined : byName(target));
  }
  return out;
}

/** A cell's content as a person reads it: "=SUM(E5:E9)", "1.5", "#REF!", "" for empty. */
export function cellShown(c: SavedCell): string {
  if (c === "") return "";
  if ("f" in c) return "=" + c.f;
  if ("e" in c) return c.e;
  return String(c.v);
}

function sameContent(wrote: SavedCell, now: SavedCell): boolean {
  if (wrote === "" || now === "") return wrote === now;
  if ("f" in wrote || "f" in now)
    return "f" in wrote && "f" in now && formulaKey(wrote.f) === formulaKey(now.f);
  if ("e" in wrote || "e" in now) return "e" in wrote && "e" in now && wrote.e === now.e;
  return wrote.v === now.v;
}

/**
 * What undo would overwrite that is no longer what the run wrote, given the workbook as it is now. A written cell
 * conflicts where it holds anything else (formulas compared by formulaKey, values exactly); a sheet the run wrote
 * to conflicts where it cannot be found. A snapshot without `written` cannot be checked (`checked: false`): undo
 * then restores by name, as it always did.
 */
export function revertConflicts(s: Snapshot, read: WorkbookRead): RevertCheck {
  const located = locateSheets(s, read);
  const grids = new Map(read.sheets.map((g) => [g.name, g]));
  const gridOf = (sheet: string): SheetGrid | undefined => {
    const now = located.has(sheet) ? located.get(sheet) : sheet;
    return now === undefined ? undefined : grids.get(now);
  };
  if (!s.written) {
    const safeRestore = s.cells
      .filter((b) => grids.has(b.sheet))
      .map((b) => ({ ...b, cells: [...b.cells] }));
    return { checked: false, conflicts: [], safeRestore, located };
  }
  const conflicts: RevertConflict[] = [];
  for (const [sheet, now] of located)
    if (now === undefined) conflicts.push({ sheet, missing: true });
  const safeRestore: CellBlock<SavedCell>[] = [];
  s.cells.forEach((block, i) => {
    const grid = gridOf(block.sheet);
    if (!grid) return;
    const wroteBlock = s.written![i];
    const safe: (SavedCell | null)[] = block.cells.map(() => null);
    for (const { row, col, cell } of writtenCells(block)) {
      const wrote = wroteBlock.cells[row - block.top] ?? "";
      const now = savedCellOf(cellAt(grid, row, col), formulaAt(grid, row, col));
      if (sameContent(wrote, now)) safe[row - block.top] = cell;
      else
        conflicts.push({
          sheet: block.sheet,
          cell: a1(row, col),
          wrote: cellShown(wrote),
          now: cellShown(now),
        });
    }
    if (safe.some((c) => c !== null)) safeRestore.push({ ...block, sheet: grid.name, cells: safe });
  });
  return { checked: true, conflicts, safeRestore, located };
}
