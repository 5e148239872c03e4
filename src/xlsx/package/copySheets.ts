import { ContentTypes, CT } from "./contentTypes";
import { relsPathOf } from "./relationships";
import { WorkbookEditor } from "./workbookEditor";
import {
  append,
  attr,
  attrNames,
  child,
  children,
  clone,
  createLike,
  descendantsNamed,
  localName,
  remove,
  removeAttr,
  root,
  setAttr,
  type Document,
  type Element,
} from "../xml";

/** One worksheet to copy: its name in the source workbook and the name it gets in the target. */
export interface SheetCopy {
  from: string;
  to: string;
}

/**
 * Worksheet children that point at other parts of the source package through a relationship (ECMA-376 Part 1
 * §18.3.1: drawing, legacyDrawing, … tableParts). The copy has none of those parts, so they are left out: a unit
 * sheet's cells, styles, merges, validations and conditional formats are what consolidation needs.
 */
const RELATED = new Set([
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "tableParts",
  "webPublishItems",
  "extLst",
]);

/**
 * Copies worksheets of `source` into `target` as new sheets at the end, each with its cells, formulas, merges,
 * column widths and row heights, and its styles added to the target's stylesheet (fonts, fills, borders and
 * number formats reused where the target has the same). Shared strings become inline strings (the writer never
 * changes the target's shared string table). Parts reached through the sheet's relationships (drawings,
 * comments, tables, hyperlink targets, printer settings) are not copied. Formulas keep their text: a reference
 * to another sheet finds the target's sheet of that name.
 */
export async function copySheets(
  target: WorkbookEditor,
  source: WorkbookEditor,
  copies: SheetCopy[]
): Promise<void> {
  if (!copies.length) return;
  const from = await source.styles();
  const to = await target.styles();
  const xfs = new Map<number, number>();
  const dxfs = new Map<number, number>();
  const xfOf = (i: number): number => {
    let j = xfs.get(i);
    if (j === undefined) {
      const exported = from.exportXf(i);
      j = exported ? to.importXf(exported) : 0;
      xfs.set(i, j);
    }
    return j;
  };
  const dxfOf = (i: number): number | undefined => {
    if (!dxfs.has(i)) {
      const el = from.exportDxf(i);
      if (el) dxfs.set(i, to.importDxf(el));
    }
    return dxfs.get(i);
  };
  for (const copy of copies) {
    const entry = source.wb.sheet(copy.from);
    const path = entry?.part && source.pkg.entry(entry.part);
    // The source's own parsed part is taken over (the source package is only read from, never saved).
    const doc = path ? await source.pkg.xml(path) : undefined;
    if (!path || !doc) throw new Error(`no worksheet ${copy.from}`);
    const ws = root(doc);
    for (const el of children(ws)) if (RELATED.has(localName(el))) remove(el);
    const found = descendantsNamed(ws, [
      "sheetView",
      "hyperlink",
      "pageSetup",
      "row",
      "col",
      "cfRule",
    ]);
    const named = (local: string) => found.get(local)!;
    // Only one tab of the target is selected: the copy is not.
    for (const view of named("sheetView")) removeAttr(view, "tabSelected");
    for (const el of [...named("hyperlink"), ...named("pageSetup")])
      dropRelationshipIds(el, localName(el) === "hyperlink");
    await copyCells(ws, source, xfOf);
    restyle(named("row"), "s", xfOf);
    restyle(named("col"), "style", xfOf);
    for (const rule of named("cfRule")) {
      const id = attr(rule, "dxfId");
      const mapped = id === undefined ? undefined : dxfOf(Number(id));
      if (mapped === undefined) removeAttr(rule, "dxfId");
      else setAttr(rule, "dxfId", mapped);
    }
    await addWorksheetPart(target, copy.to, doc);
  }
}

/** Cells: each style mapped to the target's, shared strings written inline. */
async function copyCells(
  ws: Element,
  source: WorkbookEditor,
  xfOf: (i: number) => number
): Promise<void> {
  const data = child(ws, "sheetData");
  if (!data) return;
  for (const row of children(data, "row"))
    for (const c of children(row, "c")) {
      const s = attr(c, "s");
      if (s !== undefined) setAttr(c, "s", xfOf(Number(s)));
      if (attr(c, "t") !== "s") continue;
      const v = child(c, "v");
      const si = v ? await source.strings.item(Number(textOfV(v))) : undefined;
      if (v) remove(v);
      setAttr(c, "t", "inlineStr");
      const is = createLike(c, "is");
      for (const part of si ? children(si) : []) append(is, clone(part));
      append(c, is);
    }
}

function textOfV(v: Element): string {
  return v.children.map((n) => ("data" in n ? String(n.data) : "")).join("");
}

function restyle(els: Element[], name: string, xfOf: (i: number) => number): void {
  for (const el of els) {
    const s = attr(el, name);
    if (s !== undefined) setAttr(el, name, xfOf(Number(s)));
  }
}

/** A hyperlink to a web address (its r:id) is dropped whole; an internal one (location) stays. */
function dropRelationshipIds(el: Element, whole: boolean): void {
  const ids = attrNames(el).filter((n) => n.endsWith(":id"));
  if (!ids.length) return;
  if (whole && attr(el, "location") === undefined) return remove(el);
  for (const n of ids) removeAttr(el, n);
}

/** The worksheet part added to the target (content type, relationship, app properties), at the end. */
async function addWorksheetPart(
  target: WorkbookEditor,
  name: string,
  doc: Document
): Promise<void> {
  const folder = target.wb.path.slice(0, target.wb.path.lastIndexOf("/") + 1);
  let n = target.wb.sheets().length + 1;
  while (target.pkg.has(`${folder}worksheets/sheet${n}.xml`)) n++;
  const part = `${folder}worksheets/sheet${n}.xml`;
  // A stale relationships part of a removed sheet of that path is not the copy's.
  target.pkg.remove(relsPathOf(part));
  target.pkg.put(part, doc);
  await addSheetEntry(target, name, part);
}

async function addSheetEntry(target: WorkbookEditor, name: string, part: string): Promise<void> {
  const types: ContentTypes = target.types;
  const before = target.wb
    .sheets()
    .filter((s) => s.kind === "worksheet")
    .map((s) => s.name);
  types.addOverride(target.pkg, part, CT.worksheet);
  target.wb.addSheet(target.pkg, name, part, "visible");
  await target.app.addSheet(before, name);
}
