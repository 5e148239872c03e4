import { CellBlock, columnBlocks, writtenCells } from "../../core/plan/cellBlocks";
import { WorkbookRead, WritePlan } from "../../core/port";
import { a1, parseArea } from "../../core/sheet/address";
import {
  SavedArrayFormula,
  SavedCell,
  SavedRichText,
  SavedSheet,
  savedSheet,
  SavedStyle,
  SavedStyleIndex,
  Snapshot,
  SNAPSHOT_FORMAT,
} from "../../core/snapshot/snapshot";
import { savedCellAt } from "./cellRead";
import { rulesWithFormulas } from "./conditionalFormats";
import { previousValidations } from "./dataValidations";
import { richRuns, stringElementOf } from "./sharedStrings";
import { SheetEditor } from "./sheetEditor";
import { WorkbookEditor } from "./workbookEditor";
import { attr, child, children } from "../xml";

/** What the snapshot records of the run itself (core/snapshot/runRecord). */
export type RunRecord = Pick<Snapshot, "written" | "sheetMarkers" | "names">;

/** The plan's writes on one sheet. */
export interface SheetPlan {
  ranges: WritePlan["ranges"];
  styles: WritePlan["styles"];
  conditionalFormats: WritePlan["conditionalFormats"];
  validations: WritePlan["validations"];
}

/** The plan's writes grouped by sheet, in the order the sheets first appear. */
export function planBySheet(plan: WritePlan): Map<string, SheetPlan> {
  const out = new Map<string, SheetPlan>();
  const of = (sheet: string) => {
    let p = out.get(sheet);
    if (!p)
      out.set(sheet, (p = { ranges: [], styles: [], conditionalFormats: [], validations: [] }));
    return p;
  };
  for (const r of plan.ranges) of(r.sheet).ranges.push(r);
  for (const s of plan.styles) of(s.sheet).styles.push(s);
  for (const c of plan.conditionalFormats) of(c.sheet).conditionalFormats.push(c);
  for (const v of plan.validations) of(v.sheet).validations.push(v);
  return out;
}

interface SheetPieces {
  cells: CellBlock<SavedCell>[];
  richText: SavedRichText[];
  arrayFormulas: SavedArrayFormula[];
  replaced?: SavedSheet;
  sheetStyles: SavedStyle[];
  deletedFormats: Snapshot["deletedFormats"];
  validations: Snapshot["validations"];
  plannedStyles: SavedStyle[];
  styleIndexes: SavedStyleIndex[];
}

/**
 * What applying `plan` will change, as it is in the package now, gathered sheet by sheet — each sheet recorded
 * just before it is changed, so a writer can edit and let go of one sheet at a time. Cells come from the parts
 * themselves (a shared formula's cells with their own formula, rich text with its runs); only the content of the
 * tool's own sheets about to be rebuilt comes from `read`, the read the plan was made from.
 */
export class SnapshotBuilder {
  private readonly grids: Map<string, WorkbookRead["sheets"][number]>;
  private readonly owned: Set<string>;
  private readonly parts: ReadonlyMap<string, SheetPlan>;
  private readonly blocks: Map<string, CellBlock[]>;
  /** Each written block's previous content, filled in as its sheet is recorded. */
  private readonly saved = new Map<CellBlock, CellBlock<SavedCell>>();
  private readonly pieces = new Map<string, SheetPieces>();
  private readonly addedSheets: string[];
  /** Read before the run sets its names. */
  private readonly emptyNameList: boolean;

  constructor(
    private readonly ed: WorkbookEditor,
    read: WorkbookRead,
    private readonly plan: WritePlan,
    /** The plan's writes on sheets it does not own, as core/plan/cellBlocks gives them (the record's `written` order). */
    private readonly allBlocks: CellBlock[],
    private readonly record: RunRecord,
    private readonly now: Date = new Date(),
    /** The plan by sheet, where the caller has it already. */
    parts: ReadonlyMap<string, SheetPlan> = planBySheet(plan)
  ) {
    this.grids = new Map(read.sheets.map((g) => [g.name, g]));
    this.emptyNameList = ed.wb.hasEmptyNameList();
    this.owned = new Set(plan.sheets.map((s) => s.name));
    this.parts = parts;
    this.blocks = new Map();
    for (const b of allBlocks) {
      const list = this.blocks.get(b.sheet) ?? [];
      this.blocks.set(b.sheet, list);
      list.push(b);
    }
    this.addedSheets = plan.sheets.filter((s) => !ed.wb.sheet(s.name)).map((s) => s.name);
  }

