import { DOMParser, Document, Element, Node } from "@xmldom/xmldom";
import JSZip from "jszip";

/**
 * Compares two OPC packages (.xlsx, .xlsm, .xltx …) part by part: which parts were added, removed or changed
 * (on their decompressed bytes), what happened to the content types, and for changed XML parts an element-level
 * difference — each element named by a path such as `/worksheet/sheetData/row[@r="5"]/c[@r="E5"]`, so a failing
 * test says which part lost which element. Knows nothing of spreadsheets beyond the names of key attributes: the
 * rules about which parts a writer may change live with the tests that use it (test/support/realShaped).
 */

/** Part name (as stored in the zip, no leading "/") → decompressed bytes. Folder entries are not parts. */
export type Parts = Map<string, Uint8Array>;

export interface XmlDifference {
  /** Path of the element concerned; for "missing" the element the original had, for "added" the new one. */
  path: string;
  change: "missing" | "added" | "moved" | "attribute" | "text" | "renamed" | "unreadable";
  detail: string;
}

export interface ContentTypeChange {
  /** "Default png" or "Override /xl/workbook.xml". */
  key: string;
  before?: string;
  after?: string;
}

export interface PackageReport {
  removed: string[];
  added: string[];
  changed: string[];
  same: string[];
  /** Element-level differences of each changed XML part (absent for binary parts and parts not asked for). */
  xml: Map<string, XmlDifference[]>;
  contentTypes: ContentTypeChange[];
  original: Parts;
  written: Parts;
}

export interface CompareOptions {
  /** Which changed XML parts get an element-level diff; default all. */
  elementDiff?: (part: string) => boolean;
  /** At most this many differences per part (a summary line says how many more); default 200. */
  limitPerPart?: number;
}

export async function readParts(bytes: Uint8Array): Promise<Parts> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Parts = new Map();
  for (const f of Object.values(zip.files)) if (!f.dir) parts.set(f.name, await f.async("uint8array"));
  return parts;
}

export async function comparePackages(
  original: Uint8Array | Parts,
  written: Uint8Array | Parts,
  opts: CompareOptions = {}
): Promise<PackageReport> {
  const a = original instanceof Map ? original : await readParts(original);
  const b = written instanceof Map ? written : await readParts(written);
  const report: PackageReport = { removed: [], added: [], changed: [], same: [], xml: new Map(), contentTypes: [], original: a, written: b };
  for (const [name, bytes] of a) {
    const other = b.get(name);
    if (!other) report.removed.push(name);
    else if (sameBytes(bytes, other)) report.same.push(name);
    else {
      report.changed.push(name);
      if (isXmlPart(name) && (opts.elementDiff?.(name) ?? true)) report.xml.set(name, diffXml(bytes, other, opts.limitPerPart));
    }
  }
  for (const name of b.keys()) if (!a.has(name)) report.added.push(name);
  report.contentTypes = contentTypeChanges(a, b);
  return report;
}

/** One line per finding, for test failure messages. */
export function describeReport(r: PackageReport): string[] {
  const out: string[] = [];
  for (const p of r.removed) out.push(`part lost: ${p}`);
  for (const p of r.added) out.push(`part added: ${p}`);
  for (const p of r.changed) {
    const diffs = r.xml.get(p);
    if (!diffs) out.push(`part changed: ${p}`);
    else for (const d of diffs) out.push(`${p}: ${d.change} ${d.path}${d.detail ? ` — ${d.detail}` : ""}`);
  }
  for (const c of r.contentTypes) out.push(`content type ${c.key}: ${c.before ?? "(none)"} → ${c.after ?? "(none)"}`);
  return out;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function isXmlPart(name: string): boolean {
  return /\.(xml|rels|vml)$/i.test(name);
}

// ---------------------------------------------------------------------------------------------------------------
// XML

const XMLNS = "http://www.w3.org/2000/xmlns/";

export function parseXml(text: string | Uint8Array, what = "XML"): Document {
  const s = typeof text === "string" ? text : Buffer.from(text).toString("utf8");
  return new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(`${what}: not well-formed XML: ${message}`);
    },
  }).parseFromString(s, "text/xml");
}

export function elementChildren(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === Node.ELEMENT_NODE) out.push(n as Element);
  return out;
}

/** Text of an element without element children; for mixed content, its text nodes joined (whitespace kept). */
function ownText(el: Element): string {
  let s = "";
  for (let n = el.firstChild; n; n = n.nextSibling)
    if (n.nodeType === Node.TEXT_NODE || n.nodeType === Node.CDATA_SECTION_NODE) s += n.nodeValue ?? "";
  return s;
}

function hasElementChildren(el: Element): boolean {
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === Node.ELEMENT_NODE) return true;
  return false;
}

/** Attributes by "{namespace}localName" (namespace declarations included: a lost mc:Ignorable prefix matters). */
export function attributeMap(el: Element): Map<string, { name: string; value: string }> {
  const m = new Map<string, { name: string; value: string }>();
  for (let i = 0; i < el.attributes.length; i++) {
    const at = el.attributes.item(i)!;
    const ns = at.namespaceURI ?? "";
    const local = ns === XMLNS ? at.nodeName : at.localName ?? at.nodeName;
    m.set(`{${ns}}${local}`, { name: at.nodeName, value: at.value });
  }
  return m;
}

