import { Document, Element, XMLSerializer } from "@xmldom/xmldom";
import JSZip from "jszip";
import * as path from "path";
import { elementChildren, parseXml } from "../packageDiff";
import { NS, relsPartOf, resolveTarget, sheetsOf, workbookPart } from "./packageRead";

/**
 * Editing a spreadsheet package the way the builders of the corpus need: parts read and written as DOM documents
 * (@xmldom/xmldom), relationships and content types kept consistent, new elements put where the schema's sequence
 * wants them. Existing XML is only ever edited through the DOM; brand-new small parts may come from a template.
 */

export const REL = {
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  chartsheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  image: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  threadedComment: "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
  person: "http://schemas.microsoft.com/office/2017/10/relationships/person",
  pivotTable: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotTable",
  pivotCacheDefinition: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotCacheDefinition",
  pivotCacheRecords: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotCacheRecords",
  externalLink: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink",
  externalLinkPath: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath",
  sheetMetadata: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  customProperties: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties",
  customXml: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml",
  customXmlProps: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps",
  webExtensionTaskpanes: "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes",
  webExtension: "http://schemas.microsoft.com/office/2011/relationships/webextension",
  vbaProject: "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
};

export const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  chartsheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  threadedComments: "application/vnd.ms-excel.threadedcomments+xml",
  person: "application/vnd.ms-excel.person+xml",
  pivotTable: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml",
  pivotCacheDefinition: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml",
  pivotCacheRecords: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml",
  externalLink: "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml",
  sheetMetadata: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml",
  calcChain: "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  customProperties: "application/vnd.openxmlformats-officedocument.custom-properties+xml",
  customXmlProps: "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
  webExtension: "application/vnd.ms-office.webextension+xml",
  webExtensionTaskpanes: "application/vnd.ms-office.webextensiontaskpanes+xml",
  vbaProject: "application/vnd.ms-office.vbaProject",
  xlsmMain: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  xltxMain: "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  png: "image/png",
};

/** CT_Worksheet's child sequence (ECMA-376 Part 1, 18.3.1.99): where a new child element goes. */
const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection",
  "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells",
  "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup",
  "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
  "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts",
  "extLst",
];

/** CT_Workbook's child sequence (18.2.27). */
const WORKBOOK_ORDER = [
  "fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups",
  "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr",
  "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst",
];

/** CT_Stylesheet's child sequence (18.8.39). */
const STYLESHEET_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

export class PackageEditor {
  private readonly docs = new Map<string, Document>();

  private constructor(private readonly zip: JSZip) {}

  static async open(bytes: Uint8Array): Promise<PackageEditor> {
    return new PackageEditor(await JSZip.loadAsync(bytes));
  }

  has(part: string): boolean {
    return this.docs.has(part) || this.zip.file(part) !== null;
  }

  async xml(part: string): Promise<Document> {
    let doc = this.docs.get(part);
    if (!doc) {
      const f = this.zip.file(part);
      if (!f) throw new Error(`no part ${part}`);
      doc = parseXml(await f.async("string"), part);
      this.docs.set(part, doc);
    }
    return doc;
  }

  /** A new or replaced part: text (a brand-new part from a template), bytes, or a document. */
  put(part: string, content: string | Uint8Array | Document): void {
    if (typeof content === "string" || content instanceof Uint8Array) {
      this.docs.delete(part);
      this.zip.file(part, content);
    } else this.docs.set(part, content);
  }

  async bytes(): Promise<Uint8Array> {
    const ser = new XMLSerializer();
    for (const [part, doc] of this.docs) this.zip.file(part, ser.serializeToString(doc));
    return this.zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  }

  async contentType(kind: "Override" | "Default", key: string, type: string): Promise<void> {
    const doc = await this.xml("[Content_Types].xml");
    const root = doc.documentElement!;
    const attr = kind === "Override" ? "PartName" : "Extension";
    const value = kind === "Override" ? `/${key}` : key;
    const existing = elementChildren(root).find((e) => e.localName === kind && e.getAttribute(attr)?.toLowerCase() === value.toLowerCase());
    if (existing) {
      existing.setAttribute("ContentType", type);
      return;
    }
    const el = doc.createElementNS(NS.ct, kind);
    el.setAttribute(attr, value);
    el.setAttribute("ContentType", type);
    root.appendChild(el);
  }

