import render from "dom-serializer";
import {
  Document,
  DomHandler,
  Element,
  ProcessingInstruction,
  Text,
  type ChildNode,
  type ParentNode,
} from "domhandler";
import { appendChild, prepend, removeElement } from "domutils";
import { decodeXML, escapeUTF8 } from "entities";
import { Parser } from "htmlparser2";

/**
 * The one XML layer of src/xlsx: parts are parsed by htmlparser2 in XML mode into a domhandler tree and written
 * back by dom-serializer, both without touching entities — what a part holds and nobody changes comes back byte
 * for byte. So text and attribute values are kept as written: read through `textOf` and `attr` (which decode
 * them) and set through `setText` and `setAttr` (which escape them, with `entities`).
 *
 * The parser does not resolve namespaces. Elements are found by local name under the prefix their parent uses for
 * the part's main namespace — `<x:worksheet xmlns:x=…>` (as the Open XML SDK writes) and the strict namespace
 * work as well as the default one — and new elements take their parent's prefix. Where a namespace matters by
 * its URI (relationship ids, markup compatibility), it is looked up in the `xmlns` attributes in scope.
 */

export { Document, Element };

export const XML_NS = "http://www.w3.org/XML/1998/namespace";
export const MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const DECLARATION = '?xml version="1.0" encoding="UTF-8" standalone="yes"?';

/** A part that is not well-formed XML: the file is damaged. */
export class PartError extends Error {
  constructor(
    readonly part: string,
    readonly reason: string
  ) {
    super(`${part}: ${reason}`);
  }
}

/**
 * Parses a part. htmlparser2 mends what is not well-formed, so its mending is what is refused: an element closed
 * by another's end tag or left open at the end, more than one root, text outside the root. (An end tag that
 * closes nothing is dropped unseen; a reader of the part would have refused the file before it came here.)
 */
export function parseXml(text: string, part: string): Document {
  let problem: string | undefined;
  let written = false;
  const handler = new DomHandler(undefined, { xmlMode: true });
  const parser = new Parser(handler, { xmlMode: true, decodeEntities: false });
  const onclosetag = handler.onclosetag.bind(handler);
  handler.onclosetag = (name?: string, implied?: boolean) => {
    // The parser calls a self-closing tag's end implied too: it is the one whose tag ends in "/>".
    const selfClosing =
      !written &&
      text.charCodeAt(parser.endIndex) === 62 &&
      text.charCodeAt(parser.endIndex - 1) === 47;
    if (implied && !selfClosing && !problem) problem = `<${name ?? ""}> is not closed`;
    onclosetag();
  };
  parser.write(text);
  written = true;
  parser.end();
  const doc = handler.root;
  if (!problem) {
    const tops = doc.children.filter(isElement);
    if (tops.length !== 1) problem = tops.length ? "more than one root element" : "no root element";
    else if (doc.children.some((n) => n instanceof Text && n.data.trim() !== ""))
      problem = "text outside the root element";
  }
  if (problem) throw new PartError(part, problem);
  return doc;
}

const RENDER = { xmlMode: true, decodeEntities: false, encodeEntities: false } as const;

export function serializeXml(doc: Document): string {
  return render(doc, RENDER);
}

/** One element's markup: a key to compare entries by. */
export function markupOf(el: Element): string {
  return render(el, RENDER);
}

/** A new part: the declaration Excel writes, then a root element in `ns` with the given prefixed namespaces. */
export function newDocument(
  ns: string,
  rootName: string,
  prefixes: Record<string, string> = {}
): Document {
  const top = new Element(rootName, {});
  setAttr(top, "xmlns", ns);
  for (const [prefix, uri] of Object.entries(prefixes)) setAttr(top, `xmlns:${prefix}`, uri);
  const doc = new Document([]);
  appendChild(doc, new ProcessingInstruction("?xml", DECLARATION));
  appendChild(doc, top);
  return doc;
}

export function root(doc: Document): Element {
  const top = doc.children.find(isElement);
  if (!top) throw new Error("a document without a root element");
  return top;
}

export function isElement(n: unknown): n is Element {
  return n instanceof Element;
}

/** The prefix of an element's (or attribute's) qualified name; "" for none. */
function prefixOfName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? "" : name.slice(0, i);
}

export function prefixOf(el: Element): string {
  return prefixOfName(el.name);
}

export function localName(el: Element): string {
  const i = el.name.indexOf(":");
  return i < 0 ? el.name : el.name.slice(i + 1);
}

/** `local` qualified with `like`'s prefix: the name of a sibling or child in the same namespace. */
function qualified(like: Element, local: string): string {
  const i = like.name.indexOf(":");
  return i < 0 ? local : like.name.slice(0, i + 1) + local;
}