  /** Records what the plan will change on one sheet; call it before the sheet is changed. */
  async sheet(name: string): Promise<void> {
    if (this.pieces.has(name)) return;
    const pieces: SheetPieces = {
      cells: [],
      richText: [],
      arrayFormulas: [],
      sheetStyles: [],
      deletedFormats: [],
      validations: [],
      plannedStyles: [],
      styleIndexes: [],
    };
    this.pieces.set(name, pieces);
    const ws = await this.ed.sheet(name);
    const styles = await this.ed.styles();
    const part = this.parts.get(name);
    if (this.owned.has(name)) {
      const grid = this.grids.get(name);
      if (ws && grid) {
        const cols = grid.values.reduce((m, line) => Math.max(m, line.length), 0);
        pieces.replaced = { ...savedSheet(grid, ws.entry.index), ...layoutOf(ws, cols) };
        for (const r of ws.cells.rowNumbersPresent())
          for (const { col } of ws.cells.cellsOfRow(r)) {
            const full = styles.fullStyle(ws.styleOf(r, col));
            if (full) pieces.sheetStyles.push({ sheet: name, cell: a1(r, col), ...full });
          }
      }
    } else {
      const mine = this.blocks.get(name) ?? [];
      Object.assign(pieces, await previousCells(this.ed, mine));
      mine.forEach((b, i) => this.saved.set(b, pieces.cells[i]));
      if (ws && part?.validations.length)
        pieces.validations = previousValidations(
          ws.worksheet,
          name,
          part.validations.flatMap((v) => v.ranges.map(parseArea))
        );
      for (const s of ws ? (part?.styles ?? []) : []) {
        const a = parseArea(s.range);
        for (let r = a.top; r <= a.bottom; r++)
          for (let c = a.left; c <= a.right; c++) {
            const xf = ws!.styleOf(r, c);
            pieces.plannedStyles.push({
              sheet: name,
              cell: a1(r, c),
              ...styles.savedStyle(xf, s.style),
            });
            pieces.styleIndexes.push({ sheet: name, cell: a1(r, c), xf });
          }
      }
    }
    if (ws && part?.conditionalFormats.length)
      pieces.deletedFormats = rulesWithFormulas(
        ws.worksheet,
        part.conditionalFormats.map((c) => c.formula)
      ).map((found) => ({
        sheet: name,
        ranges: found.ranges,
        formula: found.formula,
        style: styles.dxfStyle(found.dxfId),
      }));
  }