const canonCache = new WeakMap<Element, string>();

/** A canonical text of an element: namespace-qualified names, attributes sorted, whitespace-only text between elements dropped. */
export function canonical(el: Element): string {
  const hit = canonCache.get(el);
  if (hit !== undefined) return hit;
  const attrs = [...attributeMap(el).entries()]
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([k, v]) => `${k}=${JSON.stringify(v.value)}`)
    .join(" ");
  const inner = hasElementChildren(el) ? elementChildren(el).map(canonical).join("") : JSON.stringify(ownText(el));
  const s = `<{${el.namespaceURI ?? ""}}${el.localName ?? el.nodeName} ${attrs}>${inner}</>`;
  canonCache.set(el, s);
  return s;
}

export function sameElement(a: Element, b: Element): boolean {
  return canonical(a) === canonical(b);
}

/** Attributes that name an element among its siblings, in order of preference. */
const KEY_ATTRIBUTES = ["r", "name", "Id", "PartName", "Extension", "uri", "sheetId", "cacheId", "guid", "sqref", "ref", "id"];

/** One step of an element's path: `c[@r="E5"]`, `definedName[@name="X"][@localSheetId="1"]`, or `pageMargins[1]`. */
export function stepOf(el: Element, siblings: Element[]): string {
  const name = el.nodeName;
  for (const k of KEY_ATTRIBUTES) {
    const at = [...attributeMap(el).values()].find((a) => a.name === k || a.name.endsWith(`:${k}`));
    if (at) {
      const local = el.getAttribute("localSheetId");
      return `${name}[@${at.name}=${JSON.stringify(at.value)}]${k === "name" && local !== null ? `[@localSheetId="${local}"]` : ""}`;
    }
  }
  const same = siblings.filter((s) => s.namespaceURI === el.namespaceURI && s.localName === el.localName);
  return same.length === 1 ? name : `${name}[${same.indexOf(el) + 1}]`;
}

function qualified(el: Element): string {
  return `{${el.namespaceURI ?? ""}}${el.localName ?? el.nodeName}`;
}

/** Element-level differences between two XML texts. */
export function diffXml(a: Uint8Array | string, b: Uint8Array | string, limit = 200): XmlDifference[] {
  let da: Document, db: Document;
  try {
    da = parseXml(a, "original");
    db = parseXml(b, "written");
  } catch (e) {
    return [{ path: "/", change: "unreadable", detail: (e as Error).message }];
  }
  const out: XmlDifference[] = [];
  diffElements(da.documentElement!, db.documentElement!, `/${da.documentElement!.nodeName}`, out);
  if (out.length > limit) {
    const more = out.length - limit;
    out.length = limit;
    out.push({ path: "/", change: "text", detail: `… and ${more} more differences` });
  }
  return out;
}

/** Appends to `out` how `b` differs from `a`, both at `path`. */
export function diffElements(a: Element, b: Element, path: string, out: XmlDifference[]): void {
  if (qualified(a) !== qualified(b)) {
    out.push({ path, change: "renamed", detail: `${a.nodeName} became ${b.nodeName}` });
    return;
  }
  diffAttributes(a, b, path, out);
  if (!hasElementChildren(a) && !hasElementChildren(b)) {
    const ta = ownText(a);
    const tb = ownText(b);
    if (ta !== tb) out.push({ path, change: "text", detail: `${clip(ta)} → ${clip(tb)}` });
    return;
  }
  diffChildren(elementChildren(a), elementChildren(b), path, out);
}

export function diffAttributes(a: Element, b: Element, path: string, out: XmlDifference[], ignore: (name: string) => boolean = () => false): void {
  const ma = attributeMap(a);
  const mb = attributeMap(b);
  for (const [k, v] of ma) {
    if (ignore(v.name)) continue;
    const w = mb.get(k);
    if (!w) out.push({ path, change: "attribute", detail: `@${v.name} lost (was ${JSON.stringify(v.value)})` });
    else if (w.value !== v.value) out.push({ path, change: "attribute", detail: `@${v.name}: ${JSON.stringify(v.value)} → ${JSON.stringify(w.value)}` });
  }
  for (const [k, w] of mb) if (!ma.has(k) && !ignore(w.name)) out.push({ path, change: "attribute", detail: `@${w.name} added (${JSON.stringify(w.value)})` });
}

/**
 * Aligns two child lists: the longest common subsequence of identical elements stays; the rest are paired by
 * their path step (same name and key attribute) and compared in depth, or reported missing / added. An element
 * found identical but out of the common order is reported "moved".
 */