/** The namespace bound to `prefix` ("" for the default namespace) where `el` is. */
export function lookupNamespace(el: Element, prefix: string): string | undefined {
  if (prefix === "xml") return XML_NS;
  const key = prefix ? `xmlns:${prefix}` : "xmlns";
  for (let n: ParentNode | null = el; n && isElement(n); n = n.parent) {
    const raw = n.attribs[key];
    if (raw !== undefined) return decodeAttr(raw);
  }
  return undefined;
}

export function namespaceOf(el: Element): string | undefined {
  return lookupNamespace(el, prefixOf(el));
}

/** A prefix bound to `ns` where `el` is, if any. */
export function lookupPrefix(el: Element, ns: string): string | undefined {
  for (let n: ParentNode | null = el; n && isElement(n); n = n.parent)
    for (const key of Object.keys(n.attribs))
      if (key.startsWith("xmlns:") && decodeAttr(n.attribs[key]) === ns) {
        const prefix = key.slice(6);
        if (lookupNamespace(el, prefix) === ns) return prefix;
      }
  return undefined;
}

/** Element children of `parent`; those named `local` under the parent's own prefix if given. */
export function children(parent: ParentNode, local?: string): Element[] {
  const out: Element[] = [];
  if (local === undefined) {
    for (const n of parent.children) if (isElement(n)) out.push(n);
    return out;
  }
  const name = isElement(parent) ? qualified(parent, local) : local;
  for (const n of parent.children) if (isElement(n) && n.name === name) out.push(n);
  return out;
}

export function child(parent: Element, local: string): Element | undefined {
  const name = qualified(parent, local);
  for (const n of parent.children) if (isElement(n) && n.name === name) return n;
  return undefined;
}

/** Descendants of `el` with local name `local`, under any prefix (extension lists mix namespaces). */
export function descendants(el: Element, local: string): Element[] {
  const out: Element[] = [];
  const walk = (p: Element) => {
    for (const n of p.children)
      if (isElement(n)) {
        if (localName(n) === local) out.push(n);
        walk(n);
      }
  };
  walk(el);
  return out;
}

/** A new element named `local` under `like`'s prefix (the part's main namespace). */
export function createLike(like: Element, local: string): Element {
  return new Element(qualified(like, local), {});
}

/** A new element with a name exactly as given (a prefixed one must have its prefix declared). */
export function createElement(name: string): Element {
  return new Element(name, {});
}

/** Appends a new element of `parent`'s namespace, with attributes (undefined ones left out). */
export function appendNew(
  parent: Element,
  local: string,
  attrs: Record<string, string | number | undefined> = {}
): Element {
  const el = createLike(parent, local);
  setAttrs(el, attrs);
  appendChild(parent, el);
  return el;
}

export function append(parent: ParentNode, el: ChildNode): void {
  appendChild(parent, el);
}

/** Inserts `el` into `parent` before `ref` (at the end when there is none). */
export function insertBefore(
  parent: ParentNode,
  el: ChildNode,
  ref: ChildNode | null | undefined
): void {
  if (ref && ref.parent === parent) prepend(ref, el);
  else appendChild(parent, el);
}

export function remove(el: ChildNode): void {
  removeElement(el);
}

/** Removes every child of `parent` at once. */
export function removeChildren(parent: ParentNode): void {
  for (const n of parent.children) {
    n.parent = null;
    n.prev = null;
    n.next = null;
  }
  parent.children = [];
}

/** A deep copy of an element, not in any document. */
export function clone(el: Element): Element {
  return el.cloneNode(true);
}

/** Removes the children of `parent` that pass `test`, in one pass (removing one at a time is quadratic). */
export function removeChildrenWhere(parent: ParentNode, test: (n: ChildNode) => boolean): number {
  const kept: ChildNode[] = [];
  let removed = 0;
  for (const n of parent.children) {
    if (test(n)) {
      n.parent = null;
      n.prev = null;
      n.next = null;
      removed++;
      continue;
    }
    const before = kept[kept.length - 1] ?? null;
    n.prev = before;
    if (before) before.next = n;
    kept.push(n);
  }
  if (kept.length) kept[kept.length - 1].next = null;
  parent.children = kept;
  return removed;
}

// Attributes and text: kept as written, decoded when read, escaped when set.

/** XML 1.0 §3.3.3: a literal tab, line feed or carriage return in an attribute value reads as a space. */
function decodeAttr(raw: string): string {
  if (raw.indexOf("&") < 0 && !/[\t\n\r]/.test(raw)) return raw;
  return decodeXML(raw.replace(/\r\n|[\t\n\r]/g, " "));
}

