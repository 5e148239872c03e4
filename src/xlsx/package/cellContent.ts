import { CellWrite } from "../../core/port";
import { SavedCell, SavedRun } from "../../core/snapshot/snapshot";
import { encodeCellText } from "./cellText";
import { CELL_ORDER } from "./worksheetOrder";
import {
  appendNew,
  children,
  createLike,
  insertInOrder,
  localName,
  remove,
  removeAttr,
  setAttr,
  setText,
  type Element,
} from "../xml";

/**
 * What goes inside one `<c>` (ECMA-376 Part 1 §18.3.1.4): a formula `<f>` (its text escaped by the serializer)
 * with or without a cached value, a number, a boolean, an error, or text as an inline string — never a shared
 * string, so the shared string table stays as it was, and never parsed: "=1+2" stays text. The cell's style
 * `s`, its phonetic flag and any extLst stay.
 */

/** A run of rich text (the snapshot's shape). */
export type RichRun = SavedRun;

export type CellContent =
  | { formula: string; result?: number | string | boolean }
  | { value: number | string | boolean | null }
  | { error: string }
  | { rich: RichRun[] };

export function contentOfWrite(w: CellWrite): CellContent {
  return "formula" in w
    ? { formula: w.formula, ...(w.result !== undefined ? { result: w.result } : {}) }
    : { value: w.value };
}

export function contentOfSaved(s: SavedCell): CellContent {
  if (s === "") return { value: null };
  if ("f" in s) return { formula: s.f };
  if ("e" in s) return { error: s.e };
  return { value: s.v };
}

function clearContent(c: Element): void {
  for (const el of children(c)) if (localName(el) !== "extLst") remove(el);
  // t: the value's type; cm/vm: cell and value metadata (dynamic array, linked data type) of the old content.
  for (const name of ["t", "cm", "vm"]) removeAttr(c, name);
}

function addChild(c: Element, local: (typeof CELL_ORDER)[number], text?: string): Element {
  const el = insertInOrder(c, createLike(c, local), CELL_ORDER);
  if (text !== undefined) setText(el, text);
  return el;
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  return String(n);
}

function textElement(parent: Element, text: string): void {
  const t = appendNew(parent, "t");
  if (/^\s|\s$|\n/.test(text)) setAttr(t, "xml:space", "preserve");
  setText(t, encodeCellText(text));
}

/** Inline rich text: `<is><r><rPr>…</rPr><t>…</t></r>…</is>`. */
function richString(c: Element, runs: RichRun[]): void {
  const is = addChild(c, "is");
  for (const run of runs) {
    const r = appendNew(is, "r");
    if (run.font?.length) {
      const rPr = appendNew(r, "rPr");
      for (const [name, attrs] of run.font) appendNew(rPr, name, attrs);
    }
    textElement(r, run.text);
  }
}

export function setCellContent(c: Element, content: CellContent): void {
  clearContent(c);
  if ("formula" in content) {
    addChild(c, "f", content.formula.replace(/^=/, ""));
    const r = content.result;
    if (typeof r === "number") addChild(c, "v", numberText(r));
    else if (typeof r === "boolean") {
      setAttr(c, "t", "b");
      addChild(c, "v", r ? "1" : "0");
    } else if (typeof r === "string") {
      setAttr(c, "t", "str");
      addChild(c, "v", encodeCellText(r));
    }
  } else if ("error" in content) {
    setAttr(c, "t", "e");
    addChild(c, "v", content.error);
  } else if ("rich" in content) {
    setAttr(c, "t", "inlineStr");
    richString(c, content.rich);
  } else {
    const v = content.value;
    if (v === null) return;
    if (typeof v === "number") addChild(c, "v", numberText(v));
    else if (typeof v === "boolean") {
      setAttr(c, "t", "b");
      addChild(c, "v", v ? "1" : "0");
    } else {
      setAttr(c, "t", "inlineStr");
      textElement(addChild(c, "is"), v);
    }
  }
}