  /** Adds a part with its content-type override. */
  async addPart(part: string, content: string | Uint8Array, type?: string): Promise<void> {
    this.put(part, content);
    if (type) await this.contentType("Override", part, type);
  }

  /** Adds a relationship from `source` ("" for the package) to `target` (a part name, or a URL when external). */
  async relate(source: string, type: string, target: string, external = false): Promise<string> {
    const relsPart = relsPartOf(source);
    if (!this.has(relsPart)) this.put(relsPart, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}"></Relationships>`);
    const doc = await this.xml(relsPart);
    const root = doc.documentElement!;
    const ids = new Set(elementChildren(root).map((e) => e.getAttribute("Id")));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const el = doc.createElementNS(NS.pkgRel, "Relationship");
    el.setAttribute("Id", id);
    el.setAttribute("Type", type);
    el.setAttribute("Target", external ? target : relativeTarget(source, target));
    if (external) el.setAttribute("TargetMode", "External");
    root.appendChild(el);
    return id;
  }

  async workbookPart(): Promise<string> {
    return workbookPart(await this.partsForRead(["_rels/.rels"]));
  }

  async workbook(): Promise<Document> {
    return this.xml(await this.workbookPart());
  }

  /** The part of a sheet by name. */
  async sheetPart(name: string): Promise<string> {
    const wb = await this.workbookPart();
    const parts = await this.partsForRead(["_rels/.rels", wb, relsPartOf(wb)]);
    const s = sheetsOf(parts).find((x) => x.name === name);
    if (!s) throw new Error(`no sheet "${name}"`);
    return s.part;
  }

  async sheet(name: string): Promise<Document> {
    return this.xml(await this.sheetPart(name));
  }

  /** Adds a worksheet (or chartsheet) from its XML text; `at` = position among the sheets (default last). */
  async addSheet(name: string, xml: string, opts: { kind?: "worksheet" | "chartsheet"; at?: number; state?: string } = {}): Promise<string> {
    const kind = opts.kind ?? "worksheet";
    const folder = kind === "worksheet" ? "xl/worksheets" : "xl/chartsheets";
    let n = 1;
    while (this.has(`${folder}/sheet${n}.xml`)) n++;
    const part = `${folder}/sheet${n}.xml`;
    await this.addPart(part, xml, kind === "worksheet" ? CT.worksheet : CT.chartsheet);
    const wbPart = await this.workbookPart();
    const rId = await this.relate(wbPart, kind === "worksheet" ? REL.worksheet : REL.chartsheet, part);
    const wb = await this.xml(wbPart);
    const sheets = child(wb.documentElement!, "sheets")!;
    const ids = elementChildren(sheets).map((s) => Number(s.getAttribute("sheetId")));
    const el = wb.createElementNS(NS.main, "sheet");
    el.setAttribute("name", name);
    el.setAttribute("sheetId", String(Math.max(0, ...ids) + 1));
    if (opts.state) el.setAttribute("state", opts.state);
    el.setAttributeNS(NS.rel, "r:id", rId);
    const at = opts.at === undefined ? null : elementChildren(sheets)[opts.at] ?? null;
    sheets.insertBefore(el, at);
    await this.listInAppProperties(name, kind, elementChildren(sheets).indexOf(el));
    return part;
  }

