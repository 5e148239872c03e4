import { Document, type AnyNode, type ChildNode, type Element, type ParentNode } from "domhandler";

/**
 * An element nobody has changed since its part was parsed is written back as the very characters it was read
 * from: its markup in the part's text, from its start tag's "<" to its end tag's ">". Nothing the tool does not
 * own is re-spelt (quotes, spacing, `<a></a>`), and the unit sheets' hundreds of untouched rows cost a slice each
 * instead of a walk of every cell.
 *
 * A parsed node knows where its markup lies (domhandler's startIndex/endIndex). Every change made through this
 * folder's helpers forgets that place for the changed element and each element above it (`changed`); a node put
 * somewhere (moved, cloned, or taken from another part) forgets it for its whole subtree (`placed`), so a slice is
 * only ever taken of the text the node was parsed from, unchanged.
 */

const SOURCE = new WeakMap<Document, string>();

/** Remembers the text `doc` was parsed from. */
export function keepSource(doc: Document, text: string): void {
  SOURCE.set(doc, text);
}

export function sourceOf(doc: Document): string | undefined {
  return SOURCE.get(doc);
}

/**
 * The markup `el` was read from, if nothing in it has changed since its part was parsed: a reader may search
 * that text instead of walking the element's subtree (the text as written: entities not decoded).
 */
export function keptMarkup(el: Element): string | undefined {
  let top: ParentNode | null = el;
  while (top.parent) top = top.parent;
  return top instanceof Document
    ? sourceMarkup(SOURCE.get(top), el.startIndex, el.endIndex, el.name)
    : undefined;
}

/**
 * `node`'s own content or attributes, or its children, are about to change: it and every element above it are
 * written anew. An element already written anew has every element above it so too, so the walk stops there.
 */
export function changed(node: ParentNode | AnyNode | null): void {
  while (node && node.startIndex !== null) {
    node.startIndex = null;
    node = node.parent;
  }
}

/**
 * `node` is being put into a tree (new, moved or copied): none of its subtree is taken from any text, and the
 * parent it leaves, if any, changes.
 */
export function placed(node: ChildNode): void {
  changed(node.parent);
  forget(node);
}

function forget(node: ChildNode): void {
  node.startIndex = null;
  if ("children" in node) for (const c of node.children) forget(c);
}

/**
 * The markup an unchanged element was read from, or undefined when it must be written from the tree. The slice
 * must begin with its start tag and end with ">": a guard, not the mechanism.
 */
export function sourceMarkup(
  source: string | undefined,
  start: number | null,
  end: number | null,
  name: string
): string | undefined {
  if (source === undefined || start === null || end === null) return undefined;
  if (source.charCodeAt(start) !== 60 || source.charCodeAt(end) !== 62) return undefined;
  if (!source.startsWith(name, start + 1)) return undefined;
  const after = source.charCodeAt(start + 1 + name.length); // the name ends: ">", "/" or whitespace
  if (after !== 62 && after !== 47 && after !== 32 && after !== 9 && after !== 10 && after !== 13)
    return undefined;
  return source.slice(start, end + 1);
}
