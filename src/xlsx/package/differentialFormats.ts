import { SavedConditionalFormat } from "../../core/snapshot/snapshot";
import { argbOf } from "../colors";
import { appendNew, child, children, createLike, flag, insertInOrder, type Element } from "../xml";
import { DXF_ORDER, hexOf } from "./stylesheetSchema";

/** A conditional format's differential format (dxf, §18.8.17): made from the style we set, read back. */

export type DxfStyle = SavedConditionalFormat["style"];

/** A new dxf element (in `top`'s namespace) with the style's font and fill. */
export function newDxf(top: Element, style: DxfStyle): Element {
  const dxf = createLike(top, "dxf");
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
  return dxf;
}

/** The properties a conditional format of ours can have, read from dxf `dxfId` of the stylesheet `top`. */
export function dxfStyleOf(top: Element, dxfId: number | undefined): DxfStyle {
  const list = child(top, "dxfs");
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
