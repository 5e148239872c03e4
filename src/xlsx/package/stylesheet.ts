import { CellStyle } from "../../core/port";
import { SavedStyle } from "../../core/snapshot/snapshot";
import { argbOf } from "../colors";
import {
  appendNew,
  attr,
  attrNames,
  child,
  children,
  clone,
  createLike,
  ensureChild,
  flag,
  insertInOrder,
  remove,
  removeAttr,
  root,
  setAttr,
  type Document,
  type Element,
} from "../xml";
import { ContentTypes } from "./contentTypes";
import { dxfStyleOf, newDxf, type DxfStyle } from "./differentialFormats";
import { minimalStylesheet } from "./minimalStylesheet";
import { REL } from "./relationships";
import { StyleCollection } from "./styleCollection";
import {
  BUILTIN_FORMATS,
  FONT_ORDER,
  hexOf,
  indexAttr,
  STYLES_CT,
  STYLESHEET_ORDER,
  XF_ORDER,
} from "./stylesheetSchema";
import { WorkbookPart } from "./workbookPart";
import { XlsxPackage } from "./zipPackage";

export { minimalStylesheet } from "./minimalStylesheet";
export type { DxfStyle } from "./differentialFormats";

/**
 * xl/styles.xml (ECMA-376 Part 1 §18.8). A style the plan sets on a cell becomes a cellXfs entry derived from the
 * cell's own (its border, protection and the rest stay), with a font, fill or number format derived likewise.
 * Entries are only appended, so no existing index moves; an entry identical to one already there is reused, so
 * a second run adds nothing. Conditional formats' differential formats (dxfs) are appended the same way.
 */

/** Style properties to set; null clears one (no fill, automatic colour, no alignment). A CellStyle is one. */
export type StyleChange = Omit<SavedStyle, "sheet" | "cell">;

export class Stylesheet {
  private readonly derived = new Map<string, number>();
  private changed = false;
  private readonly xfList: StyleCollection;
  private readonly fontList: StyleCollection;
  private readonly fillList: StyleCollection;
  private readonly dxfList: StyleCollection;
  private readonly borderList: StyleCollection;

  private constructor(
    private readonly path: string,
    private readonly doc: Document
  ) {
    this.xfList = new StyleCollection(this.top, "cellXfs", "xf");
    this.fontList = new StyleCollection(this.top, "fonts", "font");
    this.fillList = new StyleCollection(this.top, "fills", "fill");
    this.dxfList = new StyleCollection(this.top, "dxfs", "dxf");
    this.borderList = new StyleCollection(this.top, "borders", "border");
  }

  static async of(pkg: XlsxPackage, wb: WorkbookPart): Promise<Stylesheet> {
    const rel = wb.rels.ofType(REL.styles)[0];
    const path = rel?.part && pkg.entry(rel.part);
    const doc = path ? await pkg.xml(path) : undefined;
    if (path && doc) return new Stylesheet(path, doc);
    // A package without styles (allowed, rare): a minimal stylesheet, so cells can be styled.
    const made = minimalStylesheet();
    const part = "xl/styles.xml";
    pkg.put(part, made);
    wb.rels.add(pkg, REL.styles, part);
    (await ContentTypes.of(pkg)).addOverride(pkg, part, STYLES_CT);
    return new Stylesheet(part, made);
  }

  /** Writes the part back if anything was appended. */
  finish(pkg: XlsxPackage): void {
    if (this.changed) pkg.edited(this.path);
  }

  private get top(): Element {
    return root(this.doc);
  }

  private xf(index: number): Element | undefined {
    return this.xfList.at(index);
  }

  private font(xf: Element | undefined): Element | undefined {
    return this.fontList.at(indexAttr(xf, "fontId"));
  }

  private fill(xf: Element | undefined): Element | undefined {
    return this.fillList.at(indexAttr(xf, "fillId"));
  }

  private formatCode(xf: Element | undefined): string {
    const id = indexAttr(xf, "numFmtId");
    const list = child(this.top, "numFmts");
    const custom = list && children(list, "numFmt").find((n) => indexAttr(n, "numFmtId") === id);
    return (custom && attr(custom, "formatCode")) ?? BUILTIN_FORMATS[id] ?? "General";
  }

  private formatId(code: string): number {
    const builtin = Object.entries(BUILTIN_FORMATS).find(([, c]) => c === code);
    if (builtin) return Number(builtin[0]);
    const list = ensureChild(this.top, "numFmts", STYLESHEET_ORDER);
    const fmts = children(list, "numFmt");
    const found = fmts.find((n) => attr(n, "formatCode") === code);
    if (found) return indexAttr(found, "numFmtId");
    const id = Math.max(163, ...fmts.map((n) => indexAttr(n, "numFmtId"))) + 1;
    appendNew(list, "numFmt", { numFmtId: id, formatCode: code });
    setAttr(list, "count", fmts.length + 1);
    this.changed = true;
    return id;
  }