  /** The snapshot, once every sheet the plan concerns has been recorded (those not yet are recorded now). */
  async build(): Promise<Snapshot> {
    for (const s of this.plan.sheets) await this.sheet(s.name);
    for (const name of this.parts.keys()) await this.sheet(name);
    const bySheetOf = <T>(names: Iterable<string>, pick: (p: SheetPieces) => T[]): T[] =>
      [...new Set(names)].flatMap((n) => pick(this.pieces.get(n)!));
    const blockSheets = [...this.blocks.keys()];
    const richText = bySheetOf(blockSheets, (p) => p.richText);
    const arrayFormulas = bySheetOf(blockSheets, (p) => p.arrayFormulas);
    const styleIndexes = bySheetOf(
      this.plan.styles.map((s) => s.sheet).filter((n) => !this.owned.has(n)),
      (p) => p.styleIndexes
    );
    return {
      format: SNAPSHOT_FORMAT,
      createdAt: this.now.toISOString(),
      cells: this.allBlocks.map((b) => this.saved.get(b)!),
      addedSheets: this.addedSheets,
      replacedSheets: this.plan.sheets
        .map((s) => this.pieces.get(s.name)!.replaced)
        .filter((r): r is SavedSheet => !!r),
      addedFormats: this.plan.conditionalFormats.map((c) => ({
        sheet: c.sheet,
        formula: c.formula,
      })),
      deletedFormats: bySheetOf(
        this.plan.conditionalFormats.map((c) => c.sheet),
        (p) => p.deletedFormats
      ),
      validations: bySheetOf(
        this.plan.validations.map((v) => v.sheet).filter((n) => !this.owned.has(n)),
        (p) => p.validations
      ),
      styles: [
        ...this.plan.sheets.flatMap((s) => this.pieces.get(s.name)!.sheetStyles),
        ...bySheetOf(
          this.plan.styles.map((s) => s.sheet).filter((n) => !this.owned.has(n)),
          (p) => p.plannedStyles
        ),
      ],
      ...this.record,
      ...(styleIndexes.length ? { styleIndexes } : {}),
      ...(this.emptyNameList ? { emptyNameList: true } : {}),
      ...(richText.length ? { richText } : {}),
      ...(arrayFormulas.length ? { arrayFormulas } : {}),
    };
  }
}

/** What applying `plan` will change, as it is in the package now (see SnapshotBuilder). */
export async function snapshotOfPackage(
  ed: WorkbookEditor,
  read: WorkbookRead,
  plan: WritePlan,
  record: RunRecord,
  now: Date = new Date()
): Promise<Snapshot> {
  const blocks = columnBlocks(plan.ranges, new Set(plan.sheets.map((s) => s.name)));
  return new SnapshotBuilder(ed, read, plan, blocks, record, now).build();
}

/** What the written cells hold now, block for block, and the rich text runs of those that have them. */
async function previousCells(
  ed: WorkbookEditor,
  blocks: CellBlock[]
): Promise<{
  cells: CellBlock<SavedCell>[];
  richText: SavedRichText[];
  arrayFormulas: SavedArrayFormula[];
}> {
  const cells: CellBlock<SavedCell>[] = [];
  const richText: SavedRichText[] = [];
  const arrays = new Map<string, SavedArrayFormula>();
  const strings = blocks.length ? await ed.strings.all() : [];
  for (const b of blocks) {
    const ws = await ed.sheet(b.sheet);
    const saved: (SavedCell | null)[] = b.cells.map(() => null);
    for (const { row, col } of writtenCells(b)) {
      saved[row - b.top] = ws ? savedCellAt(ws, row, col, strings) : "";
      const c = ws?.cells.cell(row, col);
      const si = c && stringElementOf(c, strings);
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
function layoutOf(
  ws: SheetEditor,
  usedCols: number
): Pick<SavedSheet, "columnWidths" | "freezeRows"> {
  const widths: (number | null)[] = [];
  // A `<col>` may run to column XFD: widths are kept up to where the sheet's content could use them.
  const limit = Math.max(256, usedCols);
  for (const cols of children(ws.worksheet, "cols"))
    for (const col of children(cols, "col")) {
      const min = Number(attr(col, "min"));
      const max = Math.min(Number(attr(col, "max")), limit);
      const width = Number(attr(col, "width"));
      if (!Number.isInteger(min) || !Number.isFinite(width) || width < 0 || width > 255) continue;
      for (let c = min; c <= max; c++) widths[c - 1] = width;
    }
  for (let i = 0; i < widths.length; i++) widths[i] ??= null;
  const views = child(ws.worksheet, "sheetViews");
  const view = views && child(views, "sheetView");
  const pane = view && child(view, "pane");
  const frozen =
    pane && /^frozen/.test(attr(pane, "state") ?? "") ? Number(attr(pane, "ySplit")) : 0;
  return {
    ...(widths.some((w) => w !== null) ? { columnWidths: widths } : {}),
    ...(Number.isInteger(frozen) && frozen > 0 ? { freezeRows: frozen } : {}),
  };
}
