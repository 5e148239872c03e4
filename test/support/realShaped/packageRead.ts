import { Document, Element } from "@xmldom/xmldom";
import * as path from "path";
import { decodeSnapshot, Snapshot, SNAPSHOT_FORMAT } from "../../../src/core/snapshot/snapshot";
import { elementChildren, parseXml, Parts } from "../packageDiff";

/**
 * Reading a spreadsheet package the way Excel does — relationships first, part names never assumed — so the
 * comparisons work on files written by Excel, LibreOffice, openpyxl (absolute targets) and XlsxWriter alike.
 */

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  ct: "http://schemas.openxmlformats.org/package/2006/content-types",
};

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The part it points to (no leading "/"), for internal relationships. */
  part?: string;
}

export interface SheetEntry {
  name: string;
  sheetId: string;
  rId: string;
  state: string;
  /** worksheet, chartsheet, dialogsheet, macrosheet … (the relationship type's last segment). */
  kind: string;
  part: string;
}

export function xmlOf(parts: Parts, part: string): Document {
  const bytes = parts.get(part);
  if (!bytes) throw new Error(`no part ${part} in the package`);
  return parseXml(bytes, part);
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPartOf(part: string): string {
  const dir = path.posix.dirname(part);
  return `${dir === "." ? "" : dir + "/"}_rels/${path.posix.basename(part)}.rels`;
}

/** Resolves a relationship target against its source part: relative, or absolute ("/xl/…", as openpyxl writes). */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return path.posix.normalize(target.slice(1));
  const dir = path.posix.dirname(source);
  return path.posix.normalize(dir === "." || source === "" ? target : `${dir}/${target}`);
}

export function relationshipsOf(parts: Parts, source: string): Relationship[] {
  const relsPart = relsPartOf(source);
  if (!parts.has(relsPart)) return [];
  return elementChildren(xmlOf(parts, relsPart).documentElement!)
    .filter((e) => e.localName === "Relationship")
    .map((e) => {
      const external = e.getAttribute("TargetMode") === "External";
      const target = e.getAttribute("Target") ?? "";
      return {
        id: e.getAttribute("Id") ?? "",
        type: e.getAttribute("Type") ?? "",
        target,
        external,
        part: external ? undefined : resolveTarget(source, target),
      };
    });
}

/** The workbook part, found from the package relationships. */
export function workbookPart(parts: Parts): string {
  const rel = relationshipsOf(parts, "").find((r) => r.type.endsWith("/officeDocument"));
  if (!rel?.part) throw new Error("the package has no officeDocument relationship");
  return rel.part;
}

export function sheetsOf(parts: Parts): SheetEntry[] {
  const wb = workbookPart(parts);
  const rels = new Map(relationshipsOf(parts, wb).map((r) => [r.id, r]));
  const sheets = childNamed(xmlOf(parts, wb).documentElement!, "sheets");
  return (sheets ? elementChildren(sheets) : []).map((s) => {
    const rId = s.getAttributeNS(NS.rel, "id") ?? "";
    const rel = rels.get(rId);
    return {
      name: s.getAttribute("name") ?? "",
      sheetId: s.getAttribute("sheetId") ?? "",
      rId,
      state: s.getAttribute("state") ?? "visible",
      kind: rel ? rel.type.slice(rel.type.lastIndexOf("/") + 1) : "?",
      part: rel?.part ?? "",
    };
  });
}

export function childNamed(el: Element, localName: string): Element | undefined {
  return elementChildren(el).find((c) => c.localName === localName);
}

export function childrenNamed(el: Element, localName: string): Element[] {
  return elementChildren(el).filter((c) => c.localName === localName);
}

/** The shared strings, each as its plain text (rich runs joined, phonetic runs left out). */
export function sharedStrings(parts: Parts): string[] {
  const rel = relationshipsOf(parts, workbookPart(parts)).find((r) => r.type.endsWith("/sharedStrings"));
  if (!rel?.part || !parts.has(rel.part)) return [];
  return childrenNamed(xmlOf(parts, rel.part).documentElement!, "si").map(plainText);
}