  /**
   * Keeps docProps/app.xml as Excel does: the sheet's title in TitlesOfParts (worksheets first, in tab order, then
   * charts) and its group's count in HeadingPairs.
   */
  private async listInAppProperties(name: string, kind: "worksheet" | "chartsheet", position: number): Promise<void> {
    if (!this.has("docProps/app.xml")) return;
    const doc = await this.xml("docProps/app.xml");
    const vector = (parent: string) => {
      const p = child(doc.documentElement!, parent);
      return p ? child(p, "vector") : undefined;
    };
    const pairs = vector("HeadingPairs");
    const titles = vector("TitlesOfParts");
    if (!pairs || !titles) return;
    const group = kind === "worksheet" ? "Worksheets" : "Charts";
    const variants = elementChildren(pairs);
    let offset = 0;
    let counter: Element | undefined;
    for (let i = 0; i + 1 < variants.length; i += 2) {
      const label = variants[i].textContent ?? "";
      const count = child(variants[i + 1], "i4");
      if (label === group) {
        counter = count;
        break;
      }
      offset += Number(count?.textContent ?? 0);
    }
    const VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";
    if (!counter) {
      for (const [tag, text] of [["lpstr", group], ["i4", "0"]]) {
        const variant = doc.createElementNS(VT, "vt:variant");
        const value = doc.createElementNS(VT, `vt:${tag}`);
        value.appendChild(doc.createTextNode(text));
        variant.appendChild(value);
        pairs.appendChild(variant);
        if (tag === "i4") counter = value;
      }
      pairs.setAttribute("size", String(elementChildren(pairs).length));
    }
    const inGroup = Number(counter!.textContent ?? 0);
    counter!.textContent = String(inGroup + 1);
    const title = doc.createElementNS(VT, "vt:lpstr");
    title.appendChild(doc.createTextNode(name));
    const index = offset + (kind === "worksheet" ? Math.min(position, inGroup) : inGroup);
    titles.insertBefore(title, elementChildren(titles)[index] ?? null);
    titles.setAttribute("size", String(elementChildren(titles).length));
  }

  /** A new workbook-level or sheet-local defined name. */
  async defineName(name: string, formula: string, opts: { localSheetId?: number; hidden?: boolean } = {}): Promise<void> {
    const wb = await this.workbook();
    const names = await ensureChild(wb, wb.documentElement!, "definedNames", WORKBOOK_ORDER);
    const el = wb.createElementNS(NS.main, "definedName");
    el.setAttribute("name", name);
    if (opts.localSheetId !== undefined) el.setAttribute("localSheetId", String(opts.localSheetId));
    if (opts.hidden) el.setAttribute("hidden", "1");
    el.appendChild(wb.createTextNode(formula));
    names.appendChild(el);
  }

  /** Appends an entry to a styles.xml collection (cellXfs, dxfs, numFmts …), fixing its count; returns its index. */
  async appendStyle(collection: string, xml: string): Promise<number> {
    const rel = (await this.relationships(await this.workbookPart())).find((r) => r.type.endsWith("/styles"))!;
    const doc = await this.xml(rel.part!);
    const list = await ensureChild(doc, doc.documentElement!, collection, STYLESHEET_ORDER);
    const el = fragment(doc, xml, NS.main);
    list.appendChild(el);
    const count = elementChildren(list).length;
    list.setAttribute("count", String(count));
    return count - 1;
  }

  async relationships(source: string): Promise<{ id: string; type: string; part?: string }[]> {
    const relsPart = relsPartOf(source);
    if (!this.has(relsPart)) return [];
    return elementChildren((await this.xml(relsPart)).documentElement!).map((e) => ({
      id: e.getAttribute("Id") ?? "",
      type: e.getAttribute("Type") ?? "",
      part: e.getAttribute("TargetMode") === "External" ? undefined : resolveTarget(source, e.getAttribute("Target") ?? ""),
    }));
  }

  /** Current bytes of a few parts, for the readers in packageRead. */
  private async partsForRead(names: string[]): Promise<Map<string, Uint8Array>> {
    const ser = new XMLSerializer();
    const out = new Map<string, Uint8Array>();
    for (const n of names) {
      const doc = this.docs.get(n);
      if (doc) out.set(n, Buffer.from(ser.serializeToString(doc)));
      else {
        const f = this.zip.file(n);
        if (f) out.set(n, await f.async("uint8array"));
      }
    }
    return out;
  }
}

export function child(el: Element, localName: string): Element | undefined {
  return elementChildren(el).find((c) => c.localName === localName);
}

/** Parses an XML fragment in the given default namespace (with the usual prefixes declared) and imports it into `doc`. */
export function fragment(doc: Document, xml: string, defaultNs: string): Element {
  const wrapper = parseXml(
    `<w xmlns="${defaultNs}" xmlns:r="${NS.rel}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
      `xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main" ` +
      `xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">${xml}</w>`,
    "fragment"
  );
  const el = elementChildren(wrapper.documentElement!)[0];
  return doc.importNode(el, true) as Element;
}

