import { Element } from "@xmldom/xmldom";
import { Parser } from "htmlparser2";
import { Snapshot } from "../../../src/core/snapshot/snapshot";
import {
  comparePackages,
  contentTypesOf,
  diffAttributes,
  diffChildren,
  diffElements,
  diffXml,
  elementChildren,
  isXmlPart,
  Parts,
  sameElement,
  stepOf,
  summary,
  XmlDifference,
} from "../packageDiff";
import {
  cellsOfAreas,
  childNamed,
  childrenNamed,
  readCell,
  relationshipsOf,
  relsPartOf,
  sharedStrings,
  SheetEntry,
  sheetCells,
  sheetsOf,
  snapshotIn,
  workbookPart,
  xmlOf,
} from "./packageRead";

/**
 * The rules of issue 10 item 7 on top of the package comparison: what `cchc score` may change in a person's
 * package (the bookkeeping parts, the unit sheets it writes, the sheets it adds) and what `cchc revert` must give
 * back. Each rule that fails gives one line naming the part and the element, so the failures of a writer read as
 * a list of what it lost.
 *
 * Which cells, rules and validations a run owns is read from the undo snapshot it leaves (core/snapshot, the
 * format both adapters share): a written cell is one the snapshot will restore, a rule or validation the tool's
 * is one the snapshot will remove. Everything else must be as it was.
 */

const FULL_CALC = "fullCalcOnLoad";

interface Bookkeeping {
  workbook: string;
  workbookRels: string;
  styles?: string;
  calcChain?: string;
  app?: string;
}

function bookkeepingOf(parts: Parts): Bookkeeping {
  const wb = workbookPart(parts);
  const rels = relationshipsOf(parts, wb);
  const app = relationshipsOf(parts, "").find((r) => r.type.endsWith("/extended-properties"))?.part;
  return {
    workbook: wb,
    workbookRels: relsPartOf(wb),
    styles: rels.find((r) => r.type.endsWith("/styles"))?.part,
    calcChain: rels.find((r) => r.type.endsWith("/calcChain"))?.part,
    app,
  };
}

/** What the run owns on one sheet, according to its snapshot. */
interface Owned {
  /** Cells written (restored on undo). */
  cells: Set<string>;
  /** Cells styled (their s may change). */
  styled: Set<string>;
  /** Rule formulas the run added (whitespace-free, no "="). */
  formulas: Set<string>;
  /** Cells under the validations the run set. */
  validated: Set<string>;
}

export interface ScoreOutcome {
  problems: string[];
  /** Sheet → cells the run wrote: excluded from the recalculation comparison (cells it only re-formulated are not). */
  changedCells: Map<string, Set<string>>;
  /** Sheets the tool added (visible ones first: the summary). */
  addedSheets: SheetEntry[];
  snapshot?: Snapshot;
}

const key = (f: string) => f.replace(/^=/, "").replace(/\s+/g, "");

function ownedBySheet(s: Snapshot | undefined): Map<string, Owned> {
  const m = new Map<string, Owned>();
  const of = (sheet: string) => {
    let o = m.get(sheet);
    if (!o) m.set(sheet, (o = { cells: new Set(), styled: new Set(), formulas: new Set(), validated: new Set() }));
    return o;
  };
  if (!s) return m;
  for (const b of s.cells) b.cells.forEach((c, i) => c !== null && of(b.sheet).cells.add(`${colName(b.col)}${b.top + i}`));
  for (const st of s.styles ?? []) of(st.sheet).styled.add(st.cell.replace(/\$/g, "").toUpperCase());
  for (const f of s.addedFormats) of(f.sheet).formulas.add(key(f.formula));
  for (const v of s.validations) for (const c of cellsOfAreas(v.ranges)) of(v.sheet).validated.add(c);
  return m;
}

