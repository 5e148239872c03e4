import { CellStyle } from "../../core/port";
import { SavedConditionalFormat, SavedStyle } from "../../core/snapshot/snapshot";
import { ContentTypes } from "./contentTypes";
import { REL } from "./relationships";
import { WorkbookPart } from "./workbookPart";
import {
  append,
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
  markupOf,
  newDocument,
  remove,
  removeAttr,
  root,
  setAttr,
  type Document,
  type Element,
} from "../xml";
import { XlsxPackage } from "./zipPackage";

/**
 * xl/styles.xml (ECMA-376 Part 1 §18.8). A style the plan sets on a cell becomes a cellXfs entry derived from the
 * cell's own (its border, protection and the rest stay), with a font, fill or number format derived likewise.
 * Entries are only appended, so no existing index moves; an entry identical to one already there is reused, so
 * a second run adds nothing. Conditional formats' differential formats (dxfs) are appended the same way.
 */

/** Style properties to set; null clears one (no fill, automatic colour, no alignment). A CellStyle is one. */
export type StyleChange = Omit<SavedStyle, "sheet" | "cell">;
export type DxfStyle = SavedConditionalFormat["style"];

const STYLESHEET_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
] as const;
/** CT_Font is a choice, in any order; this is the order Excel writes. */
const FONT_ORDER = [
  "b",
  "i",
  "strike",
  "condense",
  "extend",
  "outline",
  "shadow",
  "u",
  "vertAlign",
  "sz",
  "color",
  "name",
  "family",
  "charset",
  "scheme",
] as const;
const XF_ORDER = ["alignment", "protection", "extLst"] as const;
const DXF_ORDER = [
  "font",
  "numFmt",
  "fill",
  "alignment",
  "border",
  "protection",
  "extLst",
] as const;

/** The number formats every Excel knows by id (§18.8.30), that need no `<numFmt>`. */
const BUILTIN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

const SML_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const STYLES_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

const argbOf = (hex: string) => "FF" + hex.replace("#", "").toUpperCase();
function hexOf(color: Element | undefined): string | null {
  const rgb = color && attr(color, "rgb");
  if (!rgb) return null;
  if (/^[0-9A-Fa-f]{8}$/.test(rgb)) return "#" + rgb.slice(2).toUpperCase();
  if (/^[0-9A-Fa-f]{6}$/.test(rgb)) return "#" + rgb.toUpperCase();
  return null;
}

/** An index attribute; absent or unreadable is 0, as Excel takes it. */
function indexAttr(el: Element | undefined, name: string): number {
  const n = Number(el && attr(el, name));
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

/** One list of the stylesheet (cellXfs, fonts, …): its entries read once, appended to in step. */
class Collection {
  private keys?: Map<string, number>;
  private list?: Element;
  private entries?: Element[];
  constructor(
    private readonly top: Element,
    private readonly name: (typeof STYLESHEET_ORDER)[number],
    private readonly item: string
  ) {}
  private container(): Element {
    return (this.list ??= ensureChild(this.top, this.name, STYLESHEET_ORDER));
  }
  items(): Element[] {
    if (this.entries) return this.entries;
    const list = child(this.top, this.name);
    return (this.entries = list ? children(list, this.item) : []);
  }
  at(i: number): Element | undefined {
    return this.items()[i];
  }
  /** The index of an entry equal to `el`, appending it if there is none. */
  findOrAppend(el: Element): { index: number; added: boolean } {
    if (!this.keys) {
      this.keys = new Map();
      this.items().forEach((e, i) => {
        const k = keyOf(e);
        if (!this.keys!.has(k)) this.keys!.set(k, i);
      });
    }
    const k = keyOf(el);
    const found = this.keys.get(k);
    if (found !== undefined) return { index: found, added: false };
    const index = this.items().length;
    const list = this.container();
    append(list, el);
    this.entries!.push(el);
    setAttr(list, "count", index + 1);
    this.keys.set(k, index);
    return { index, added: true };
  }
}

const keyOf = markupOf;

export class Stylesheet {
  private readonly derived = new Map<string, number>();
  private changed = false;
  private readonly xfList: Collection;
  private readonly fontList: Collection;
  private readonly fillList: Collection;
  private readonly dxfList: Collection;

  private constructor(
    private readonly path: string,
    private readonly doc: Document
  ) {
    this.xfList = new Collection(this.top, "cellXfs", "xf");
    this.fontList = new Collection(this.top, "fonts", "font");
    this.fillList = new Collection(this.top, "fills", "fill");
    this.dxfList = new Collection(this.top, "dxfs", "dxf");
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
    const dxf = createLike(this.top, "dxf");
    if (style.bold || style.fontColor) {
      const font = insertInOrder(dxf, createLike(dxf, "font"), DXF_ORDER);
      if (style.bold) appendNew(font, "b");
      if (style.fontColor) appendNew(font, "color", { rgb: argbOf(style.fontColor) });
    }
    if (style.fill) {
      const fill = insertInOrder(dxf, createLike(dxf, "fill"), DXF_ORDER);
      const p = appendNew(fill, "patternFill", { patternType: "solid" });
      appendNew(p, "fgColor", { rgb: argbOf(style.fill) });
      appendNew(p, "bgColor", { rgb: argbOf(style.fill) });
    }
    const { index, added } = this.dxfList.findOrAppend(dxf);
    if (added) this.changed = true;
    this.dxfIds.set(memo, index);
    return index;
  }

  /** The properties a conditional format of ours can have, read from a dxf. */
  dxfStyle(dxfId: number | undefined): DxfStyle {
    const list = child(this.top, "dxfs");
    const dxf = dxfId !== undefined && list ? children(list, "dxf")[dxfId] : undefined;
    const font = dxf && child(dxf, "font");
    const p = dxf && child(dxf, "fill") && child(child(dxf, "fill")!, "patternFill");
    const fill = hexOf(p && child(p, "bgColor")) ?? hexOf(p && child(p, "fgColor"));
    const fontColor = hexOf(font && child(font, "color"));
    const b = font && child(font, "b");
    return {
      ...(fill ? { fill } : {}),
      ...(fontColor ? { fontColor } : {}),
      ...(b && flag(b, "val", true) ? { bold: true } : {}),
    };
  }
}

export function minimalStylesheet(): Document {
  const doc = newDocument(SML_NS, "styleSheet");
  const top = root(doc);
  const fonts = appendNew(top, "fonts", { count: 1 });
  const font = appendNew(fonts, "font");
  appendNew(font, "sz", { val: 11 });
  appendNew(font, "name", { val: "Calibri" });
  const fills = appendNew(top, "fills", { count: 2 });
  appendNew(appendNew(fills, "fill"), "patternFill", { patternType: "none" });
  appendNew(appendNew(fills, "fill"), "patternFill", { patternType: "gray125" });
  const border = appendNew(appendNew(top, "borders", { count: 1 }), "border");
  for (const side of ["left", "right", "top", "bottom", "diagonal"]) appendNew(border, side);
  const zero = { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0 };
  appendNew(appendNew(top, "cellStyleXfs", { count: 1 }), "xf", zero);
  appendNew(appendNew(top, "cellXfs", { count: 1 }), "xf", { ...zero, xfId: 0 });
  appendNew(appendNew(top, "cellStyles", { count: 1 }), "cellStyle", {
    name: "Normal",
    xfId: 0,
    builtinId: 0,
  });
  return doc;
}
