import { Element, type ChildNode, type Document, type ParentNode } from "domhandler";
import { appendChild, prepend, removeElement } from "domutils";
import { changed, placed } from "./sourceMarkup";

/** Elements and their children: finding, creating, moving and removing nodes of a parsed part. */

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

/** The descendants of `el` named by each of `locals`, found in one walk of the tree. */
export function descendantsNamed(el: Element, locals: readonly string[]): Map<string, Element[]> {
  const out = new Map(locals.map((l) => [l, [] as Element[]]));
  const walk = (p: Element) => {
    for (const n of p.children)
      if (isElement(n)) {
        out.get(localName(n))?.push(n);
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

export function append(parent: ParentNode, el: ChildNode): void {
  changed(parent);
  placed(el);
  appendChild(parent, el);
}

/** Inserts `el` into `parent` before `ref` (at the end when there is none). */
export function insertBefore(
  parent: ParentNode,
  el: ChildNode,
  ref: ChildNode | null | undefined
): void {
  changed(parent);
  placed(el);
  if (ref && ref.parent === parent) prepend(ref, el);
  else appendChild(parent, el);
}

export function remove(el: ChildNode): void {
  changed(el.parent);
  removeElement(el);
}

/** Removes every child of `parent` at once. */
export function removeChildren(parent: ParentNode): void {
  if (parent.children.length) changed(parent);
  for (const n of parent.children) {
    n.parent = null;
    n.prev = null;
    n.next = null;
  }
  parent.children = [];
}

/** A deep copy of an element, not in any document. */
export function clone(el: Element): Element {
  const copy = el.cloneNode(true);
  placed(copy);
  return copy;
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
  if (removed) changed(parent);
  parent.children = kept;
  return removed;
}
