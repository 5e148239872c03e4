import { DOMParser, XMLSerializer } from "@xmldom/xmldom";
import type { Document, Element } from "@xmldom/xmldom";

/** XML parts read and written through a real parser: a part that is not well-formed throws (a damaged file). */
export function parseXml(xml: string, part: string): Document {
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(message);
    },
  });
  try {
    return parser.parseFromString(xml, "text/xml");
  } catch (e) {
    const cause = e instanceof Error && e.cause instanceof Error ? e.cause : e;
    throw new PartError(
      part,
      (cause instanceof Error ? cause.message : String(cause)).split("\n")[0]
    );
  }
}

export function serializeXml(doc: Document): string {
  return new XMLSerializer().serializeToString(doc);
}

/** A part that cannot be read as XML. */
export class PartError extends Error {
  constructor(
    readonly part: string,
    readonly reason: string
  ) {
    super(`${part}: ${reason}`);
  }
}

/** The element children of `el` with this local name, in any namespace (transitional or strict OOXML). */
export function childrenNamed(el: Element, localName: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (n as Element).localName === localName) out.push(n as Element);
  return out;
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
  const root = doc.documentElement;
  if (!root) return [];
  return childrenNamed(root, "Relationship").map((element) => ({
    element,
    id: element.getAttribute("Id") ?? "",
    kind: (element.getAttribute("Type") ?? "").split("/").pop() ?? "",
    target: element.getAttribute("Target") ?? "",
    external: element.getAttribute("TargetMode") === "External",
  }));
}