export function diffChildren(as: Element[], bs: Element[], path: string, out: XmlDifference[]): void {
  const pairs = alignChildren(as, bs);
  const unA = as.filter((_, i) => !pairs.aMatched[i]);
  const unB = bs.filter((_, j) => !pairs.bMatched[j]);
  const stepsA = unA.map((e) => stepOf(e, as));
  const stepsB = unB.map((e) => stepOf(e, bs));
  const usedB = new Set<number>();
  for (const [i, ea] of unA.entries()) {
    const j = stepsB.findIndex((s, k) => !usedB.has(k) && s === stepsA[i] && qualified(unB[k]) === qualified(ea));
    const p = `${path}/${stepsA[i]}`;
    if (j < 0) {
      out.push({ path: p, change: "missing", detail: summary(ea) });
      continue;
    }
    usedB.add(j);
    if (sameElement(ea, unB[j])) out.push({ path: p, change: "moved", detail: "same element, another position among its siblings" });
    else diffElements(ea, unB[j], p, out);
  }
  for (const [k, eb] of unB.entries()) if (!usedB.has(k)) out.push({ path: `${path}/${stepsB[k]}`, change: "added", detail: summary(eb) });
}

/** Which children of each list belong to the longest common subsequence of identical elements. */
export function alignChildren(as: Element[], bs: Element[]): { aMatched: boolean[]; bMatched: boolean[] } {
  const ca = as.map(canonical);
  const cb = bs.map(canonical);
  const aMatched = as.map(() => false);
  const bMatched = bs.map(() => false);
  let lo = 0;
  while (lo < ca.length && lo < cb.length && ca[lo] === cb[lo]) {
    aMatched[lo] = bMatched[lo] = true;
    lo++;
  }
  let ea = ca.length;
  let eb = cb.length;
  while (ea > lo && eb > lo && ca[ea - 1] === cb[eb - 1]) {
    ea--;
    eb--;
    aMatched[ea] = bMatched[eb] = true;
  }
  const n = ea - lo;
  const m = eb - lo;
  if (n === 0 || m === 0) return { aMatched, bMatched };
  if (n * m > 4_000_000) {
    // Too large for a table: match identical elements greedily in order.
    let j = lo;
    for (let i = lo; i < ea; i++) {
      let k = j;
      while (k < eb && cb[k] !== ca[i]) k++;
      if (k < eb) {
        aMatched[i] = bMatched[k] = true;
        j = k + 1;
      }
    }
    return { aMatched, bMatched };
  }
  const table: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      table[i][j] = ca[lo + i] === cb[lo + j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (ca[lo + i] === cb[lo + j]) {
      aMatched[lo + i] = bMatched[lo + j] = true;
      i++;
      j++;
    } else if (table[i + 1][j] >= table[i][j + 1]) i++;
    else j++;
  }
  return { aMatched, bMatched };
}

/** A short description of an element for a message: its start tag. */
export function summary(el: Element): string {
  const attrs = [...attributeMap(el).values()]
    .filter((a) => !a.name.startsWith("xmlns"))
    .map((a) => `${a.name}=${clip(a.value, 60)}`)
    .join(" ");
  const kids = elementChildren(el).length;
  const text = ownText(el);
  return `<${el.nodeName}${attrs ? " " + attrs : ""}>${kids ? ` with ${kids} child element${kids > 1 ? "s" : ""}` : text ? clip(text, 60) : ""}`;
}

function clip(s: string, n = 120): string {
  const t = JSON.stringify(s);
  return t.length > n ? t.slice(0, n) + "…\"" : t;
}

// ---------------------------------------------------------------------------------------------------------------
// Content types

export interface ContentTypes {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
}

export function contentTypesOf(parts: Parts): ContentTypes {
  const ct: ContentTypes = { defaults: new Map(), overrides: new Map() };
  const bytes = parts.get("[Content_Types].xml");
  if (!bytes) return ct;
  for (const el of elementChildren(parseXml(bytes, "[Content_Types].xml").documentElement!)) {
    if (el.localName === "Default") ct.defaults.set((el.getAttribute("Extension") ?? "").toLowerCase(), el.getAttribute("ContentType") ?? "");
    if (el.localName === "Override") ct.overrides.set((el.getAttribute("PartName") ?? "").toLowerCase(), el.getAttribute("ContentType") ?? "");
  }
  return ct;
}

/** The content type a part gets: its Override, else the Default for its extension. */
export function contentTypeOf(ct: ContentTypes, part: string): string | undefined {
  const o = ct.overrides.get(`/${part}`.toLowerCase());
  if (o !== undefined) return o;
  const ext = part.includes(".") ? part.slice(part.lastIndexOf(".") + 1).toLowerCase() : "";
  return ct.defaults.get(ext);
}

function contentTypeChanges(a: Parts, b: Parts): ContentTypeChange[] {
  const ca = contentTypesOf(a);
  const cb = contentTypesOf(b);
  const out: ContentTypeChange[] = [];
  const compare = (kind: string, x: Map<string, string>, y: Map<string, string>) => {
    for (const [k, v] of x) if (y.get(k) !== v) out.push({ key: `${kind} ${k}`, before: v, after: y.get(k) });
    for (const [k, v] of y) if (!x.has(k)) out.push({ key: `${kind} ${k}`, after: v });
  };
  compare("Default", ca.defaults, cb.defaults);
  compare("Override", ca.overrides, cb.overrides);
  return out;
}