function colName(n: number): string {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const fmt = (part: string, d: XmlDifference) => `${part}: ${d.change} ${d.path}${d.detail ? ` — ${d.detail}` : ""}`;

/** Every rule of "score changes nothing it does not own". `unitSheets`: the unit sheets `cchc check` found in the input. */
export async function problemsAfterScore(original: Parts, written: Parts, unitSheets: string[]): Promise<ScoreOutcome> {
  const problems: string[] = [];
  const out: ScoreOutcome = { problems, changedCells: new Map(), addedSheets: [] };
  let before: SheetEntry[], after: SheetEntry[];
  try {
    before = sheetsOf(original);
    after = sheetsOf(written);
  } catch (e) {
    problems.push(`the written package cannot be read: ${(e as Error).message}`);
    return out;
  }
  const bkA = bookkeepingOf(original);
  const bkB = bookkeepingOf(written);

  // Sheets: every original sheet still there, same name, same part; the added ones known.
  for (const s of before) {
    const t = after.find((x) => x.name === s.name);
    if (!t) problems.push(`sheet "${s.name}" (${s.part}) is gone or renamed`);
    else if (t.part !== s.part) problems.push(`sheet "${s.name}" moved from ${s.part} to ${t.part}`);
  }
  out.addedSheets = after.filter((t) => !before.some((s) => s.name === t.name)).sort((a, b) => Number(a.state !== "visible") - Number(b.state !== "visible"));

  let snap: { sheet: string; snapshot: Snapshot } | undefined;
  try {
    snap = snapshotIn(written);
  } catch (e) {
    problems.push(`the undo snapshot cannot be read: ${(e as Error).message}`);
  }
  if (!snap) problems.push("no undo snapshot (cchc-hoan-tac/1) on any sheet of the output");
  out.snapshot = snap?.snapshot;
  const owned = ownedBySheet(snap?.snapshot);
  const writtenSheets = new Set(owned.keys());
  for (const name of writtenSheets)
    if (!unitSheets.includes(name) && !out.addedSheets.some((a) => a.name === name)) problems.push(`the run wrote to sheet "${name}", which is neither a unit sheet nor one it added`);

  // Parts of the sheets the tool added: their own parts and whatever new parts hang from them.
  const addedParts = new Set<string>();
  const walk = (part: string) => {
    if (addedParts.has(part) || original.has(part)) return;
    addedParts.add(part);
    addedParts.add(relsPartOf(part));
    for (const r of relationshipsOf(written, part)) if (r.part) walk(r.part);
  };
  for (const a of out.addedSheets) walk(a.part);
  // New parts the workbook itself points at (shared strings or styles a package lacked).
  for (const r of relationshipsOf(written, bkB.workbook)) if (r.part && !original.has(r.part) && /\/(sharedStrings|styles)$/.test(r.type)) addedParts.add(r.part);

  const unitParts = new Map<string, string>();
  for (const s of before) if (writtenSheets.has(s.name)) unitParts.set(s.part, s.name);
  const bookkeeping = new Set([ "[Content_Types].xml", bkA.workbook, bkA.workbookRels, bkA.styles, bkA.calcChain, bkA.app ].filter((x): x is string => !!x));

  const report = await comparePackages(original, written, { elementDiff: () => false });
  for (const p of report.removed) if (p !== bkA.calcChain) problems.push(`part lost: ${p}`);
  for (const p of report.added) if (!addedParts.has(p)) problems.push(`part added that belongs to no sheet the tool adds: ${p}`);
  for (const p of report.changed) {
    if (bookkeeping.has(p) || unitParts.has(p)) continue;
    const diffs = isXmlPart(p) ? (await comparePackages(new Map([[p, original.get(p)!]]), new Map([[p, written.get(p)!]]))).xml.get(p) ?? [] : [];
    const sheet = before.find((s) => s.part === p);
    const what = sheet ? `sheet "${sheet.name}" (${p}) is not byte-identical` : `part changed: ${p}`;
    problems.push(diffs.length ? `${what}: ${diffs.slice(0, 8).map((d) => `${d.change} ${d.path}${d.detail ? ` — ${d.detail}` : ""}`).join("; ")}${diffs.length > 8 ? `; … ${diffs.length - 8} more` : ""}` : what);
  }

  // Content types: every original entry kept; new overrides only for new parts.
  const ctA = contentTypesOf(original);
  const ctB = contentTypesOf(written);
  for (const [ext, t] of ctA.defaults) if (ctB.defaults.get(ext) !== t) problems.push(`[Content_Types].xml: Default ${ext} ${t} → ${ctB.defaults.get(ext) ?? "(gone)"}`);
  for (const [pn, t] of ctA.overrides) {
    if (ctB.overrides.get(pn) === t) continue;
    if (bkA.calcChain && pn === `/${bkA.calcChain}`.toLowerCase() && !written.has(bkA.calcChain)) continue;
    problems.push(`[Content_Types].xml: Override ${pn} ${t} → ${ctB.overrides.get(pn) ?? "(gone)"}`);
  }
  for (const [pn, t] of ctB.overrides) if (!ctA.overrides.has(pn) && !addedParts.has(pn.slice(1)) && ![...addedParts].some((p) => p.toLowerCase() === pn.slice(1))) problems.push(`[Content_Types].xml: Override ${pn} (${t}) added for a part the tool did not add`);

  // Workbook relationships: every original one kept as it was (the calculation chain may go).
  const relsA = relationshipsOf(original, bkA.workbook);
  const relsB = relationshipsOf(written, bkB.workbook);
  for (const r of relsA) {
    const s = relsB.find((x) => x.id === r.id);
    if (s && s.type === r.type && s.target === r.target && s.external === r.external) continue;
    // A dropped calculation chain may leave its relationship id free for a new sheet.
    if (r.part === bkA.calcChain && bkA.calcChain && !written.has(bkA.calcChain)) continue;
    problems.push(`${bkA.workbookRels}: relationship ${r.id} (${short(r.type)} → ${r.target}) ${s ? `became ${short(s.type)} → ${s.target}` : "lost"}`);
  }

  problems.push(...workbookProblems(original, written, bkA.workbook, "score"));
  if (bkA.styles) problems.push(...stylesProblems(original, written, bkA.styles));

  const sstA = sharedStrings(original);
  const sstB = sharedStrings(written);
  for (const [part, name] of unitParts) {
    if (!written.has(part)) continue;
    const changed = new Set<string>();
    problems.push(...unitSheetProblems(part, name, original, written, sstA, sstB, owned.get(name)!, "score", changed));
    out.changedCells.set(name, changed);
  }
  if (snap) problems.push(...snapshotTruthProblems(snap.snapshot, original, before, sstA));
  return out;
}

/** Every rule of "revert gives back the original". */
export async function problemsAfterRevert(original: Parts, back: Parts, unitSheets: string[]): Promise<string[]> {
  const problems: string[] = [];
  let before: SheetEntry[], after: SheetEntry[];
  try {
    before = sheetsOf(original);
    after = sheetsOf(back);
  } catch (e) {
    return [`the reverted package cannot be read: ${(e as Error).message}`];
  }
  const bk = bookkeepingOf(original);
  for (const t of after) if (!before.some((s) => s.name === t.name)) problems.push(`sheet "${t.name}" (${t.part}) is left behind`);
  for (const s of before) {
    const t = after.find((x) => x.name === s.name);
    if (!t) problems.push(`sheet "${s.name}" (${s.part}) is gone`);
    else if (t.part !== s.part) problems.push(`sheet "${s.name}" moved from ${s.part} to ${t.part}`);
  }
  const unitParts = new Map(before.filter((s) => unitSheets.includes(s.name)).map((s) => [s.part, s.name]));
  const report = await comparePackages(original, back, { elementDiff: () => false });
  for (const p of report.removed) if (p !== bk.calcChain) problems.push(`part lost: ${p}`);
  for (const p of report.added) problems.push(`part left behind: ${p}`);
  const sstA = sharedStrings(original);
  const sstB = sharedStrings(back);
  for (const p of report.changed) {
    if (p === "[Content_Types].xml") {
      const a = contentTypesOf(original);
      const b = contentTypesOf(back);
      for (const [k, t] of a.defaults) if (b.defaults.get(k) !== t) problems.push(`[Content_Types].xml: Default ${k} ${t} → ${b.defaults.get(k) ?? "(gone)"}`);
      for (const [k, t] of b.defaults) if (!a.defaults.has(k)) problems.push(`[Content_Types].xml: Default ${k} (${t}) left behind`);
      for (const [k, t] of a.overrides)
        if (b.overrides.get(k) !== t && !(bk.calcChain && k === `/${bk.calcChain}`.toLowerCase() && !back.has(bk.calcChain)))
          problems.push(`[Content_Types].xml: Override ${k} ${t} → ${b.overrides.get(k) ?? "(gone)"}`);
      for (const [k, t] of b.overrides) if (!a.overrides.has(k)) problems.push(`[Content_Types].xml: Override ${k} (${t}) left behind`);
    } else if (p === bk.workbookRels) {
      const a = relationshipsOf(original, bk.workbook);
      const b = relationshipsOf(back, bk.workbook);
      for (const r of a) {
        const s = b.find((x) => x.id === r.id);
        if (s && s.type === r.type && s.target === r.target && s.external === r.external) continue;
        if (r.part === bk.calcChain && bk.calcChain && !back.has(bk.calcChain)) continue;
        problems.push(`${p}: relationship ${r.id} (${short(r.type)} → ${r.target}) ${s ? `became ${short(s.type)} → ${s.target}` : "lost"}`);
      }
      for (const s of b) if (!a.some((r) => r.id === s.id)) problems.push(`${p}: relationship ${s.id} (${short(s.type)} → ${s.target}) left behind`);
    } else if (p === bk.workbook) problems.push(...workbookProblems(original, back, p, "revert"));
    else if (p === bk.styles) problems.push(...stylesProblems(original, back, p));
    else if (p === bk.calcChain) continue;
    else if (p === bk.app) {
      // Bookkeeping: the sheet titles come back; compared element by element, not byte by byte.
      for (const d of diffXml(original.get(p)!, back.get(p)!)) problems.push(fmt(p, d));
    }
    else if (unitParts.has(p)) {
      const none: Owned = { cells: new Set(), styled: new Set(), formulas: new Set(), validated: new Set() };
      problems.push(...unitSheetProblems(p, unitParts.get(p)!, original, back, sstA, sstB, none, "revert", new Set()));
    } else {
      const diffs = isXmlPart(p) ? (await comparePackages(new Map([[p, original.get(p)!]]), new Map([[p, back.get(p)!]]))).xml.get(p) ?? [] : [];
      const sheet = before.find((s) => s.part === p);
      const what = sheet ? `sheet "${sheet.name}" (${p}) is not byte-identical` : `part not given back byte-identical: ${p}`;
      problems.push(diffs.length ? `${what}: ${diffs.slice(0, 8).map((d) => `${d.change} ${d.path}${d.detail ? ` — ${d.detail}` : ""}`).join("; ")}` : what);
    }
  }
  return problems;
}

function short(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

/**
 * workbook.xml: sheets, names, protection, file sharing, calculation settings, views, pivot caches, external
 * references … all kept. Score may add sheets, hidden `_cchc.` names and calcPr/@fullCalcOnLoad; revert may leave
 * only fullCalcOnLoad.
 */
function workbookProblems(original: Parts, written: Parts, part: string, mode: "score" | "revert"): string[] {
  const out: XmlDifference[] = [];
  const a = xmlOf(original, part).documentElement!;
  const b = xmlOf(written, part).documentElement!;
  const root = `/${a.nodeName}`;
  diffAttributes(a, b, root, out);
  const kidsA = elementChildren(a);
  const kidsB = elementChildren(b);
  const order = kidsB.map((k) => k.localName);
  let last = -1;
  for (const ka of kidsA) {
    const i = order.indexOf(ka.localName, 0);
    const kb = i >= 0 ? kidsB[i] : undefined;
    const path = `${root}/${ka.nodeName}`;
    if (!kb) {
      out.push({ path, change: "missing", detail: summary(ka) });
      continue;
    }
    if (i < last) out.push({ path, change: "moved", detail: "out of the schema's order" });
    last = i;
    if (ka.localName === "sheets" || ka.localName === "definedNames") {
      diffAttributes(ka, kb, path, out);
      keptInOrder(elementChildren(ka), elementChildren(kb), path, out);
      for (const eb of elementChildren(kb)) {
        if (elementChildren(ka).some((x) => sameElement(x, eb))) continue;
        if (mode === "score" && ka.localName === "sheets") continue;
        if (mode === "score" && (eb.getAttribute("name") ?? "").startsWith("_cchc.")) continue;
        if (!elementChildren(ka).some((x) => stepOf(x, elementChildren(ka)) === stepOf(eb, elementChildren(kb))))
          out.push({ path: `${path}/${stepOf(eb, elementChildren(kb))}`, change: "added", detail: summary(eb) });
      }
    } else if (ka.localName === "calcPr") {
      diffAttributes(ka, kb, path, out, (n) => n === FULL_CALC);
      diffChildren(elementChildren(ka), elementChildren(kb), path, out);
    } else diffElements(ka, kb, path, out);
  }
  for (const kb of kidsB) {
    if (kidsA.some((ka) => ka.localName === kb.localName)) continue;
    if (kb.localName === "definedNames" && elementChildren(kb).every((n) => mode === "score" && (n.getAttribute("name") ?? "").startsWith("_cchc."))) continue;
    if (kb.localName === "calcPr" && [...Array(kb.attributes.length).keys()].every((i) => kb.attributes.item(i)!.nodeName === FULL_CALC || kb.attributes.item(i)!.nodeName === "calcId")) continue;
    out.push({ path: `${root}/${kb.nodeName}`, change: "added", detail: summary(kb) });
  }
  return out.map((d) => fmt(part, d));
}

/** Each element of `as` is in `bs`, identical, and in the same relative order. */
function keptInOrder(as: Element[], bs: Element[], path: string, out: XmlDifference[]): void {
  let j = 0;
  for (const ea of as) {
    const k = bs.findIndex((eb, i) => i >= j && sameElement(ea, eb));
    if (k >= 0) {
      j = k + 1;
      continue;
    }
    const step = stepOf(ea, as);
    const twin = bs.find((eb) => stepOf(eb, bs) === step);
    if (twin && sameElement(ea, twin)) out.push({ path: `${path}/${step}`, change: "moved", detail: "another position among its siblings" });
    else if (twin) diffElements(ea, twin, `${path}/${step}`, out);
    else out.push({ path: `${path}/${step}`, change: "missing", detail: summary(ea) });
  }
}

/** styles.xml: every existing entry of every collection unchanged and at its index; appends allowed. */
function stylesProblems(original: Parts, written: Parts, part: string): string[] {
  const out: XmlDifference[] = [];
  const a = xmlOf(original, part).documentElement!;
  const b = xmlOf(written, part).documentElement!;
  const root = `/${a.nodeName}`;
  diffAttributes(a, b, root, out);
  for (const ka of elementChildren(a)) {
    const kb = childNamed(b, ka.localName!);
    const path = `${root}/${ka.nodeName}`;
    if (!kb) {
      out.push({ path, change: "missing", detail: summary(ka) });
      continue;
    }
    if (ka.localName === "extLst") {
      diffElements(ka, kb, path, out);
      continue;
    }
    diffAttributes(ka, kb, path, out, (n) => n === "count");
    const ea = elementChildren(ka);
    const eb = elementChildren(kb);
    ea.forEach((x, i) => {
      if (!eb[i]) out.push({ path: `${path}/${x.nodeName}[${i + 1}]`, change: "missing", detail: summary(x) });
      else if (!sameElement(x, eb[i])) diffElements(x, eb[i], `${path}/${x.nodeName}[${i + 1}]`, out);
    });
  }
  return out.map((d) => fmt(part, d));
}

/** Elements of a worksheet compared one by one; the cell table, rules and validations separately. */
const SEPARATE = new Set(["sheetData", "conditionalFormatting", "dataValidations", "dimension"]);

/**
 * A unit sheet the run wrote to (score), or one it should have given back (revert). Score: every element other
 * than the cells it wrote and the rules and validations it owns is as it was; revert: everything is, the cells
 * it restored compared by what they hold.
 */
function unitSheetProblems(
  part: string,
  sheet: string,
  original: Parts,
  written: Parts,
  sstA: string[],
  sstB: string[],
  owned: Owned,
  mode: "score" | "revert",
  changed: Set<string>
): string[] {
  const out: XmlDifference[] = [];
  const da = xmlOf(original, part);
  const db = xmlOf(written, part);
  const a = da.documentElement!;
  const b = db.documentElement!;
  const root = `/${a.nodeName}`;
  diffAttributes(a, b, root, out);

  // Every element other than the cells, rules and validations: the same, in the same order.
  const restA = elementChildren(a).filter((e) => !SEPARATE.has(e.localName!));
  const restB = elementChildren(b).filter((e) => !SEPARATE.has(e.localName!));
  diffChildren(restA, restB, root, out);

  // The used area may only grow.
  const dimA = childNamed(a, "dimension");
  const dimB = childNamed(b, "dimension");
  if (dimA && !dimB) out.push({ path: `${root}/dimension`, change: "missing", detail: summary(dimA) });
  else if (dimA && dimB && !covers(dimB.getAttribute("ref") ?? "", dimA.getAttribute("ref") ?? ""))
    out.push({ path: `${root}/dimension`, change: "attribute", detail: `@ref ${dimA.getAttribute("ref")} → ${dimB.getAttribute("ref")} (no longer covers the original)` });

  // Conditional formats: every original one kept; any other must hold only the tool's rules.
  const cfA = childrenNamed(a, "conditionalFormatting");
  const cfB = childrenNamed(b, "conditionalFormatting");
  for (const x of cfA) {
    if (cfB.some((y) => sameElement(x, y))) continue;
    const twin = cfB.find((y) => y.getAttribute("sqref") === x.getAttribute("sqref"));
    const path = `${root}/${stepOf(x, cfA)}`;
    if (twin) diffElements(x, twin, path, out);
    else out.push({ path, change: "missing", detail: `${summary(x)}: ${elementChildren(x).map((r) => `${r.getAttribute("type")} rule`).join(", ")}` });
  }
  for (const y of cfB) {
    if (cfA.some((x) => sameElement(x, y) || x.getAttribute("sqref") === y.getAttribute("sqref"))) continue;
    for (const rule of childrenNamed(y, "cfRule")) {
      const f = childNamed(rule, "formula")?.textContent ?? "";
      if (mode === "revert" || !owned.formulas.has(key(f)))
        out.push({ path: `${root}/${stepOf(y, cfB)}`, change: "added", detail: `${mode === "revert" ? "left behind" : "not the tool's"}: ${rule.getAttribute("type")} rule ${JSON.stringify(f.slice(0, 80))}` });
    }
  }

  // Validations: every original one kept unless it lay on cells the tool validates; others must be the tool's.
  const dvA = childNamed(a, "dataValidations");
  const dvB = childNamed(b, "dataValidations");
  const listA = dvA ? elementChildren(dvA) : [];
  const listB = dvB ? elementChildren(dvB) : [];
  if (dvA && dvB) diffAttributes(dvA, dvB, `${root}/dataValidations`, out, (n) => n === "count");
  for (const x of listA) {
    if (listB.some((y) => sameElement(x, y))) continue;
    const cells = cellsOfAreas(x.getAttribute("sqref") ?? "");
    if (mode === "score" && cells.some((c) => owned.validated.has(c))) continue;
    out.push({ path: `${root}/dataValidations/${stepOf(x, listA)}`, change: "missing", detail: summary(x) });
  }
  for (const y of listB) {
    if (listA.some((x) => sameElement(x, y))) continue;
    const cells = cellsOfAreas(y.getAttribute("sqref") ?? "");
    if (mode === "score" && cells.every((c) => owned.validated.has(c))) continue;
    out.push({ path: `${root}/dataValidations/${stepOf(y, listB)}`, change: "added", detail: `${mode === "revert" ? "left behind" : "not on cells the tool validates"}: ${summary(y)}` });
  }

  out.push(...cellProblems(da.documentElement!, db.documentElement!, root, sstA, sstB, owned, mode, changed));
  out.push(...verbatimProblems(original.get(part)!, written.get(part)!, root, owned, mode, out));
  return out.map((d) => fmt(`${part} ("${sheet}")`, d));
}

/** Where each element of the root's children and each row of sheetData lies in the part's text. */
function markup(bytes: Uint8Array): { top: { name: string; text: string }[]; rows: Map<string, string>; groupRows: Set<string> } {
  const xml = new TextDecoder().decode(bytes);
  const top: { name: string; text: string }[] = [];
  const rows = new Map<string, string>();
  const groupRows = new Set<string>();
  const open: { name: string; start: number; r?: string }[] = [];
  const local = (n: string) => n.slice(n.indexOf(":") + 1);
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        open.push({ name: local(name), start: parser.startIndex, r: attribs.r });
        const [, data, row] = open.map((o) => o.name);
        // A row holding part of a shared or array formula: a written cell of its group may give it its own formula.
        if (data !== "sheetData" || row !== "row" || local(name) !== "f") return;
        if (attribs.t === "shared") groupRows.add(open[2].r ?? "");
        // An array formula's other cells hold only values: every row of its area.
        if (attribs.t === "array" && attribs.ref) for (const ref of cellsOfAreas(attribs.ref)) groupRows.add(ref.replace(/^[A-Z]+/, ""));
      },
      onclosetag() {
        const el = open.pop()!;
        const text = xml.slice(el.start, parser.endIndex + 1);
        if (open.length === 1) top.push({ name: el.name, text });
        else if (open.length === 2 && open[1].name === "sheetData" && el.name === "row") rows.set(el.r ?? "", text);
      },
    },
    { xmlMode: true, decodeEntities: false }
  );
  parser.end(xml);
  return { top, rows, groupRows };
}