/** The characters encodeAttr and encodeText change (entities' escapeUTF8 escapes `"&'<>`). */
const ATTR_SPECIAL = /["&'<>\t\n\r]/;
const TEXT_SPECIAL = /["&'<>\r]/;

/** What `decodeAttr` reads back as the same value: markup characters and the whitespace it would fold. */
function encodeAttr(value: string): string {
  if (!ATTR_SPECIAL.test(value)) return value; // most values (numbers, cell references): nothing to escape
  return escapeUTF8(value).replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** XML 1.0 §2.11: line ends read as line feeds. */
function decodeText(raw: string): string {
  if (raw.indexOf("&") < 0 && raw.indexOf("\r") < 0) return raw;
  return decodeXML(raw.replace(/\r\n?/g, "\n"));
}

function encodeText(value: string): string {
  if (!TEXT_SPECIAL.test(value)) return value;
  return escapeUTF8(value).replace(/\r/g, "&#13;");
}

export function attr(el: Element, name: string): string | undefined {
  const raw = el.attribs[name];
  return raw === undefined ? undefined : decodeAttr(raw);
}

export function hasAttr(el: Element, name: string): boolean {
  return el.attribs[name] !== undefined;
}

/** Sets an attribute; a new one goes after the element's others, an existing one keeps its place. */
export function setAttr(el: Element, name: string, value: string | number): void {
  el.attribs[name] = encodeAttr(String(value));
}

export function setAttrs(el: Element, attrs: Record<string, string | number | undefined>): void {
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) setAttr(el, k, v);
}

export function removeAttr(el: Element, name: string): void {
  delete el.attribs[name];
}

export function attrNames(el: Element): string[] {
  return Object.keys(el.attribs);
}

/** An attribute in namespace `ns` (one of `namespaces`), by local name: `r:id` whatever the prefix. */
export function attrNS(
  el: Element,
  namespaces: readonly string[],
  local: string
): string | undefined {
  for (const key of Object.keys(el.attribs)) {
    const i = key.indexOf(":");
    if (i < 0 || key.slice(i + 1) !== local || key.startsWith("xmlns:")) continue;
    const ns = lookupNamespace(el, key.slice(0, i));
    if (ns !== undefined && namespaces.includes(ns)) return decodeAttr(el.attribs[key]);
  }
  return undefined;
}

/** Text content of an element: its text and CDATA children, joined. */
export function textOf(el: Element): string {
  let s = "";
  for (const n of el.children) {
    if (n instanceof Text) s += decodeText(n.data);
    else if (n.type === "cdata") for (const t of n.children) if (t instanceof Text) s += t.data;
  }
  return s;
}

export function setText(el: Element, text: string): void {
  removeChildren(el);
  appendChild(el, new Text(encodeText(text)));
}

/** The local name an element stands for in a schema sequence: mc:AlternateContent takes its first choice's. */
function sequenceName(el: Element): string {
  if (localName(el) === "AlternateContent" && namespaceOf(el) === MC_NS) {
    const choice = children(el)[0];
    const inner = choice ? children(choice)[0] : undefined;
    if (inner) return localName(inner);
  }
  return localName(el);
}

/**
 * Inserts `el` among `parent`'s children where the schema's sequence `order` puts it: before the first child
 * that comes later in the sequence, so after any of its own kind. Children the sequence does not name are passed.
 */
export function insertInOrder(parent: Element, el: Element, order: readonly string[]): Element {
  const rank = order.indexOf(localName(el));
  if (rank < 0) throw new Error(`${el.name} is not in the sequence`);
  for (const c of parent.children)
    if (isElement(c) && order.indexOf(sequenceName(c)) > rank) {
      prepend(c, el);
      return el;
    }
  appendChild(parent, el);
  return el;
}

/** The child of that name, made at its place in the sequence when missing. */
export function ensureChild(parent: Element, local: string, order: readonly string[]): Element {
  return child(parent, local) ?? insertInOrder(parent, createLike(parent, local), order);
}

/** The prefix `el`'s document uses for `ns`, declaring `preferred` on the root when none is in scope. */
export function prefixFor(el: Element, ns: string, preferred: string): string {
  const found = lookupPrefix(el, ns);
  if (found) return found;
  let top: Element = el;
  while (top.parent && isElement(top.parent)) top = top.parent;
  let prefix = preferred;
  for (let i = 2; lookupNamespace(top, prefix) !== undefined; i++) prefix = `${preferred}${i}`;
  setAttr(top, `xmlns:${prefix}`, ns);
  return prefix;
}

/** Whether an OOXML boolean attribute is on ("1" or "true"); absent gives `dflt`. */
export function flag(el: Element, name: string, dflt = false): boolean {
  const v = attr(el, name);
  if (v === undefined || v === "") return dflt;
  return v === "1" || v === "true";
}

/** The XML declaration of a document, if it has one. */
export function declarationOf(doc: Document): ProcessingInstruction | undefined {
  const first = doc.children[0];
  return first instanceof ProcessingInstruction && first.name.toLowerCase() === "?xml"
    ? first
    : undefined;
}
