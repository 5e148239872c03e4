import { attr, type Element } from "../xml";

/**
 * What xl/styles.xml is made of (ECMA-376 Part 1 §18.8): the order of its elements, the number formats every
 * Excel knows by id, and its colours and indexes as Excel reads them.
 */

export const SML_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const STYLES_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

export const STYLESHEET_ORDER = [
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
export const FONT_ORDER = [
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
export const XF_ORDER = ["alignment", "protection", "extLst"] as const;
export const DXF_ORDER = [
  "font",
  "numFmt",
  "fill",
  "alignment",
  "border",
  "protection",
  "extLst",
] as const;

/** The number formats every Excel knows by id (§18.8.30), that need no `<numFmt>`. */
export const BUILTIN_FORMATS: Record<number, string> = {
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

/** "#RRGGBB" of a colour element's `rgb` (ARGB or RGB); null for none, a theme or an indexed colour. */
export function hexOf(color: Element | undefined): string | null {
  const rgb = color && attr(color, "rgb");
  if (!rgb) return null;
  if (/^[0-9A-Fa-f]{8}$/.test(rgb)) return "#" + rgb.slice(2).toUpperCase();
  if (/^[0-9A-Fa-f]{6}$/.test(rgb)) return "#" + rgb.toUpperCase();
  return null;
}

/** An index attribute; absent or unreadable is 0, as Excel takes it. */
export function indexAttr(el: Element | undefined, name: string): number {
  const n = Number(el && attr(el, name));
  return Number.isInteger(n) && n >= 0 ? n : 0;
}
