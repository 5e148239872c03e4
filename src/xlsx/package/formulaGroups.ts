import { shiftFormula } from "../../core/formula/formulaText";
import { a1, Area, parseA1, parseArea } from "../../core/sheet/address";
import { contains } from "./areas";
import { SheetCells } from "./sheetCells";
import { CELL_ORDER } from "./worksheetOrder";
import {
  attr,
  attrNames,
  child,
  children,
  createLike,
  insertInOrder,
  keptMarkup,
  remove,
  removeAttr,
  setAttr,
  setText,
  textOf,
  type Element,
} from "../xml";

/**
 * Formulas that span cells, which a write to one cell must not break (ECMA-376 Part 1 §18.3.1.40):
 *
 * - a shared formula: its first cell holds the text (`<f t="shared" ref="C6:C20" si="0">C7+C8</f>`), the others
 *   only `<f t="shared" si="0"/>` and take it shifted. Overwriting the first cell would leave the others without
 *   a formula (Excel: damaged file) or, as ExcelJS did, hand them ours: each other cell first gets its own.
 * - a multi-cell array formula (`<f t="array" ref="D5:E6">`): one formula for the area, which a single cell of
 *   it cannot leave. The other cells become single-cell array formulas `INDEX((formula),i,j)` giving the same
 *   value (their cached values stay).
 */
export class FormulaGroups {
  private shared?: Map<string, { anchor?: Element; members: Element[] }>;
  private arrays?: { area: Area; anchor: Element }[];

  constructor(private readonly sheet: SheetCells) {}

  private build(): void {
    this.shared = new Map();
    this.arrays = [];
    // Most sheets hold neither kind: where the cells are still the text they were read from, that text says so
    // without a walk of every cell ("&#": an attribute spelt with character references is walked).
    const kept = keptMarkup(this.sheet.sheetData);
    if (kept !== undefined && !/shared|array|&#/.test(kept)) return;
    for (const row of children(this.sheet.sheetData, "row"))
      for (const c of children(row, "c")) {
        const f = child(c, "f");
        if (f) this.index(f);
      }
  }

  private index(f: Element): void {
    const t = attr(f, "t");
    if (t === "shared") {
      const si = attr(f, "si") ?? "";
      let group = this.shared!.get(si);
      if (!group) this.shared!.set(si, (group = { members: [] }));
      if (attr(f, "ref") && textOf(f).trim()) group.anchor = f;
      else group.members.push(f);
    } else if (t === "array") {
      const ref = attr(f, "ref");
      if (!ref) return;
      try {
        const area = parseArea(ref);
        if (area.bottom > area.top || area.right > area.left)
          this.arrays!.push({ area, anchor: f });
      } catch {
        // an unreadable ref: Excel could not have read it either
      }
    }
  }

  /** The formula a cell holds, as Excel shows it: a shared formula's other cells take the anchor's, shifted. */
  formulaOf(cell: Element): string | undefined {
    const f = child(cell, "f");
    if (!f) return undefined;
    if (attr(f, "t") !== "shared" || textOf(f).trim()) return textOf(f);
    if (!this.shared) this.build();
    const anchor = this.shared!.get(attr(f, "si") ?? "")?.anchor;
    if (!anchor) return undefined;
    const from = parseA1(attr(anchor.parent as Element, "r")!);
    const at = parseA1(attr(cell, "r")!);
    return shiftFormula(textOf(anchor), at.row - from.row, at.col - from.col);
  }

  /** The multi-cell array formula the cell lies in, if any: its area and its formula. */
  arrayAt(row: number, col: number): { ref: string; formula: string } | undefined {
    if (!this.shared) this.build();
    const a = this.arrays!.find((x) => contains(x.area, row, col));
    return a ? { ref: attr(a.anchor, "ref")!, formula: textOf(a.anchor) } : undefined;
  }

  /** Makes the cell at (row, col) safe to overwrite. Returns the A1 addresses of other cells it changed. */
  detach(row: number, col: number): string[] {
    if (!this.shared) this.build();
    const changed: string[] = [];
    const cell = this.sheet.cell(row, col);
    const f = cell && child(cell, "f");
    if (f && attr(f, "t") === "shared") {
      const si = attr(f, "si") ?? "";
      const group = this.shared!.get(si);
      if (group?.anchor === f) {
        changed.push(...this.giveOwnFormulas(f, group.members));
        this.shared!.delete(si);
      } else if (group) group.members = group.members.filter((m) => m !== f);
    }
    const inArray = this.arrays!.find((a) => contains(a.area, row, col));
    if (inArray) {
      changed.push(...this.splitArray(inArray, row, col));
      this.arrays = this.arrays!.filter((a) => a !== inArray);
    }
    return changed;
  }

  private giveOwnFormulas(anchor: Element, members: Element[]): string[] {
    const from = parseA1(attr(anchor.parent as Element, "r")!);
    const text = textOf(anchor);
    return members.map((m) => {
      const address = attr(m.parent as Element, "r")!;
      const at = parseA1(address);
      for (const name of ["t", "si", "ref"]) removeAttr(m, name);
      setText(m, shiftFormula(text, at.row - from.row, at.col - from.col));
      return address;
    });
  }

  /**
   * Undo of splitArray: the area's formula back on its first cell over the whole area, the others' INDEX
   * formulas taken off (their values stay) — only where every cell still holds what the split left there.
   */
  rejoinArray(ref: string, formula: string): boolean {
    const area = parseArea(ref);
    const cells: { cell: Element; f?: Element; r: number; c: number }[] = [];
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++) {
        const cell = this.sheet.cell(r, c);
        const f = cell && child(cell, "f");
        const own = `INDEX((${formula}),${r - area.top + 1},${c - area.left + 1})`;
        const first = r === area.top && c === area.left;
        const ok = f
          ? (attr(f, "t") === "array" && textOf(f) === own) || (first && textOf(f) === formula)
          : !first;
        if (!ok || !cell) return false;
        cells.push({ cell, f, r, c });
      }
    for (const { f, r, c } of cells) {
      if (r === area.top && c === area.left) {
        for (const name of attrNames(f!)) removeAttr(f!, name);
        setAttr(f!, "t", "array");
        setAttr(f!, "ref", ref);
        setText(f!, formula);
      } else if (f) remove(f);
    }
    this.shared = undefined; // rebuilt on next use
    return true;
  }

  private splitArray(group: { area: Area; anchor: Element }, row: number, col: number): string[] {
    const { area, anchor } = group;
    const formula = textOf(anchor);
    const anchorCell = anchor.parent as Element;
    removeAttr(anchorCell, "cm"); // the dynamic-array flag belonged to the whole area
    const changed: string[] = [];
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++) {
        if (r === row && c === col) continue;
        const cell = this.sheet.ensureCell(r, c);
        let f = child(cell, "f");
        if (!f) f = insertInOrder(cell, createLike(cell, "f"), CELL_ORDER);
        for (const name of attrNames(f)) removeAttr(f, name);
        setAttr(f, "t", "array");
        setAttr(f, "ref", a1(r, c));
        setText(f, `INDEX((${formula}),${r - area.top + 1},${c - area.left + 1})`);
        changed.push(a1(r, c));
      }
    return changed;
  }
}
