import { appendNew, newDocument, root, type Document } from "../xml";
import { SML_NS } from "./stylesheetSchema";

/** A stylesheet for a package that has none: one font, the two fills Excel reserves (none, gray125), one border, Normal. */
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
