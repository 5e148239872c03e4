import type { Element } from "domhandler";
import { appendChild, prepend } from "domutils";
import { MC_NS, namespaceOf } from "./namespaces";
import { child, children, createLike, isElement, localName } from "./nodes";
import { changed, placed } from "./sourceMarkup";
import { setAttrs } from "./values";

/** New elements where the part's schema puts them: in its namespace, in its sequence's order. */

/** Appends a new element of `parent`'s namespace, with attributes (undefined ones left out). */
export function appendNew(
  parent: Element,
  local: string,
  attrs: Record<string, string | number | undefined> = {}
): Element {
  const el = createLike(parent, local);
  setAttrs(el, attrs);
  changed(parent);
  appendChild(parent, el);
  return el;
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
  changed(parent);
  placed(el);
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
