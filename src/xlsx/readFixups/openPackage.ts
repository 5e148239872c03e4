import JSZip from "jszip";
import { DomainError } from "../../core/errors/domainError";
import { DefinedName } from "../../core/port";
import { relativeTarget, relsPartOf, resolveTarget } from "./partNames";
import {
  append,
  attr,
  attrNS,
  createElement,
  insertBefore,
  prefixOf,
  root as rootOf,
  setAttr,
  textOf,
  type Document,
  type Element,
} from "../xml";
import {
  childrenNamed,
  parseXml,
  PartError,
  Relationship,
  relationshipsOf,
  serializeXml,
} from "./xmlParts";

/**
 * What ExcelJS is given to read, and what the package says that ExcelJS does not keep.
 *
 * ExcelJS finds parts by fixed names and relationships by literal target strings ("../comments1.xml"), and it
 * cannot write back a table without style information. Files other programs write are valid but differ:
 * openpyxl gives absolute targets ("/xl/comments/comment1.xml", a note part not named comments<n>.xml);
 * LibreOffice and openpyxl write tables without <tableStyleInfo>. So ExcelJS is handed a normalized copy of the
 * package: the same parts with the names and relative targets it expects and, for a workbook that will be written
 * back, a table's missing style information written as "no style" (every flag off, no name: what its absence
 * means) and a note's plain text written as one unformatted run (ExcelJS reads only runs). The user's bytes are
 * never changed; a package that needs nothing is passed through as it is.
 *
 * It also refuses, with a message that says what the file is, what ExcelJS would misread: an OpenDocument file,
 * a zip that holds no workbook, and a package whose relationships name parts that are not there.
 */
export interface OpenedPackage {
  /** The package as ExcelJS should read it (normalized in place where needed). */
  zip: JSZip;
  /** True when `zip` differs from the user's package and must be written out for ExcelJS. */
  changed: boolean;
  /** What was normalized, for tests and diagnostics. */
  fixes: Set<"part-names" | "targets" | "table-style" | "note-text">;
  facts: PackageFacts;
}

export interface PackageFacts {
  /** <calcPr fullCalcOnLoad="1">: the file asks to be fully recalculated when opened. */
  fullCalcOnLoad: boolean;
  /** The workbook holds names this tool writes ("_cchc."): the tool was the last to ask for recalculation. */
  toolNames: boolean;
  /** Each sheet's part (as named in `zip`), by sheet name. */
  sheetParts: Map<string, string>;
  /** The package has a shared strings part. */
  sharedStrings: boolean;
  /** The workbook's defined names as written (a local name with its sheet). */
  names: DefinedName[];
  /** `<workbookProtection lockStructure="1">`. */
  structureProtected: boolean;
}

/** Relationship kinds ExcelJS follows, the part names it expects for them, and whether a missing one is damage. */
const EXPECTED: Record<string, { pattern: RegExp; name: (n: number) => string }> = {
  worksheet: {
    pattern: /^xl\/worksheets\/sheet\d+\.xml$/,
    name: (n) => `xl/worksheets/sheet${n}.xml`,
  },
  sharedStrings: { pattern: /^xl\/sharedStrings\.xml$/, name: () => "xl/sharedStrings.xml" },
  styles: { pattern: /^xl\/styles\.xml$/, name: () => "xl/styles.xml" },
  theme: { pattern: /^xl\/theme\/[a-zA-Z0-9]+\.xml$/, name: (n) => `xl/theme/theme${n}.xml` },
  comments: { pattern: /^xl\/comments\d+\.xml$/, name: (n) => `xl/comments${n}.xml` },
  vmlDrawing: {
    pattern: /^xl\/drawings\/vmlDrawing\d+\.vml$/,
    name: (n) => `xl/drawings/vmlDrawing${n}.vml`,
  },
  table: { pattern: /^xl\/tables\/table\d+\.xml$/, name: (n) => `xl/tables/table${n}.xml` },
  drawing: {
    pattern: /^xl\/drawings\/[a-zA-Z0-9]+\.xml$/,
    name: (n) => `xl/drawings/drawing${n}.xml`,
  },
  image: {
    pattern: /^xl\/media\/[a-zA-Z0-9]+\.[a-zA-Z0-9]{3,4}$/,
    name: (n) => `xl/media/image${n}`,
  },
};
const MAIN = "xl/workbook.xml";
/** Parts whose absence ExcelJS turns into a crash or silently lost content: a missing one is a damaged file. */
const REQUIRED = new Set([
  "worksheet",
  "sharedStrings",
  "styles",
  "comments",
  "vmlDrawing",
  "table",
  "drawing",
  "image",
]);

