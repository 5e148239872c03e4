import { Text, type Element } from "domhandler";
import { appendChild } from "domutils";
import { decodeAttr, decodeText, encodeAttr, encodeText } from "./escaping";
import { lookupNamespace, lookupPrefix } from "./namespaces";
import { isElement, removeChildren } from "./nodes";
import { changed } from "./sourceMarkup";

/** Attributes and text: kept as written, decoded when read, escaped when set. */

export function attr(el: Element, name: string): string | undefined {
  const raw = el.attribs[name];
  return raw === undefined ? undefined : decodeAttr(raw);
}

export function hasAttr(el: Element, name: string): boolean {
  return el.attribs[name] !== undefined;
}

/** Sets an attribute; a new one goes after the element's others, an existing one keeps its place. */
export function setAttr(el: Element, name: string, value: string | number): void {
  changed(el);
  el.attribs[name] = encodeAttr(String(value));
}

export function setAttrs(el: Element, attrs: Record<string, string | number | undefined>): void {
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) setAttr(el, k, v);
}

export function removeAttr(el: Element, name: string): void {
  if (el.attribs[name] === undefined) return;
  changed(el);
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
  changed(el);
  removeChildren(el);
  appendChild(el, new Text(encodeText(text)));
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
