import { bySheet } from "../../core/plan/bySheet";
import { CellBlock, columnBlocks, writtenCells } from "../../core/plan/cellBlocks";
import { CellWrite, WorkbookRead, WritePlan } from "../../core/port";
import { a1, parseArea } from "../../core/sheet/address";
import {
  SavedCell,
  SavedSheet,
  savedSheet,
  SavedStyle,
  Snapshot,
  SNAPSHOT_FORMAT,
} from "../../core/snapshot/snapshot";
import { RichRun } from "./cellContent";
import { savedCellAt } from "./cellRead";
import { rulesWithFormulas } from "./conditionalFormats";
import { previousValidations } from "./dataValidations";
import { richRuns, stringOfCell } from "./sharedStrings";
import { SheetEditor } from "./sheetEditor";
import { sheetOfReference } from "./workbookFacts";
import { WorkbookEditor } from "./workbookEditor";
import { child, children } from "./xml";

/** A cell that held rich text before the run wrote it: undo puts the runs back. */
export interface RichTextCell {
  sheet: string;
  cell: string;
  runs: RichRun[];
}

/**
 * The shared snapshot (core/snapshot) plus what only a package can tell: the rich text runs of written cells.
 * (`richText` and `arrayFormulas` are fields added to the format; the Excel adapter ignores them.)
 */
export type PackageSnapshot = Snapshot & { richText?: RichTextCell[]; arrayFormulas?: ArrayFormula[] };

/** A multi-cell array formula a written cell lay in: the run gave its other cells their own; undo joins them back. */
export interface ArrayFormula {
  sheet: string;
  ref: string;
  formula: string;
}

/** The marker names a run sets on the sheets it writes to, so undo finds them after a rename. */
const UNDO_SHEET_MARKER = /^_cchc\.undo\.\d+$/i;

export function savedOfWrite(w: CellWrite): SavedCell {
  if ("formula" in w) return { f: w.formula.replace(/^=/, "") };
  return w.value === null ? "" : { v: w.value };
}

/**
 * What applying `plan` will change, as it is in the package now (built before the plan is applied). Cells come
 * from the parts themselves (a shared formula's cells with their own formula, rich text with its runs); only the
 * content of the tool's own sheets about to be rebuilt comes from `read`, the read the plan was made from.
 */
export async function snapshotOfPackage(
  ed: WorkbookEditor,
  read: WorkbookRead,
  plan: WritePlan,
  now: Date = new Date()
): Promise<PackageSnapshot> {
  const grids = new Map(read.sheets.map((g) => [g.name, g]));
  const owned = new Set(plan.sheets.map((s) => s.name));
  const blocks = columnBlocks(plan.ranges, owned);
  const styles = await ed.styles();
  const sheet = (name: string) => ed.sheet(name);

  const replacedSheets: SavedSheet[] = [];
  const sheetStyles: SavedStyle[] = [];
  for (const s of plan.sheets) {
    const entry = ed.wb.sheet(s.name);
    const grid = grids.get(s.name);
    const ws = entry && grid ? await ed.sheetOf(entry) : undefined;
    if (!entry || !grid || !ws) continue;
    replacedSheets.push({ ...savedSheet(grid, entry.index), ...layoutOf(ws, grid.values.reduce((m, line) => Math.max(m, line.length), 0)) });
    for (const r of ws.cells.rowNumbersPresent())
      for (const { col } of ws.cells.cellsOfRow(r)) {
        const full = styles.fullStyle(ws.styleOf(r, col));
        if (full) sheetStyles.push({ sheet: s.name, cell: a1(r, col), ...full });
      }
  }

  const deletedFormats: Snapshot["deletedFormats"] = [];
  for (const [name, cfs] of bySheet(plan.conditionalFormats)) {
    const ws = await sheet(name);
    if (!ws) continue;
    for (const found of rulesWithFormulas(
      ws.worksheet,
      cfs.map((c) => c.formula)
    ))
      deletedFormats.push({
        sheet: name,
        ranges: found.ranges,
        formula: found.formula,
        style: styles.dxfStyle(found.dxfId),
      });
  }

  const validations: Snapshot["validations"] = [];
  for (const [name, vs] of bySheet(plan.validations)) {
    if (owned.has(name)) continue;
    const ws = await sheet(name);
    if (ws)
      validations.push(
        ...previousValidations(
          ws.worksheet,
          name,
          vs.flatMap((v) => v.ranges.map(parseArea))
        )
      );
  }

  const plannedStyles: SavedStyle[] = [];
  for (const s of plan.styles) {
    if (owned.has(s.sheet)) continue;
    const ws = await sheet(s.sheet);
    if (!ws) continue;
    const a = parseArea(s.range);
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++)
        plannedStyles.push({ sheet: s.sheet, cell: a1(r, c), ...styles.savedStyle(ws.styleOf(r, c), s.style) });
  }

  const { cells, richText, arrayFormulas } = await previousCells(ed, blocks);
  const names = (plan.names ?? []).map((n) => {
    const previous = ed.wb.globalName(n.name)?.refersTo;
    return { name: n.name, ...(previous !== undefined ? { previous } : {}) };
  });
  const sheetMarkers = (plan.names ?? [])
    .filter((n) => UNDO_SHEET_MARKER.test(n.name))
    .map((n) => ({ sheet: sheetOfReference(n.refersTo), marker: n.name }))
    .filter((m): m is { sheet: string; marker: string } => m.sheet !== undefined);

  return {
    format: SNAPSHOT_FORMAT,
    createdAt: now.toISOString(),
    cells,
    addedSheets: plan.sheets.filter((s) => !ed.wb.sheet(s.name)).map((s) => s.name),
    replacedSheets,
    addedFormats: plan.conditionalFormats.map((c) => ({ sheet: c.sheet, formula: c.formula })),
    deletedFormats,
    validations,
    styles: [...sheetStyles, ...plannedStyles],
    written: blocks.map((b) => ({ ...b, cells: b.cells.map((c) => (c === null ? null : savedOfWrite(c))) })),
    ...(sheetMarkers.length ? { sheetMarkers } : {}),
    ...(names.length ? { names } : {}),
    ...(richText.length ? { richText } : {}),
    ...(arrayFormulas.length ? { arrayFormulas } : {}),
  };
}