/**
 * What the writer had no reason to touch comes back as the very characters it was, not merely an equal element
 * (issue 10: every element and attribute it does not own "exactly where it was"): the sheet's other top-level
 * elements — extLst aside, where Excel's x14 rules on the tool's cells may go — and, in a scored sheet, every row
 * without a cell the run wrote or styled or a formula group it may have taken apart.
 */
function verbatimProblems(a: Uint8Array, b: Uint8Array, root: string, owned: Owned, mode: "score" | "revert", found: XmlDifference[]): XmlDifference[] {
  const out: XmlDifference[] = [];
  const ma = markup(a);
  const mb = markup(b);
  const skip = new Set([...SEPARATE, "extLst"]);
  const seen = new Map<string, number>();
  for (const el of ma.top) {
    if (skip.has(el.name)) continue;
    const k = seen.get(el.name) ?? 0;
    seen.set(el.name, k + 1);
    const twin = mb.top.filter((x) => x.name === el.name)[k];
    if (twin && twin.text !== el.text)
      out.push({ path: `${root}/${el.name}[${k + 1}]`, change: "text", detail: `not as it was spelt: ${JSON.stringify(el.text.slice(0, 100))} → ${JSON.stringify(twin.text.slice(0, 100))}` });
  }
  if (mode !== "score") return out;
  const touched = new Set([...owned.cells, ...owned.styled].map((ref) => ref.replace(/^[A-Z]+/, "")));
  // A row whose cells the comparison above already found changed is reported there, once.
  for (const d of found) {
    const m = /\/sheetData\/row\[@r="(\d+)"\]/.exec(d.path);
    if (m) touched.add(m[1]);
  }
  for (const [r, text] of ma.rows) {
    if (touched.has(r) || ma.groupRows.has(r)) continue;
    const after = mb.rows.get(r);
    if (after !== undefined && after !== text)
      out.push({ path: `${root}/sheetData/row[@r="${r}"]`, change: "text", detail: `a row the run did not write, not as it was spelt: ${JSON.stringify(text.slice(0, 100))} → ${JSON.stringify(after.slice(0, 100))}` });
  }
  return out;
}