function plainText(si: Element): string {
  let s = "";
  for (const c of elementChildren(si)) {
    if (c.localName === "t") s += c.textContent ?? "";
    else if (c.localName === "r") for (const t of childrenNamed(c, "t")) s += t.textContent ?? "";
  }
  return s;
}

/** A cell as its value reads: what a formula, a shared string, an inline string or a number stands for. */
export interface CellReading {
  ref: string;
  el: Element;
  type: string;
  style: string;
  formula?: Element;
  /** Resolved text of the value: a shared string's text, an inline string's, else <v>. */
  value: string;
}

export function readCell(el: Element, sst: string[]): CellReading {
  const type = el.getAttribute("t") ?? "n";
  const v = childNamed(el, "v")?.textContent ?? "";
  let value = v;
  if (type === "s") value = sst[Number(v)] ?? `(shared string ${v} missing)`;
  else if (type === "inlineStr") {
    const is = childNamed(el, "is");
    value = is ? plainText(is) : "";
  }
  return { ref: el.getAttribute("r") ?? "", el, type, style: el.getAttribute("s") ?? "0", formula: childNamed(el, "f"), value };
}

/** The rows and cells of a worksheet's sheetData, by row number and by reference. */
export function sheetCells(doc: Document): { rows: Map<string, Element>; cells: Map<string, Element> } {
  const rows = new Map<string, Element>();
  const cells = new Map<string, Element>();
  const data = childNamed(doc.documentElement!, "sheetData");
  if (!data) return { rows, cells };
  let rowNo = 0;
  for (const row of childrenNamed(data, "row")) {
    rowNo = Number(row.getAttribute("r") ?? rowNo + 1);
    rows.set(String(rowNo), row);
    let col = 0;
    for (const c of childrenNamed(row, "c")) {
      const ref = c.getAttribute("r") ?? `${columnName(col + 1)}${rowNo}`;
      col = columnNumber(ref.replace(/\d+$/, ""));
      cells.set(ref.toUpperCase(), c);
    }
  }
  return { rows, cells };
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnName(n: number): string {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Cells of an A1 area list ("E7:E12 G5" or ["E7:E12"]), as "E7" … */
export function cellsOfAreas(areas: string | string[]): string[] {
  const list = (Array.isArray(areas) ? areas : areas.split(/\s+/)).filter(Boolean);
  const out: string[] = [];
  for (const area of list) {
    const [a, b = a] = area.replace(/\$/g, "").toUpperCase().split(":");
    const [, ca, ra] = /^([A-Z]+)(\d+)$/.exec(a) ?? [];
    const [, cb, rb] = /^([A-Z]+)(\d+)$/.exec(b) ?? [];
    if (!ca || !cb) continue;
    for (let r = Number(ra); r <= Number(rb); r++)
      for (let c = columnNumber(ca); c <= columnNumber(cb); c++) out.push(`${columnName(c)}${r}`);
  }
  return out;
}

/**
 * The undo snapshot a run left (core/snapshot, format cchc-hoan-tac/1), read from column A of the one
 * veryHidden sheet whose A1 is the snapshot header — found by its content, not by the name the writer chose.
 */
export function snapshotIn(parts: Parts): { sheet: string; snapshot: Snapshot } | undefined {
  const sst = sharedStrings(parts);
  for (const s of sheetsOf(parts)) {
    if (s.kind !== "worksheet" || !parts.has(s.part)) continue;
    const { cells } = sheetCells(xmlOf(parts, s.part));
    const a1 = cells.get("A1");
    if (!a1 || !readCell(a1, sst).value.includes(SNAPSHOT_FORMAT)) continue;
    const column: string[] = [];
    for (let r = 1; cells.has(`A${r}`); r++) column.push(readCell(cells.get(`A${r}`)!, sst).value);
    return { sheet: s.name, snapshot: decodeSnapshot(column) };
  }
  return undefined;
}

/** Sheet names compared as Excel does: case-insensitive, and here also in one Unicode form. */
export function sameSheetName(a: string, b: string): boolean {
  return a.normalize("NFC").toLocaleUpperCase("vi") === b.normalize("NFC").toLocaleUpperCase("vi");
}