interface RelsPart {
  /** The part the relationships belong to ("" for the package). */
  source: string;
  doc: Document;
  rels: Relationship[];
}

export async function openPackage(
  zip: JSZip,
  options: { forWriting: boolean }
): Promise<OpenedPackage> {
  await refuseOpenDocument(zip);
  const exists = (part: string) => {
    const f = zip.file(part);
    return f !== null && !f.dir;
  };
  const relsParts: RelsPart[] = [];
  const readRels = async (source: string): Promise<RelsPart | undefined> => {
    const doc = await readXml(zip, relsPartOf(source));
    if (!doc) return undefined;
    const part = { source, doc, rels: relationshipsOf(doc) };
    relsParts.push(part);
    return part;
  };
  const internal = (p: RelsPart, kind?: string) =>
    p.rels
      .filter((r) => !r.external && (kind === undefined || r.kind === kind))
      .map((r) => ({ rel: r, part: resolveTarget(p.source, r.target) }));
  const required = (p: RelsPart) => {
    for (const { rel, part } of internal(p))
      if (REQUIRED.has(rel.kind) && !exists(part))
        throw new DomainError("damaged", { missing: part });
  };

  const root = await readRels("");
  const declared = root ? internal(root, "officeDocument")[0]?.part : undefined;
  const main = declared ?? (exists(MAIN) ? MAIN : undefined);
  if (!main || !exists(main)) throw notAWorkbook(zip, declared);

  const workbookRels = await readRels(main);
  if (workbookRels) required(workbookRels);
  const workbook = await readXml(zip, main);
  const facts = workbookFacts(workbook!, workbookRels);

  const sheets = workbookRels ? internal(workbookRels, "worksheet").map((t) => t.part) : [];
  const tables: string[] = [];
  const notes: string[] = [];
  for (const sheet of sheets) {
    const rels = await readRels(sheet);
    if (!rels) continue;
    required(rels);
    tables.push(...internal(rels, "table").map((t) => t.part));
    notes.push(...internal(rels, "comments").map((t) => t.part));
    for (const drawing of internal(rels, "drawing").map((t) => t.part)) {
      const drawingRels = await readRels(drawing);
      if (drawingRels) required(drawingRels);
    }
  }
  facts.sharedStrings = workbookRels
    ? internal(workbookRels, "sharedStrings").some((t) => exists(t.part))
    : exists("xl/sharedStrings.xml");

  const fixes: OpenedPackage["fixes"] = new Set();
  const renames = plannedNames(zip, main, relsParts);
  if (renames.size) fixes.add("part-names");
  const retargeted = rewriteTargets(relsParts, renames);
  if (retargeted.size) fixes.add("targets");
  if (renames.size || retargeted.size) await applyRenames(zip, relsParts, renames, retargeted);
  const named = (parts: string[]) => parts.map((t) => renames.get(t) ?? t);
  if (options.forWriting && (await addTableStyleInfo(zip, named(tables)))) fixes.add("table-style");
  if (options.forWriting && (await runNoteText(zip, named(notes)))) fixes.add("note-text");

  for (const [name, part] of facts.sheetParts)
    facts.sheetParts.set(name, renames.get(part) ?? part);
  return { zip, changed: fixes.size > 0, fixes, facts };
}

async function readXml(zip: JSZip, part: string): Promise<Document | undefined> {
  const f = zip.file(part);
  if (!f || f.dir) return undefined;
  return parseXml(await f.async("string"), part);
}

/** OpenDocument files are zips too; their first entry, "mimetype", says which kind (ODF 1.2 Part 3, §3.3). */
async function refuseOpenDocument(zip: JSZip): Promise<void> {
  const f = zip.file("mimetype");
  if (!f) return;
  const mime = (await f.async("string")).trim();
  const m = /^application\/vnd\.oasis\.opendocument\.([a-z-]+)/.exec(mime);
  if (m) throw new DomainError("opendocument", { kind: m[1] });
}