/** Cells: the ones the run did not write are identical; formula groups broken by a written anchor may be rewritten. */
function cellProblems(a: Element, b: Element, root: string, sstA: string[], sstB: string[], owned: Owned, mode: "score" | "revert", changed: Set<string>): XmlDifference[] {
  const out: XmlDifference[] = [];
  const ca = sheetCells(a.ownerDocument!);
  const cb = sheetCells(b.ownerDocument!);
  const dataPath = `${root}/sheetData`;
  for (const c of owned.cells) changed.add(c);

  // Members of shared and array formulas touched by a written cell may get their own formulas (issue 10 item 2).
  // ref → what it was part of ("shared formula 0", "array formula E13:E18"), for members of groups a written cell touches.
  const loose = new Map<string, string>();
  const groups = new Map<string, { what: string; members: string[] }>();
  for (const [ref, el] of ca.cells) {
    const f = childNamed(el, "f");
    if (!f) continue;
    if (f.getAttribute("t") === "shared") {
      const si = f.getAttribute("si") ?? "";
      const g = groups.get(`s${si}`) ?? { what: `shared formula ${si}`, members: [] };
      g.members.push(ref);
      groups.set(`s${si}`, g);
    } else if (f.getAttribute("t") === "array" && f.getAttribute("ref"))
      groups.set(`a${ref}`, { what: `array formula ${f.getAttribute("ref")}`, members: cellsOfAreas(f.getAttribute("ref")!) });
  }
  for (const g of groups.values()) if (g.members.some((m) => owned.cells.has(m)) || mode === "revert") for (const m of g.members) loose.set(m, g.what);

  // Every shared formula of the result still has its anchor (the member carrying the text and the ref).
  const anchored = new Map<string, { anchor: boolean; members: string[] }>();
  for (const [ref, c] of cb.cells) {
    const f = childNamed(c, "f");
    if (f?.getAttribute("t") !== "shared") continue;
    const g = anchored.get(f.getAttribute("si") ?? "") ?? { anchor: false, members: [] };
    g.members.push(ref);
    if (f.getAttribute("ref") && (f.textContent ?? "").trim()) g.anchor = true;
    anchored.set(f.getAttribute("si") ?? "", g);
  }
  for (const [si, g] of anchored)
    if (!g.anchor)
      out.push({ path: `${dataPath}`, change: "text", detail: `shared formula ${si} has lost its anchor: ${g.members.slice(0, 4).join(", ")}${g.members.length > 4 ? ", …" : ""} refer to a formula no cell holds` });

  // A written cell must not hand its own formula to cells it did not write (issue 10 item 2).
  if (mode === "score")
    for (const ref of owned.cells) {
      const f = cb.cells.get(ref) && childNamed(cb.cells.get(ref)!, "f");
      if (!f) continue;
      const t = f.getAttribute("t");
      let others: string[] = [];
      if (t === "shared") {
        const si = f.getAttribute("si");
        others = [...cb.cells].filter(([r, c]) => r !== ref && childNamed(c, "f")?.getAttribute("t") === "shared" && childNamed(c, "f")?.getAttribute("si") === si).map(([r]) => r);
      } else if (t === "array" && f.getAttribute("ref")) others = cellsOfAreas(f.getAttribute("ref")!).filter((r) => r !== ref);
      const foreign = others.filter((r) => !owned.cells.has(r));
      if (foreign.length)
        out.push({
          path: `${dataPath}/row[@r="${ref.replace(/^[A-Z]+/, "")}"]/c[@r="${ref}"]/f`,
          change: "text",
          detail: `the run's formula is the ${t} formula of ${foreign.length} cell${foreign.length > 1 ? "s" : ""} it did not write (${foreign.slice(0, 4).join(", ")}${foreign.length > 4 ? ", …" : ""})`,
        });
    }

  for (const [r, rowA] of ca.rows) {
    const rowB = cb.rows.get(r);
    const path = `${dataPath}/row[@r="${r}"]`;
    if (!rowB) {
      out.push({ path, change: "missing", detail: summary(rowA) });
      continue;
    }
    diffAttributes(rowA, rowB, path, out, (n) => n === "spans");
  }
  for (const [r, rowB] of cb.rows) {
    if (ca.rows.has(r)) continue;
    const refs = childrenNamed(rowB, "c").map((c) => (c.getAttribute("r") ?? "").toUpperCase());
    const foreign = refs.filter((x) => !owned.cells.has(x) && !owned.styled.has(x) && !(mode === "revert" && isEmptyCell(cb.cells.get(x)!)));
    if (foreign.length)
      out.push({ path: `${dataPath}/row[@r="${r}"]`, change: "added", detail: `${mode === "revert" ? "left behind, with cells" : "with cells the run did not write"}: ${foreign.join(", ")}` });
  }

  const refs = new Set([...ca.cells.keys(), ...cb.cells.keys()]);
  for (const ref of refs) {
    const x = ca.cells.get(ref);
    const y = cb.cells.get(ref);
    const path = `${dataPath}/row[@r="${ref.replace(/^[A-Z]+/, "")}"]/c[@r="${ref}"]`;
    if (mode === "score" && owned.cells.has(ref)) {
      // Written: only its style is kept unless the run styles it.
      if (!owned.styled.has(ref) && (x?.getAttribute("s") ?? "0") !== (y?.getAttribute("s") ?? "0"))
        out.push({ path, change: "attribute", detail: `@s ${x?.getAttribute("s") ?? "(none)"} → ${y?.getAttribute("s") ?? "(none)"}: a written cell keeps its style unless the plan styles it` });
      continue;
    }
    if (x && y && sameElement(x, y)) continue;
    if (mode === "revert" || loose.has(ref)) {
      // Compared by what the cell holds: its style, its value or formula.
      if (!x && y && isEmptyCell(y)) continue;
      if (x && !y && isEmptyCell(x)) continue;
      const rx = x ? readCell(x, sstA) : undefined;
      const ry = y ? readCell(y, sstB) : undefined;
      const sx = rx?.style ?? "0";
      const sy = ry?.style ?? "0";
      if (sx !== sy && !(mode === "score" && owned.styled.has(ref))) out.push({ path, change: "attribute", detail: `@s ${sx} → ${sy}` });
      const fx = rx?.formula ? formulaText(rx.formula) : undefined;
      const fy = ry?.formula ? formulaText(ry.formula) : undefined;
      if (loose.has(ref)) {
        // Part of a shared or array formula a written cell broke up: it may get a formula of its own, but it must
        // still compute (its value is checked by LibreOffice's recalculation, so it stays out of `changed`).
        if (!ry?.formula) out.push({ path, change: "text", detail: `formula ${fx || `(part of ${loose.get(ref)})`} → (none): the cell no longer computes` });
        continue;
      }
      const show = (f: string | undefined) => (f === undefined ? "(none)" : JSON.stringify(f));
      if (fx !== fy) out.push({ path, change: "text", detail: `formula ${show(fx)} → ${show(fy)}` });
      else if (!fx && (rx?.value ?? "") !== (ry?.value ?? "")) out.push({ path, change: "text", detail: `value ${JSON.stringify(rx?.value ?? "")} → ${JSON.stringify(ry?.value ?? "")}` });
      else if (!fx && textual(rx) !== textual(ry)) out.push({ path, change: "attribute", detail: `@t ${rx?.type} → ${ry?.type}` });
      continue;
    }
    if (mode === "score" && owned.styled.has(ref) && x && y) {
      const diffs: XmlDifference[] = [];
      diffElements(x, y, path, diffs);
      out.push(...diffs.filter((d) => !(d.path === path && /^@s[ :]/.test(d.detail))));
      continue;
    }
    if (!x) out.push({ path, change: "added", detail: `a cell the run did not write: ${summary(y!)}` });
    else if (!y) out.push({ path, change: "missing", detail: summary(x) });
    else diffElements(x, y, path, out);
  }
  return out;
}

