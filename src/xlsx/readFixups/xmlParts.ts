import { attr, children, localName, root, type Document, type Element } from "../xml";

/** XML parts are read and written through src/xlsx/xml: a part that is not well-formed throws PartError. */
export { parseXml, PartError, serializeXml } from "../xml";

/** The element children of `el` with this local name, under any prefix (transitional or strict OOXML). */
export function childrenNamed(el: Element, name: string): Element[] {
  return children(el).filter((c) => localName(c) === name);
}

/** A relationship of a .rels part (ECMA-376 Part 2, §9.3). */
export interface Relationship {
  element: Element;
  id: string;
  /** The last segment of the type URI ("worksheet", "comments", "table" …): the same in transitional and strict. */
  kind: string;
  target: string;
  external: boolean;
}

export function relationshipsOf(doc: Document): Relationship[] {
  return childrenNamed(root(doc), "Relationship").map((element) => ({
    element,
    id: attr(element, "Id") ?? "",
    kind: (attr(element, "Type") ?? "").split("/").pop() ?? "",
    target: attr(element, "Target") ?? "",
    external: attr(element, "TargetMode") === "External",
  }));
}
