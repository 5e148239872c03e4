import type { Cell, Style } from "exceljs";
import { CellStyle } from "../core/port";
import { SavedStyle } from "../core/snapshot/snapshot";
import { argbOf, hexOf } from "./colors";

/** What a cell had of the properties `planned` sets, for the snapshot. */
export function savedStyleOf(
  sheet: string,
  address: string,
  cell: Cell,
  planned: CellStyle
): SavedStyle {
  const saved: SavedStyle = { sheet, cell: address };
  const font = cell.font ?? {};
  if (planned.bold !== undefined) saved.bold = Boolean(font.bold);
  if (planned.italic !== undefined) saved.italic = Boolean(font.italic);
  if (planned.fontColor) saved.fontColor = hexOf(font.color?.argb);
  if (planned.fill) {
    const fill = cell.fill as
      { type?: string; pattern?: string; fgColor?: { argb?: string } } | undefined;
    saved.fill =
      fill?.type === "pattern" && fill.pattern === "solid" ? hexOf(fill.fgColor?.argb) : null;
  }
  if (planned.numberFormat) saved.numberFormat = cell.numFmt || "General";
  if (planned.wrap !== undefined) saved.wrap = Boolean(cell.alignment?.wrapText);
  if (planned.align) {
    const h = cell.alignment?.horizontal;
    saved.align = h === "left" || h === "center" || h === "right" ? h : null;
  }
  return saved;
}

/** Every style property a plan can set that the cell has, for a sheet rebuilt whole; undefined if none. */
export function fullStyleOf(sheet: string, address: string, cell: Cell): SavedStyle | undefined {
  const saved = savedStyleOf(sheet, address, cell, {
    bold: true,
    italic: true,
    fontColor: "#000000",
    fill: "#000000",
    numberFormat: "General",
    wrap: true,
    align: "left",
  });
  const kept: SavedStyle = { sheet, cell: address };
  if (saved.bold) kept.bold = true;
  if (saved.italic) kept.italic = true;
  if (saved.fontColor) kept.fontColor = saved.fontColor;
  if (saved.fill) kept.fill = saved.fill;
  if (saved.numberFormat && saved.numberFormat !== "General")
    kept.numberFormat = saved.numberFormat;
  if (saved.wrap) kept.wrap = true;
  if (saved.align) kept.align = saved.align;
  return Object.keys(kept).length > 2 ? kept : undefined;
}

/** Style properties to set; null clears one (no fill, automatic colour, no alignment). A plan's CellStyle is one. */
export type StyleChange = Omit<SavedStyle, "sheet" | "cell">;

/**
 * Sets the given properties, leaving the others. ExcelJS hands every cell loaded with the same style id one
 * shared style object: the cell gets a copy of its own first, or bolding one label would bold every cell
 * styled like it.
 */
export function applyStyle(cell: Cell, saved: StyleChange): void {
  const style: Partial<Style> = { ...cell.style };
  if (saved.bold !== undefined || saved.italic !== undefined || saved.fontColor !== undefined) {
    const font = { ...style.font };
    if (saved.bold !== undefined) font.bold = saved.bold;
    if (saved.italic !== undefined) font.italic = saved.italic;
    if (saved.fontColor === null) delete font.color;
    else if (saved.fontColor) font.color = { argb: argbOf(saved.fontColor) };
    style.font = font;
  }
  if (saved.fill === null) delete style.fill;
  else if (saved.fill)
    style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argbOf(saved.fill) } };
  if (saved.numberFormat !== undefined)
    style.numFmt = saved.numberFormat === "General" ? undefined : saved.numberFormat;
  if (saved.wrap !== undefined || saved.align !== undefined) {
    const alignment = { ...style.alignment };
    if (saved.wrap !== undefined) alignment.wrapText = saved.wrap;
    if (saved.align === null) delete alignment.horizontal;
    else if (saved.align) alignment.horizontal = saved.align;
    style.alignment = alignment;
  }
  if (style.numFmt === undefined) delete style.numFmt;
  cell.style = style;
}