function textual(c: ReturnType<typeof readCell> | undefined): boolean {
  return !!c && (c.type === "s" || c.type === "inlineStr" || c.type === "str");
}

function formulaText(f: Element): string {
  const text = (f.textContent ?? "").replace(/\s+/g, "");
  return text || (f.getAttribute("t") === "shared" ? `(shared formula ${f.getAttribute("si")})` : "");
}

function isEmptyCell(c: Element): boolean {
  return !childNamed(c, "v") && !childNamed(c, "f") && !childNamed(c, "is") && (c.getAttribute("s") ?? "0") === "0";
}

/** Whether A1 area `outer` covers area `inner`. */
function covers(outer: string, inner: string): boolean {
  const box = (ref: string) => {
    const cells = cellsOfAreas(ref.split(":").length === 1 ? `${ref}:${ref}` : ref);
    if (!cells.length) return undefined;
    const first = /^([A-Z]+)(\d+)$/.exec(cells[0])!;
    const last = /^([A-Z]+)(\d+)$/.exec(cells[cells.length - 1])!;
    const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return { top: Number(first[2]), left: col(first[1]), bottom: Number(last[2]), right: col(last[1]) };
  };
  const o = box(outer);
  const i = box(inner);
  return !!o && !!i && o.top <= i.top && o.left <= i.left && o.bottom >= i.bottom && o.right >= i.right;
}

