import { dateToSerial } from "../../core/sheet/serialDate";
import { SavedCell } from "../../core/snapshot/snapshot";
import { decodeCellText } from "./cellText";
import { stringElementOf, stringText } from "./sharedStrings";
import { SheetEditor } from "./sheetEditor";
import { attr, child, textOf, type Element } from "../xml";

/**
 * What a cell holds, as the snapshot keeps it, read from the part itself: a formula (a shared formula's other
 * cells take the anchor's, shifted — which ExcelJS gives as the anchor's address), a number, text (shared,
 * inline or rich, as its plain text), a boolean, an error, or nothing. `strings`: the shared string table
 * (SharedStrings.all()).
 */
export function savedCellAt(
  ws: SheetEditor,
  row: number,
  col: number,
  strings: readonly Element[]
): SavedCell {
  const c = ws.cells.cell(row, col);
  if (!c) return "";
  const formula = ws.formulaAt(row, col);
  if (formula !== undefined && formula !== "") return { f: formula };
  const t = attr(c, "t");
  if (t === "s" || t === "inlineStr") {
    const si = stringElementOf(c, strings);
    return si ? { v: stringText(si) } : "";
  }
  const v = child(c, "v");
  if (!v) return "";
  const text = textOf(v);
  if (t === "b") return { v: text === "1" || text === "true" };
  if (t === "e") return { e: text };
  if (t === "str") return { v: decodeCellText(text) };
  if (t === "d") {
    const d = new Date(text);
    return Number.isNaN(d.getTime()) ? { v: text } : { v: dateToSerial(d) };
  }
  const n = Number(text);
  return text.trim() !== "" && Number.isFinite(n) ? { v: n } : "";
}
