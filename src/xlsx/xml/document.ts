import render from "dom-serializer";
import {
  Document,
  DomHandler,
  Element,
  ProcessingInstruction,
  Text,
  type ChildNode,
} from "domhandler";
import { appendChild } from "domutils";
import { Parser } from "htmlparser2";
import { isElement } from "./nodes";
import { keepSource, sourceMarkup, sourceOf } from "./sourceMarkup";
import { setAttr } from "./values";

/**
 * A part's text to a tree and back: parsed by htmlparser2 in XML mode; written as the markup it was read from
 * where nothing changed (./sourceMarkup), element by element as dom-serializer spells it elsewhere.
 */

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
  const handler = new DomHandler(undefined, {
    xmlMode: true,
    withStartIndices: true,
    withEndIndices: true,
  });
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
  keepSource(doc, text);
  return doc;
}

const RENDER = { xmlMode: true, decodeEntities: false, encodeEntities: false } as const;

export function serializeXml(doc: Document): string {
  const source = sourceOf(doc);
  let out = "";
  for (const node of doc.children) out += serializeNode(node, source);
  return out;
}

/** An element as dom-serializer writes it in XML mode without entity encoding, unless its markup is kept. */
function serializeNode(node: ChildNode, source: string | undefined): string {
  if (node instanceof Text) return node.data;
  if (!(node instanceof Element)) return render(node, RENDER);
  const kept = sourceMarkup(source, node.startIndex, node.endIndex, node.name);
  if (kept !== undefined) return kept;
  let out = "<" + node.name;
  const attribs = node.attribs;
  for (const key in attribs) {
    const value = attribs[key] ?? "";
    out += " " + key + '="' + (value.includes('"') ? value.replace(/"/g, "&quot;") : value) + '"';
  }
  if (node.children.length === 0) return out + "/>";
  out += ">";
  for (const c of node.children) out += serializeNode(c, source);
  return out + "</" + node.name + ">";
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

/** A part is written back as UTF-8: a declaration that said otherwise would now be wrong. */
export function declareUtf8(doc: Document): void {
  const decl = declarationOf(doc);
  if (decl && /encoding\s*=/.test(decl.data))
    decl.data = decl.data.replace(/encoding\s*=\s*(["'])[^"']*\1/, 'encoding="UTF-8"');
}

/** The XML declaration of a document, if it has one. */
export function declarationOf(doc: Document): ProcessingInstruction | undefined {
  const first = doc.children[0];
  return first instanceof ProcessingInstruction && first.name.toLowerCase() === "?xml"
    ? first
    : undefined;
}
