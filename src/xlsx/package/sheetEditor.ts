import { a1 } from "../../core/sheet/address";
import { ChangedCells, cellChanged } from "./calcChain";
import { CellContent, setCellContent } from "./cellContent";
import { FormulaGroups } from "./formulaGroups";
import { SheetCells } from "./sheetCells";
import { StyleChange, Stylesheet } from "./stylesheet";
import { SheetEntry } from "./workbookPart";
import { WORKSHEET_ORDER } from "./worksheetOrder";
import {
  appendNew,
  child,
  children,
  createLike,
  ensureChild,
  flag,
  insertInOrder,
  remove,
  removeAttr,
  root,
  setAttr,
  setAttrs,
  attr,
  attrNames,
  type Document,
  type Element,
} from "../xml";
import { XlsxPackage } from "./zipPackage";

/** CT_SheetView's children (§18.3.1.87). */
const SHEET_VIEW_ORDER = ["pane", "selection", "pivotSelection", "extLst"] as const;

/**
 * One worksheet part being edited: its cells (written and styled through here, so shared and array formulas are
 * taken apart first and the calculation chain learns which cells changed), and its layout when it is one of the
 * tool's own sheets.
 */
export class SheetEditor {
  readonly cells: SheetCells;
  private readonly groups: FormulaGroups;
  private emptied = false;
  private touched = false;

  constructor(
    private readonly pkg: XlsxPackage,
    readonly entry: SheetEntry,
    readonly path: string,
    readonly doc: Document,
    private readonly changed: ChangedCells
  ) {
    this.cells = new SheetCells(doc);
    this.groups = new FormulaGroups(this.cells);
  }

  get worksheet(): Element {
    return root(this.doc);
  }

  /** The part will be written back (told to the package once: an editor lasts until its part is written). */
  touch(): void {
    if (this.touched) return;
    this.touched = true;
    this.pkg.edited(this.path);
  }

  write(row: number, col: number, content: CellContent): void {
    for (const other of this.groups.detach(row, col))
      cellChanged(this.changed, this.entry.sheetId, other);
    const c = this.cells.ensureCell(row, col);
    setCellContent(c, content);
    if (this.changed.tracked) cellChanged(this.changed, this.entry.sheetId, a1(row, col));
    this.touch();
    // An empty cell with nothing of its own (no style) need not be there: undo leaves no trace of it.
    if (c.children.length === 0 && attrNames(c).length === 1) this.cells.removeCell(row, col);
  }

  /** The formula in a cell (without "="), a shared formula's other cells included. */
  formulaAt(row: number, col: number): string | undefined {
    const c = this.cells.cell(row, col);
    return c ? this.groups.formulaOf(c) : undefined;
  }

  /** The multi-cell array formula a cell lies in (area and formula), if any. */
  arrayAt(row: number, col: number): { ref: string; formula: string } | undefined {
    return this.groups.arrayAt(row, col);
  }

  /** Puts back an array formula over its whole area after undo restored its cells. */
  rejoinArray(ref: string, formula: string): boolean {
    const done = this.groups.rejoinArray(ref, formula);
    if (done) this.touch();
    return done;
  }

  /** The cell's style index (`s`, 0 when absent). */
  styleOf(row: number, col: number): number {
    const cell = this.cells.cell(row, col);
    const s = Number(cell && attr(cell, "s"));
    return Number.isInteger(s) && s >= 0 ? s : 0;
  }

  style(row: number, col: number, change: StyleChange, styles: Stylesheet): void {
    this.setStyleIndex(row, col, styles.derive(this.styleOf(row, col), change));
  }

  /** Sets the cell's style index; a cell left with nothing of its own goes (undo leaves no trace of it). */
  setStyleIndex(row: number, col: number, xf: number): void {
    const c = this.cells.ensureCell(row, col);
    if (xf === 0) removeAttr(c, "s");
    else setAttr(c, "s", xf);
    this.touch();
    if (c.children.length === 0 && attrNames(c).length === 1) this.cells.removeCell(row, col);
  }

  /** `<sheetProtection sheet="1">`: a protected sheet takes no writes. */
  isProtected(): boolean {
    const p = child(this.worksheet, "sheetProtection");
    return !!p && flag(p, "sheet");
  }

  /**
   * Empties one of the tool's own sheets in place, for it to be rewritten: its cells, columns, merges,
   * conditional formats and validations go; the part, its relationships and everything else stay.
   */
  empty(): void {
    this.cells.clear();
    for (const name of ["cols", "mergeCells", "conditionalFormatting", "dataValidations"])
      for (const el of children(this.worksheet, name)) remove(el);
    this.changed.sheets.add(this.entry.sheetId);
    this.emptied = true;
    this.touch();
  }

  /** Column widths (characters; null = default) and frozen top rows, as a plan or a snapshot gives them. */
  setLayout(columnWidths: (number | null)[] | undefined, freezeRows: number | undefined): void {
    for (const el of children(this.worksheet, "cols")) remove(el);
    const widths = (columnWidths ?? [])
      .map((w, i) => ({ col: i + 1, w }))
      .filter((x) => x.w !== null && x.w > 0);
    if (widths.length) {
      const cols = insertInOrder(
        this.worksheet,
        createLike(this.worksheet, "cols"),
        WORKSHEET_ORDER
      );
      for (const { col, w } of widths)
        appendNew(cols, "col", { min: col, max: col, width: w!, customWidth: 1 });
    }
    const views = ensureChild(this.worksheet, "sheetViews", WORKSHEET_ORDER);
    const view = child(views, "sheetView") ?? appendNew(views, "sheetView", { workbookViewId: 0 });
    for (const el of [...children(view, "pane"), ...children(view, "selection")]) remove(el);
    if (freezeRows && freezeRows > 0) {
      const top = `A${freezeRows + 1}`;
      const pane = createLike(view, "pane");
      setAttrs(pane, {
        ySplit: freezeRows,
        topLeftCell: top,
        activePane: "bottomLeft",
        state: "frozen",
      });
      insertInOrder(view, pane, SHEET_VIEW_ORDER);
      const sel = createLike(view, "selection");
      setAttrs(sel, { pane: "bottomLeft", activeCell: top, sqref: top });
      insertInOrder(view, sel, SHEET_VIEW_ORDER);
    }
    this.touch();
  }

  /** Before the part is written: `<dimension>` covers the cells added. */
  finish(): void {
    this.cells.updateDimension(this.emptied);
  }
}