/** What the written cells hold now, block for block, and the rich text runs of those that have them. */
async function previousCells(
  ed: WorkbookEditor,
  blocks: CellBlock[]
): Promise<{ cells: CellBlock<SavedCell>[]; richText: RichTextCell[]; arrayFormulas: ArrayFormula[] }> {
  const cells: CellBlock<SavedCell>[] = [];
  const richText: RichTextCell[] = [];
  const arrays = new Map<string, ArrayFormula>();
  for (const b of blocks) {
    const ws = await ed.sheet(b.sheet);
    const saved: (SavedCell | null)[] = b.cells.map(() => null);
    for (const { row, col } of writtenCells(b)) {
      saved[row - b.top] = ws ? await savedCellAt(ws, row, col, ed.strings) : "";
      const c = ws?.cells.cell(row, col);
      const si = c && (await stringOfCell(c, ed.strings));
      const runs = si && richRuns(si);
      if (runs) richText.push({ sheet: b.sheet, cell: a1(row, col), runs });
      const array = ws?.arrayAt(row, col);
      if (array) arrays.set(`${b.sheet}\u0000${array.ref}`, { sheet: b.sheet, ...array });
    }
    cells.push({ sheet: b.sheet, col: b.col, top: b.top, cells: saved });
  }
  return { cells, richText, arrayFormulas: [...arrays.values()] };
}

/** Column widths and frozen rows of a sheet about to be rebuilt. */
function layoutOf(ws: SheetEditor, usedCols: number): Pick<SavedSheet, "columnWidths" | "freezeRows"> {
  const widths: (number | null)[] = [];
  // A `<col>` may run to column XFD: widths are kept up to where the sheet's content could use them.
  const limit = Math.max(256, usedCols);
  for (const cols of children(ws.worksheet, "cols"))
    for (const col of children(cols, "col")) {
      const min = Number(col.getAttribute("min"));
      const max = Math.min(Number(col.getAttribute("max")), limit);
      const width = Number(col.getAttribute("width"));
      if (!Number.isInteger(min) || !Number.isFinite(width) || width < 0 || width > 255) continue;
      for (let c = min; c <= max; c++) widths[c - 1] = width;
    }
  for (let i = 0; i < widths.length; i++) widths[i] ??= null;
  const views = child(ws.worksheet, "sheetViews");
  const view = views && child(views, "sheetView");
  const pane = view && child(view, "pane");
  const frozen = pane && /^frozen/.test(pane.getAttribute("state") ?? "") ? Number(pane.getAttribute("ySplit")) : 0;
  return {
    ...(widths.some((w) => w !== null) ? { columnWidths: widths } : {}),
    ...(Number.isInteger(frozen) && frozen > 0 ? { freezeRows: frozen } : {}),
  };
}