  /** The cellXfs index for a cell styled `xfIndex` with `change` applied: derived once, reused after. */
  derive(xfIndex: number, change: StyleChange): number {
    const memo = `${xfIndex}\u0000${JSON.stringify(change)}`;
    const done = this.derived.get(memo);
    if (done !== undefined) return done;
    const base = this.xf(xfIndex) ?? this.xf(0);
    const xf = base ? clone(base) : createLike(this.top, "xf");
    if (!base) for (const a of ["numFmtId", "fontId", "fillId", "borderId"]) setAttr(xf, a, "0");
    if (
      change.bold !== undefined ||
      change.italic !== undefined ||
      change.fontColor !== undefined
    ) {
      setAttr(xf, "fontId", this.derivedFont(this.font(base), change));
      setAttr(xf, "applyFont", "1");
    }
    if (change.fill !== undefined) {
      setAttr(xf, "fillId", change.fill === null ? 0 : this.solidFill(change.fill));
      setAttr(xf, "applyFill", "1");
    }
    if (change.numberFormat !== undefined) {
      setAttr(xf, "numFmtId", this.formatId(change.numberFormat));
      setAttr(xf, "applyNumberFormat", "1");
    }
    if (change.wrap !== undefined || change.align !== undefined) {
      const al = child(xf, "alignment") ?? insertInOrder(xf, createLike(xf, "alignment"), XF_ORDER);
      if (change.wrap === true) setAttr(al, "wrapText", "1");
      else if (change.wrap === false) removeAttr(al, "wrapText");
      if (change.align === null) removeAttr(al, "horizontal");
      else if (change.align) setAttr(al, "horizontal", change.align);
      if (attrNames(al).length === 0 && children(al).length === 0) remove(al);
      setAttr(xf, "applyAlignment", "1");
    }
    const { index, added } = this.xfList.findOrAppend(xf);
    if (added) this.changed = true;
    this.derived.set(memo, index);
    return index;
  }

  private derivedFont(base: Element | undefined, change: StyleChange): number {
    const font = base ? clone(base) : createLike(this.top, "font");
    const set = (
      name: (typeof FONT_ORDER)[number],
      on: boolean,
      attrs: Record<string, string> = {}
    ) => {
      const old = child(font, name);
      if (old) remove(old);
      if (!on) return;
      const el = createLike(font, name);
      for (const [k, v] of Object.entries(attrs)) setAttr(el, k, v);
      insertInOrder(font, el, FONT_ORDER);
    };
    if (change.bold !== undefined) set("b", change.bold);
    if (change.italic !== undefined) set("i", change.italic);
    if (change.fontColor !== undefined)
      set(
        "color",
        change.fontColor !== null,
        change.fontColor ? { rgb: argbOf(change.fontColor) } : {}
      );
    const { index, added } = this.fontList.findOrAppend(font);
    if (added) this.changed = true;
    return index;
  }

  private solidFill(hex: string): number {
    const fill = createLike(this.top, "fill");
    const pattern = appendNew(fill, "patternFill", { patternType: "solid" });
    appendNew(pattern, "fgColor", { rgb: argbOf(hex) });
    appendNew(pattern, "bgColor", { indexed: "64" });
    const { index, added } = this.fillList.findOrAppend(fill);
    if (added) this.changed = true;
    return index;
  }

  /** What a cell styled `xfIndex` has of the properties `planned` sets (as the snapshot keeps it). */
  savedStyle(xfIndex: number, planned: CellStyle | StyleChange): StyleChange {
    const xf = this.xf(xfIndex) ?? this.xf(0);
    const font = this.font(xf);
    const on = (name: string) => {
      const el = font && child(font, name);
      return !!el && flag(el, "val", true);
    };
    const al = xf && child(xf, "alignment");
    const saved: StyleChange = {};
    if (planned.bold !== undefined) saved.bold = on("b");
    if (planned.italic !== undefined) saved.italic = on("i");
    if (planned.fontColor !== undefined) saved.fontColor = hexOf(font && child(font, "color"));
    if (planned.fill !== undefined) {
      const p = this.fill(xf) && child(this.fill(xf)!, "patternFill");
      saved.fill = p && attr(p, "patternType") === "solid" ? hexOf(child(p, "fgColor")) : null;
    }
    if (planned.numberFormat !== undefined) saved.numberFormat = this.formatCode(xf);
    if (planned.wrap !== undefined) saved.wrap = !!al && flag(al, "wrapText");
    if (planned.align !== undefined) {
      const h = al && attr(al, "horizontal");
      saved.align = h === "left" || h === "center" || h === "right" ? h : null;
    }
    return saved;
  }