/** The child of that name, created at its place in the schema's sequence if absent. */
export async function ensureChild(doc: Document, parent: Element, localName: string, order: string[]): Promise<Element> {
  const found = child(parent, localName);
  if (found) return found;
  const el = doc.createElementNS(parent.namespaceURI, localName);
  insertInOrder(parent, el, order);
  return el;
}

/** Inserts `el` among `parent`'s children where `order` (the schema's sequence of local names) puts it. */
export function insertInOrder(parent: Element, el: Element, order: string[] = WORKSHEET_ORDER): void {
  const rank = order.indexOf(el.localName!);
  if (rank < 0) throw new Error(`insertInOrder: ${el.localName} is not in the sequence`);
  const after = elementChildren(parent).find((c) => order.indexOf(c.localName!) > rank);
  parent.insertBefore(el, after ?? null);
}

/** Adds a top-level element (given as XML text in the main namespace) to a worksheet at its schema position. */
export function addToWorksheet(doc: Document, xml: string): Element {
  const el = fragment(doc, xml, NS.main);
  insertInOrder(doc.documentElement!, el, WORKSHEET_ORDER);
  return el;
}

export function addToWorkbook(doc: Document, xml: string): Element {
  const el = fragment(doc, xml, NS.main);
  insertInOrder(doc.documentElement!, el, WORKBOOK_ORDER);
  return el;
}

/** Declares a namespace prefix on a document's root (as Excel does for x14ac, xr …). */
export function declareNamespace(doc: Document, prefix: string, uri: string): void {
  doc.documentElement!.setAttributeNS("http://www.w3.org/2000/xmlns/", `xmlns:${prefix}`, uri);
}

/** The target of a relationship as Excel writes it: relative to the source part's folder. */
export function relativeTarget(source: string, target: string): string {
  if (source === "") return target;
  return path.posix.relative(path.posix.dirname(source), target);
}

/** Sets a cell's content (creating the row and cell in order); `inner` is the cell's children as XML text. */
export function setCell(doc: Document, ref: string, inner: string, attrs: Record<string, string> = {}): Element {
  const data = child(doc.documentElement!, "sheetData")!;
  const rowNo = Number(/\d+$/.exec(ref)![0]);
  let row = elementChildren(data).find((r) => Number(r.getAttribute("r")) === rowNo);
  if (!row) {
    row = doc.createElementNS(NS.main, "row");
    row.setAttribute("r", String(rowNo));
    const next = elementChildren(data).find((r) => Number(r.getAttribute("r")) > rowNo);
    data.insertBefore(row, next ?? null);
  }
  const col = colOf(ref);
  const cells = elementChildren(row);
  const old = cells.find((c) => c.getAttribute("r") === ref);
  const cell = fragment(doc, `<c r="${ref}"${Object.entries(attrs).map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join("")}>${inner}</c>`, NS.main);
  if (old) {
    const s = old.getAttribute("s");
    if (s !== null && !("s" in attrs)) cell.setAttribute("s", s);
    row.replaceChild(cell, old);
  } else row.insertBefore(cell, cells.find((c) => colOf(c.getAttribute("r") ?? "") > col) ?? null);
  if (row.hasAttribute("spans")) row.removeAttribute("spans");
  growDimension(doc, rowNo, col);
  return cell;
}

/** Keeps <dimension ref> covering a cell, as Excel does. */
function growDimension(doc: Document, row: number, col: number): void {
  const dim = child(doc.documentElement!, "dimension");
  if (!dim) return;
  const [a, b = a] = (dim.getAttribute("ref") ?? "A1").split(":");
  const top = Math.min(Number(/\d+$/.exec(a)![0]), row);
  const left = Math.min(colOf(a), col);
  const bottom = Math.max(Number(/\d+$/.exec(b)![0]), row);
  const right = Math.max(colOf(b), col);
  dim.setAttribute("ref", `${colName(left)}${top}:${colName(right)}${bottom}`);
}

function colName(n: number): string {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function colOf(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, "")) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

export function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Sets a cell's style index. */
export function styleCell(doc: Document, ref: string, s: number): void {
  const data = child(doc.documentElement!, "sheetData")!;
  for (const row of elementChildren(data))
    for (const c of elementChildren(row))
      if (c.getAttribute("r") === ref) {
        c.setAttribute("s", String(s));
        return;
      }
  setCell(doc, ref, "", { s: String(s) });
}
