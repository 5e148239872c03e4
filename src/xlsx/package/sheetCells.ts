import { a1, areaA1, parseA1, parseArea } from "../../core/sheet/address";
import { WORKSHEET_ORDER } from "./worksheetOrder";
import {
  attr,
  attrNames,
  child,
  children,
  createLike,
  ensureChild,
  insertBefore,
  remove,
  removeAttr,
  removeChildren,
  root,
  setAttr,
  type Document,
  type Element,
} from "../xml";

/**
 * The cells of one worksheet part's `<sheetData>`: rows and cells found by number, created in order where
 * missing. Rows and cells may leave out their `r` (numbered after the one before); those are given it, so a
 * row or cell put before them cannot renumber them.
 */
export class SheetCells {
  readonly sheetData: Element;
  private readonly rowNumbers: number[] = [];
  private readonly rows = new Map<number, Element>();
  private readonly rowCells = new Map<Element, { cols: number[]; cells: Map<number, Element> }>();
  private written?: { top: number; left: number; bottom: number; right: number };

  constructor(readonly doc: Document) {
    this.sheetData = ensureChild(root(doc), "sheetData", WORKSHEET_ORDER);
    let last = 0;
    for (const row of children(this.sheetData, "row")) {
      const r = Number(attr(row, "r")) || last + 1;
      if (!attr(row, "r")) setAttr(row, "r", r);
      last = r;
      if (!this.rows.has(r)) this.rowNumbers.push(r);
      this.rows.set(r, row);
    }
    this.rowNumbers.sort((x, y) => x - y);
  }

  get worksheet(): Element {
    return root(this.doc);
  }

  row(r: number): Element | undefined {
    return this.rows.get(r);
  }

  /** Row numbers that have a `<row>`, ascending. */
  rowNumbersPresent(): readonly number[] {
    return this.rowNumbers;
  }

  private index(row: Element): { cols: number[]; cells: Map<number, Element> } {
    let idx = this.rowCells.get(row);
    if (idx) return idx;
    idx = { cols: [], cells: new Map() };
    let last = 0;
    for (const c of children(row, "c")) {
      const ref = attr(c, "r");
      const col = ref ? parseA1(ref).col : last + 1;
      if (!ref) setAttr(c, "r", a1(Number(attr(row, "r")), col));
      last = col;
      if (!idx.cells.has(col)) idx.cols.push(col);
      idx.cells.set(col, c);
    }
    idx.cols.sort((x, y) => x - y);
    this.rowCells.set(row, idx);
    return idx;
  }

  cell(r: number, c: number): Element | undefined {
    const row = this.rows.get(r);
    return row ? this.index(row).cells.get(c) : undefined;
  }

  /** The cells of a row, by column ascending. */
  cellsOfRow(r: number): { col: number; el: Element }[] {
    const row = this.rows.get(r);
    if (!row) return [];
    const idx = this.index(row);
    return idx.cols.map((col) => ({ col, el: idx.cells.get(col)! }));
  }

  ensureRow(r: number): Element {
    const found = this.rows.get(r);
    if (found) return found;
    const row = createLike(this.sheetData, "row");
    setAttr(row, "r", r);
    const at = upperBound(this.rowNumbers, r);
    const next = at < this.rowNumbers.length ? this.rows.get(this.rowNumbers[at])! : null;
    insertBefore(this.sheetData, row, next);
    this.rowNumbers.splice(at, 0, r);
    this.rows.set(r, row);
    return row;
  }

  ensureCell(r: number, c: number): Element {
    const row = this.ensureRow(r);
    const idx = this.index(row);
    const found = idx.cells.get(c);
    if (found) return found;
    const cell = createLike(row, "c");
    setAttr(cell, "r", a1(r, c));
    const at = upperBound(idx.cols, c);
    const next = at < idx.cols.length ? idx.cells.get(idx.cols[at])! : null;
    // Cells come before a row's own extLst.
    insertBefore(row, cell, next ?? child(row, "extLst"));
    idx.cols.splice(at, 0, c);
    idx.cells.set(c, cell);
    widenSpans(row, c);
    this.grow(r, c);
    return cell;
  }

  /** Removes a cell, and its row if nothing else is left in it (no cells, no attributes of its own). */
  removeCell(r: number, c: number): void {
    const row = this.rows.get(r);
    if (!row) return;
    const idx = this.index(row);
    const cell = idx.cells.get(c);
    if (!cell) return;
    remove(cell);
    idx.cells.delete(c);
    idx.cols.splice(idx.cols.indexOf(c), 1);
    if (children(row).length === 0 && attrNames(row).every((a) => a === "r" || a === "spans")) {
      remove(row);
      this.rows.delete(r);
      this.rowNumbers.splice(this.rowNumbers.indexOf(r), 1);
      this.rowCells.delete(row);
    }
  }

  /** Removes every row: an owned sheet emptied before it is rewritten. */
  clear(): void {
    removeChildren(this.sheetData);
    this.rowNumbers.length = 0;
    this.rows.clear();
    this.rowCells.clear();
  }

  private grow(r: number, c: number): void {
    const w = this.written;
    this.written = w
      ? {
          top: Math.min(w.top, r),
          left: Math.min(w.left, c),
          bottom: Math.max(w.bottom, r),
          right: Math.max(w.right, c),
        }
      : { top: r, left: c, bottom: r, right: c };
  }

  /** Widens `<dimension ref>` over the cells added (an emptied sheet's is set from scratch). */
  updateDimension(fromScratch = false): void {
    const w = this.written;
    const dim = child(this.worksheet, "dimension");
    if (!w) {
      if (fromScratch && dim) setAttr(dim, "ref", "A1");
      return;
    }
    const el = dim ?? ensureChild(this.worksheet, "dimension", WORKSHEET_ORDER);
    const old = attr(el, "ref");
    let area = w;
    if (old && !fromScratch) {
      try {
        const o = parseArea(old);
        area = {
          top: Math.min(o.top, w.top),
          left: Math.min(o.left, w.left),
          bottom: Math.max(o.bottom, w.bottom),
          right: Math.max(o.right, w.right),
        };
      } catch {
        // a malformed dimension is replaced by what we know
      }
    }
    const ref = areaA1(area);
    if (ref !== old) setAttr(el, "ref", ref);
  }
}

/** First index whose value is greater than x. */
function upperBound(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A row's `spans` ("1:8") is an optimization hint; it must still cover the row's cells. */
function widenSpans(row: Element, col: number): void {
  const spans = attr(row, "spans");
  if (spans === undefined) return;
  const m = /^(\d+):(\d+)$/.exec(spans.trim());
  if (!m) {
    removeAttr(row, "spans");
    return;
  }
  const lo = Math.min(Number(m[1]), col);
  const hi = Math.max(Number(m[2]), col);
  if (lo !== Number(m[1]) || hi !== Number(m[2])) setAttr(row, "spans", `${lo}:${hi}`);
}