/** A zip with no workbook: another Office document says what it is; anything else is a damaged .xlsx. */
function notAWorkbook(zip: JSZip, declared: string | undefined): DomainError {
  const main = declared ?? "";
  if (main.startsWith("word/") || zip.file("word/document.xml"))
    return new DomainError("not-xlsx", { looksLike: "Word (.docx)" });
  if (main.startsWith("ppt/") || zip.file("ppt/presentation.xml"))
    return new DomainError("not-xlsx", { looksLike: "PowerPoint (.pptx)" });
  return new DomainError("damaged", { missing: declared ?? MAIN });
}

function workbookFacts(workbook: Document, rels: RelsPart | undefined): PackageFacts {
  const root = rootOf(workbook);
  const calc = childrenNamed(root, "calcPr")[0];
  const on = (el: Element | undefined, name: string) => {
    const v = el && attr(el, name);
    return v === "1" || v === "true";
  };
  const names = childrenNamed(root, "definedNames").flatMap((d) => childrenNamed(d, "definedName"));
  const targets = new Map(
    (rels?.rels ?? []).map((r) => [r.id, resolveTarget(rels!.source, r.target)])
  );
  const sheetParts = new Map<string, string>();
  const sheets = childrenNamed(root, "sheets").flatMap((x) => childrenNamed(x, "sheet"));
  for (const s of sheets) {
    const part = targets.get(relationshipId(s) ?? "");
    const name = attr(s, "name");
    if (part && name !== undefined) sheetParts.set(name, part);
  }
  return {
    fullCalcOnLoad: on(calc, "fullCalcOnLoad"),
    toolNames: names.some((n) => (attr(n, "name") ?? "").toLowerCase().startsWith("_cchc.")),
    sheetParts,
    sharedStrings: false,
    names: names.map((n) => {
      const local = attr(n, "localSheetId");
      const sheet = local !== undefined && local !== "" ? sheets[Number(local)] : undefined;
      const sheetName = sheet && attr(sheet, "name");
      return {
        name: attr(n, "name") ?? "",
        refersTo: textOf(n),
        ...(sheetName !== undefined ? { sheet: sheetName } : {}),
        ...(on(n, "hidden") ? { hidden: true } : {}),
      };
    }),
    structureProtected: on(childrenNamed(root, "workbookProtection")[0], "lockStructure"),
  };
}

const REL_NS = [
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
];

/** r:id, in whichever relationships namespace (transitional or strict) the file uses. */
function relationshipId(el: Element): string | undefined {
  return attrNS(el, REL_NS, "id");
}

/** New names for the parts ExcelJS would not find under their own: old part → new part. */
function plannedNames(zip: JSZip, main: string, relsParts: RelsPart[]): Map<string, string> {
  const renames = new Map<string, string>();
  const taken = new Set(Object.keys(zip.files));
  const give = (part: string, name: string) => {
    taken.add(name);
    renames.set(part, name);
  };
  if (main !== MAIN) {
    // Something else under the main part's name would be read as the workbook: it moves aside.
    if (taken.has(MAIN))
      give(
        MAIN,
        free(taken, (n) => `xl/_unreferenced${n}.xml`)
      );
    give(main, MAIN);
  }
  for (const p of relsParts)
    for (const r of p.rels) {
      const expected = EXPECTED[r.kind];
      if (r.external || !expected) continue;
      const part = resolveTarget(p.source, r.target);
      if (renames.has(part) || expected.pattern.test(part) || !zip.file(part)) continue;
      const extension = r.kind === "image" ? (/\.[a-zA-Z0-9]{3,4}$/.exec(part)?.[0] ?? ".bin") : "";
      const single = expected.name(1) === expected.name(2);
      if (single && taken.has(expected.name(1)))
        give(
          expected.name(1),
          free(taken, (n) => `xl/_unreferenced${n}.xml`)
        );
      give(part, single ? expected.name(1) : free(taken, (n) => expected.name(n) + extension));
    }
  return renames;
}

function free(taken: Set<string>, name: (n: number) => string): string {
  let n = 1;
  while (taken.has(name(n))) n++;
  return name(n);
}

