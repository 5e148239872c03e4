import {
  appendNew,
  attr,
  children,
  newDocument,
  remove,
  root,
  type Document,
  type Element,
} from "../xml";
import { XlsxPackage } from "./zipPackage";

/**
 * OPC relationships (ECMA-376 Part 2 §9.3): a part's `_rels/<name>.rels`, its targets resolved to part paths.
 * A target is relative to the source part's folder, or absolute from the package root ("/xl/worksheets/sheet1.xml",
 * as openpyxl writes them); it is a URI, so it may be percent-encoded.
 */

export const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT_DOC_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";

/** Relationship types, matched by their last segment so the strict namespace's types match too. */
export const REL = {
  officeDocument: `${DOC_REL}/officeDocument`,
  worksheet: `${DOC_REL}/worksheet`,
  calcChain: `${DOC_REL}/calcChain`,
  sharedStrings: `${DOC_REL}/sharedStrings`,
  styles: `${DOC_REL}/styles`,
  extendedProperties: `${DOC_REL}/extended-properties`,
} as const;

export function isRelType(type: string | null, wanted: string): boolean {
  if (!type) return false;
  if (type === wanted) return true;
  const tail = wanted.slice(wanted.lastIndexOf("/"));
  return type.startsWith(STRICT_DOC_REL) && type.endsWith(tail);
}

/** The relationships part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; the package's is "_rels/.rels". */
export function relsPathOf(part: string): string {
  const p = part.replace(/^\//, "");
  const slash = p.lastIndexOf("/");
  return `${p.slice(0, slash + 1)}_rels/${p.slice(slash + 1)}.rels`;
}

/** The part a relationship of `source` ("" for the package) points at: a path without a leading slash. */
export function resolveTarget(source: string, target: string): string {
  let t = target;
  try {
    t = decodeURI(target);
  } catch {
    // not percent-encoded after all: take it as written
  }
  t = t.split("#")[0];
  const base = t.startsWith("/") ? [] : source.replace(/^\//, "").split("/").slice(0, -1);
  for (const seg of t.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

/** The target to write for `part` in a relationship of `source`: relative to the source's folder. */
export function relativeTarget(source: string, part: string): string {
  const from = source.replace(/^\//, "").split("/").slice(0, -1);
  const to = part.replace(/^\//, "").split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The part it points at (internal relationships only). */
  part?: string;
  element: Element;
}

export class Relationships {
  private cached?: Relationship[];

  private constructor(
    readonly source: string,
    readonly path: string,
    private readonly doc: Document
  ) {}

  /** The relationships of `source` ("" for the package's own); an empty set when it has none. */
  static async of(pkg: XlsxPackage, source: string): Promise<Relationships> {
    const path = source === "" ? "_rels/.rels" : relsPathOf(source);
    const doc = (await pkg.xml(path)) ?? newDocument(RELS_NS, "Relationships");
    return new Relationships(source, pkg.entry(path) ?? path, doc);
  }

  list(): Relationship[] {
    return (this.cached ??= children(root(this.doc), "Relationship").map((el) => {
      const target = attr(el, "Target") ?? "";
      const external = attr(el, "TargetMode") === "External";
      return {
        id: attr(el, "Id") ?? "",
        type: attr(el, "Type") ?? "",
        target,
        external,
        ...(external ? {} : { part: resolveTarget(this.source, target) }),
        element: el,
      };
    }));
  }

  byId(id: string): Relationship | undefined {
    return this.list().find((r) => r.id === id);
  }

  ofType(type: string): Relationship[] {
    return this.list().filter((r) => isRelType(r.type, type));
  }

  /** Adds a relationship to `part` with a fresh id; returns the id. */
  add(pkg: XlsxPackage, type: string, part: string): string {
    const taken = new Set(this.list().map((r) => r.id));
    let n = taken.size + 1;
    while (taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const target = relativeTarget(this.source, part);
    const element = appendNew(root(this.doc), "Relationship", {
      Id: id,
      Type: type,
      Target: target,
    });
    // Kept up to date rather than read again: a consolidation adds a hundred sheets one by one.
    this.cached?.push({
      id,
      type,
      target,
      external: false,
      part: resolveTarget(this.source, target),
      element,
    });
    this.save(pkg);
    return id;
  }

  removeById(pkg: XlsxPackage, id: string): void {
    const r = this.byId(id);
    if (!r) return;
    remove(r.element);
    this.cached = undefined;
    this.save(pkg);
  }

  private save(pkg: XlsxPackage): void {
    if (pkg.has(this.path)) pkg.edited(this.path);
    else pkg.put(this.path, this.doc);
  }
}
