import {
  DOMImplementation,
  DOMParser,
  XMLSerializer,
  type Document,
  type Element,
  type Node,
} from "@xmldom/xmldom";
import { InputError } from "../../core/inputError";

/**
 * The XML layer of the package writer: parts are parsed into a W3C DOM (@xmldom/xmldom) and serialized back
 * by it, so escaping, namespaces and the declaration are the library's job. Elements are found by local name
 * within the part's own main namespace: a part may use a prefix for it (`<x:worksheet xmlns:x=…>`, as the
 * Open XML SDK writes) or the strict namespace, and new elements follow whatever the part uses.
 */

export type { Document, Element, Node };

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_NODE = 4;

export const XML_NS = "http://www.w3.org/XML/1998/namespace";
export const XMLNS_NS = "http://www.w3.org/2000/xmlns/";
export const MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const DECLARATION = 'version="1.0" encoding="UTF-8" standalone="yes"';

/** Parses a part; a malformed one is the user's damaged file, named. */
export function parseXml(text: string, part: string): Document {
  const fail = (msg: string) => {
    throw new InputError("damaged", { reason: `${part}: ${msg.split("\n")[0].slice(0, 100)}` });
  };
  const parser = new DOMParser({
    locator: false,
    onError: (level, msg) => {
      if (level !== "warning") fail(msg);
    },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(text, "text/xml");
  } catch (e) {
    if (e instanceof InputError) throw e;
    return fail(e instanceof Error ? e.message : String(e));
  }
  if (!doc.documentElement) fail("no root element");
  return doc;
}

const serializer = new XMLSerializer();

export function serializeXml(doc: Document): string {
  return serializer.serializeToString(doc);
}

/** One element's markup: a key to compare entries by. */
export function markupOf(el: Element): string {
  return serializer.serializeToString(el);
}

/** A new part: the declaration Excel writes, then a root element in `ns` with the given prefixed namespaces. */
export function newDocument(
  ns: string,
  root: string,
  prefixes: Record<string, string> = {}
): Document {
  const doc = new DOMImplementation().createDocument(ns, root, null);
  doc.insertBefore(doc.createProcessingInstruction("xml", DECLARATION), doc.firstChild);
  for (const [prefix, uri] of Object.entries(prefixes))
    doc.documentElement!.setAttributeNS(XMLNS_NS, `xmlns:${prefix}`, uri);
  return doc;
}

export function root(doc: Document): Element {
  return doc.documentElement!;
}

export function isElement(n: Node | null | undefined): n is Element {
  return !!n && n.nodeType === ELEMENT_NODE;
}

/** Element children of `parent`, those with local name `local` in the parent's own namespace if given. */
export function children(parent: Element, local?: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling)
    if (
      isElement(n) &&
      (local === undefined || (n.localName === local && n.namespaceURI === parent.namespaceURI))
    )
      out.push(n);
  return out;
}

export function child(parent: Element, local: string): Element | undefined {
  for (let n = parent.firstChild; n; n = n.nextSibling)
    if (isElement(n) && n.localName === local && n.namespaceURI === parent.namespaceURI) return n;
  return undefined;
}

/** A new element in the namespace and with the prefix of `like` (the part's main namespace). */
export function createLike(like: Element, local: string): Element {
  const doc = like.ownerDocument!;
  const name = like.prefix ? `${like.prefix}:${local}` : local;
  return doc.createElementNS(like.namespaceURI, name);
}

/** Appends a new element of `parent`'s namespace, with attributes (undefined ones left out). */
export function appendNew(
  parent: Element,
  local: string,
  attrs: Record<string, string | number | undefined> = {}
): Element {
  const el = createLike(parent, local);
  setAttrs(el, attrs);
  parent.appendChild(el);
  return el;
}

export function setAttrs(el: Element, attrs: Record<string, string | number | undefined>): void {
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, String(v));
}

/** Text content of an element: its text and CDATA children, joined. */
export function textOf(el: Element): string {
  let s = "";
  for (let n = el.firstChild; n; n = n.nextSibling)
    if (n.nodeType === TEXT_NODE || n.nodeType === CDATA_NODE)
      s += (n as unknown as { data: string }).data;
  return s;
}

export function setText(el: Element, text: string): void {
  while (el.firstChild) el.removeChild(el.firstChild);
  el.appendChild(el.ownerDocument!.createTextNode(text));
}

export function remove(el: Element): void {
  el.parentNode?.removeChild(el);
}

/** The local name an element stands for in a schema sequence: mc:AlternateContent takes its first choice's. */
function sequenceName(el: Element): string {
  if (el.localName === "AlternateContent" && el.namespaceURI === MC_NS) {
    const choice = children(el)[0];
    const inner = choice ? children(choice)[0] : undefined;
    if (inner?.localName) return inner.localName;
  }
  return el.localName ?? "";
}

/**
 * Inserts `el` among `parent`'s children where the schema's sequence `order` puts it: before the first child
 * that comes later in the sequence, so after any of its own kind. Children the sequence does not name are passed.
 */
export function insertInOrder(parent: Element, el: Element, order: readonly string[]): Element {
  const rank = order.indexOf(el.localName ?? "");
  if (rank < 0) throw new Error(`${el.localName} is not in the sequence`);
  for (const c of children(parent)) {
    const r = order.indexOf(sequenceName(c));
    if (r > rank) {
      parent.insertBefore(el, c);
      return el;
    }
  }
  parent.appendChild(el);
  return el;
}

/** The child of that name, made at its place in the sequence when missing. */
export function ensureChild(parent: Element, local: string, order: readonly string[]): Element {
  return child(parent, local) ?? insertInOrder(parent, createLike(parent, local), order);
}

/** The prefix `el`'s document uses for `ns`, declaring `preferred` on the root when none is in scope. */
export function prefixFor(el: Element, ns: string, preferred: string): string {
  const found = el.lookupPrefix(ns);
  if (found) return found;
  const top = el.ownerDocument!.documentElement!;
  let prefix = preferred;
  for (let i = 2; top.lookupNamespaceURI(prefix); i++) prefix = `${preferred}${i}`;
  top.setAttributeNS(XMLNS_NS, `xmlns:${prefix}`, ns);
  return prefix;
}

/** Whether an OOXML boolean attribute is on ("1" or "true"); absent gives `dflt`. */
export function flag(el: Element, name: string, dflt = false): boolean {
  const v = el.getAttribute(name);
  if (v === null || v === "") return dflt;
  return v === "1" || v === "true";
}