/**
 * Every internal target in the relationship parts read, written as the relative path from its (possibly renamed)
 * source to its (possibly renamed) part, as Excel writes them. Returns the relationship parts changed.
 */
function rewriteTargets(relsParts: RelsPart[], renames: Map<string, string>): Set<RelsPart> {
  const changed = new Set<RelsPart>();
  for (const p of relsParts) {
    const source = renames.get(p.source) ?? p.source;
    for (const r of p.rels) {
      if (r.external) continue;
      const part = resolveTarget(p.source, r.target);
      const target = relativeTarget(source, renames.get(part) ?? part);
      if (target === r.target) continue;
      setAttr(r.element, "Target", target);
      changed.add(p);
    }
  }
  return changed;
}

/** Moves renamed parts (with their own relationship parts) and writes back the relationship parts changed. */
async function applyRenames(
  zip: JSZip,
  relsParts: RelsPart[],
  renames: Map<string, string>,
  changed: Set<RelsPart>
): Promise<void> {
  const read = new Set(relsParts.map((p) => relsPartOf(p.source)));
  const moves: [string, string][] = [...renames];
  for (const [from, to] of renames)
    if (!read.has(relsPartOf(from)) && zip.file(relsPartOf(from)))
      moves.push([relsPartOf(from), relsPartOf(to)]);
  const contents = await Promise.all(
    moves.map(async ([from, to]) => ({ from, to, data: await zip.file(from)!.async("uint8array") }))
  );
  const written = relsParts
    .filter((p) => changed.has(p) || renames.has(p.source))
    .map((p) => ({
      from: relsPartOf(p.source),
      to: relsPartOf(renames.get(p.source) ?? p.source),
      xml: serializeXml(p.doc),
    }));
  for (const { from } of [...contents, ...written]) zip.remove(from);
  for (const { to, data } of contents) zip.file(to, data);
  for (const { to, xml } of written) zip.file(to, xml);
}

/**
 * A table part without <tableStyleInfo> gets one saying "no style" (no name, every flag off: the schema's
 * meaning of its absence, CT_TableStyleInfo in ECMA-376 Part 1 §18.5.1.5), where the schema puts it: after
 * tableColumns, before extLst. ExcelJS cannot write a table without it. True when one was added.
 */
async function addTableStyleInfo(zip: JSZip, tables: string[]): Promise<boolean> {
  let changed = false;
  for (const part of new Set(tables)) {
    const doc = await readXml(zip, part);
    const table = doc && rootOf(doc);
    if (!doc || !table || childrenNamed(table, "tableStyleInfo").length) continue;
    const info = createElement(qualifiedLike(table, "tableStyleInfo"));
    for (const flag of ["showFirstColumn", "showLastColumn", "showRowStripes", "showColumnStripes"])
      setAttr(info, flag, "0");
    insertBefore(table, info, childrenNamed(table, "extLst")[0]);
    zip.file(part, serializeXml(doc));
    changed = true;
  }
  return changed;
}

/**
 * A note's text as one unformatted run: CT_Rst holds either a plain <t> or <r> runs (ECMA-376 Part 1,
 * §18.4.12), and ExcelJS reads only runs, so openpyxl's plain notes came back empty. True when one changed.
 */
async function runNoteText(zip: JSZip, parts: string[]): Promise<boolean> {
  let changed = false;
  for (const part of new Set(parts)) {
    const doc = await readXml(zip, part);
    const root = doc && rootOf(doc);
    if (!doc || !root) continue;
    let here = false;
    for (const list of childrenNamed(root, "commentList"))
      for (const comment of childrenNamed(list, "comment"))
        for (const text of childrenNamed(comment, "text"))
          for (const t of childrenNamed(text, "t")) {
            const run = createElement(qualifiedLike(text, "r"));
            insertBefore(text, run, t);
            append(run, t);
            here = true;
          }
    if (here) zip.file(part, serializeXml(doc));
    changed ||= here;
  }
  return changed;
}

/** `local` under the prefix `like` uses. */
function qualifiedLike(like: Element, local: string): string {
  const prefix = prefixOf(like);
  return prefix ? `${prefix}:${local}` : local;
}

export { PartError };