/** The snapshot's record of what each written cell held must be what the original held (else undo restores the wrong thing). */
function snapshotTruthProblems(s: Snapshot, original: Parts, sheets: SheetEntry[], sst: string[]): string[] {
  const out: string[] = [];
  const docs = new Map<string, ReturnType<typeof sheetCells>>();
  for (const b of s.cells) {
    const entry = sheets.find((x) => x.name === b.sheet);
    if (!entry) continue;
    if (!docs.has(b.sheet)) docs.set(b.sheet, sheetCells(xmlOf(original, entry.part)));
    const cells = docs.get(b.sheet)!.cells;
    b.cells.forEach((saved, i) => {
      if (saved === null) return;
      const ref = `${colName(b.col)}${b.top + i}`;
      const el = cells.get(ref);
      const c = el ? readCell(el, sst) : undefined;
      const had = !c || (c.value === "" && !c.formula) ? "" : c.formula ? "formula" : c.value;
      const says = saved === "" ? "" : "f" in saved ? "formula" : "v" in saved ? String(saved.v) : "e" in saved ? saved.e : "";
      const same = had === says || (had !== "" && says !== "" && Number(had) === Number(says) && !Number.isNaN(Number(had)));
      if (!same) out.push(`undo snapshot: "${b.sheet}"!${ref} recorded as ${JSON.stringify(says)}, the original held ${JSON.stringify(had)}`);
    });
  }
  return out;
}