  /** Whether style `xfIndex` exists and has these properties (as savedStyle reads them). */
  hasProperties(xfIndex: number, change: StyleChange): boolean {
    if (!this.xf(xfIndex)) return false;
    const have = this.savedStyle(xfIndex, change);
    return (Object.keys(change) as (keyof StyleChange)[]).every((k) => have[k] === change[k]);
  }

  /** Every property a plan can set that the style has; undefined if none (a sheet rebuilt whole). */
  fullStyle(xfIndex: number): StyleChange | undefined {
    const s = this.savedStyle(xfIndex, {
      bold: true,
      italic: true,
      fontColor: "#000000",
      fill: "#000000",
      numberFormat: "General",
      wrap: true,
      align: "left",
    });
    const kept: StyleChange = {};
    if (s.bold) kept.bold = true;
    if (s.italic) kept.italic = true;
    if (s.fontColor) kept.fontColor = s.fontColor;
    if (s.fill) kept.fill = s.fill;
    if (s.numberFormat && s.numberFormat !== "General") kept.numberFormat = s.numberFormat;
    if (s.wrap) kept.wrap = true;
    if (s.align) kept.align = s.align;
    return Object.keys(kept).length ? kept : undefined;
  }

  private readonly dxfIds = new Map<string, number>();

  /** A differential format for a conditional format; an identical one is reused. */
  dxf(style: DxfStyle): number {
    const memo = JSON.stringify([style.fill, style.fontColor, style.bold]);
    const done = this.dxfIds.get(memo);
    if (done !== undefined) return done;
    const dxf = newDxf(this.top, style);
    const { index, added } = this.dxfList.findOrAppend(dxf);
    if (added) this.changed = true;
    this.dxfIds.set(memo, index);
    return index;
  }

  /** The properties a conditional format of ours can have, read from a dxf. */
  dxfStyle(dxfId: number | undefined): DxfStyle {
    return dxfStyleOf(this.top, dxfId);
  }

  /** Style `xfIndex` with what it points at, for another workbook to add (copySheets); undefined if none. */
  exportXf(xfIndex: number): ExportedXf | undefined {
    const xf = this.xf(xfIndex);
    if (!xf) return undefined;
    const id = indexAttr(xf, "numFmtId");
    const list = child(this.top, "numFmts");
    const custom = list && children(list, "numFmt").find((n) => indexAttr(n, "numFmtId") === id);
    return {
      xf,
      font: this.font(xf),
      fill: this.fill(xf),
      border: this.borderList.at(indexAttr(xf, "borderId")),
      customFormat: custom ? attr(custom, "formatCode") : undefined,
    };
  }

  /** The cellXfs index of a style exported from another workbook, its font, fill, border and format added here. */
  importXf(from: ExportedXf): number {
    const xf = clone(from.xf);
    const adopt = (list: StyleCollection, el: Element | undefined, name: string) => {
      if (!el) return setAttr(xf, name, "0");
      const { index, added } = list.findOrAppend(clone(el));
      if (added) this.changed = true;
      setAttr(xf, name, index);
    };
    adopt(this.fontList, from.font, "fontId");
    adopt(this.fillList, from.fill, "fillId");
    adopt(this.borderList, from.border, "borderId");
    if (from.customFormat !== undefined) setAttr(xf, "numFmtId", this.formatId(from.customFormat));
    // The cell style (cellStyleXfs) it was based on is the other workbook's: based on Normal here.
    if (attr(xf, "xfId") !== undefined) setAttr(xf, "xfId", "0");
    const { index, added } = this.xfList.findOrAppend(xf);
    if (added) this.changed = true;
    return index;
  }

  /** A differential format of another workbook's (a conditional format's), added here; its index. */
  importDxf(dxf: Element): number {
    const { index, added } = this.dxfList.findOrAppend(clone(dxf));
    if (added) this.changed = true;
    return index;
  }

  /** Differential format `i` as an element, for another workbook to add. */
  exportDxf(i: number): Element | undefined {
    return this.dxfList.at(i);
  }
}

/** A cell style with the font, fill and border it points at, and its number format where custom. */
export interface ExportedXf {
  xf: Element;
  font?: Element;
  fill?: Element;
  border?: Element;
  customFormat?: string;
}
