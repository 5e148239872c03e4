import type { Element, ParentNode } from "domhandler";
import { decodeAttr } from "./escaping";
import { isElement, prefixOf } from "./nodes";

/** Namespaces by URI, looked up in the `xmlns` attributes in scope (the parser does not resolve them). */

export const XML_NS = "http://www.w3.org/XML/1998/namespace";
export const MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006";

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
