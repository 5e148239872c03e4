import { isRelType, REL, Relationship, Relationships } from "./relationships";
import {
  append,
  attr,
  attrNS,
  child,
  children,
  createLike,
  ensureChild,
  flag,
  lookupNamespace,
  lookupPrefix,
  remove,
  removeAttr,
  root,
  setAttr,
  setText,
  textOf,
  type Document,
  type Element,
} from "../xml";
import { XlsxPackage } from "./zipPackage";

/**
 * The workbook part (xl/workbook.xml, wherever the package's officeDocument relationship puts it): its sheets
 * with their parts, defined names, calculation settings, views and protection.
 */

/** CT_Workbook's sequence (ECMA-376 Part 1 §18.2.27). */
const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
] as const;

const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT_R_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships";

export type SheetState = "visible" | "hidden" | "veryHidden";
export type SheetKind = "worksheet" | "chartsheet" | "dialogsheet" | "macrosheet" | "other";

export interface SheetEntry {
  name: string;
  sheetId: number;
  state: SheetState;
  /** 0-based position in the tab order: what a local name's localSheetId counts. */
  index: number;
  rId: string;
  /** The sheet's part, if its relationship resolves. */
  part?: string;
  kind: SheetKind;
  element: Element;
}

export interface NameEntry {
  name: string;
  refersTo: string;
  localSheetId?: number;
  hidden: boolean;
  element: Element;
}

export class WorkbookPart {
  /** The sheets and names as read: dropped whenever this class changes them. */
  private sheetList?: SheetEntry[];
  private sheetByName?: Map<string, SheetEntry>;
  private nameList?: NameEntry[];
  /** Workbook-level names by lower-case name (of nameList). */
  private globalByKey?: Map<string, NameEntry>;

  private constructor(
    readonly path: string,
    readonly doc: Document,
    readonly rels: Relationships
  ) {}

  static async open(pkg: XlsxPackage): Promise<WorkbookPart> {
    const main = (await Relationships.of(pkg, "")).ofType(REL.officeDocument)[0];
    const path = main?.part && pkg.entry(main.part);
    const doc = path ? await pkg.xml(path) : undefined;
    if (!path || !doc) throw new Error("the package has no workbook part");
    return new WorkbookPart(path, doc, await Relationships.of(pkg, path));
  }

  get top(): Element {
    return root(this.doc);
  }

  private relId(el: Element): string {
    return attrNS(el, [R_NS, STRICT_R_NS], "id") ?? "";
  }

  private changed(): void {
    this.sheetList = undefined;
    this.sheetByName = undefined;
    this.nameList = undefined;
    this.globalByKey = undefined;
  }

  sheets(): SheetEntry[] {
    if (this.sheetList) return this.sheetList;
    const rels = new Map(this.rels.list().map((r) => [r.id, r]));
    const list = child(this.top, "sheets");
    return (this.sheetList = (list ? children(list, "sheet") : []).map((el, index) =>
      this.entryOf(el, index, rels.get(this.relId(el)))
    ));
  }

  private entryOf(el: Element, index: number, rel: Relationship | undefined): SheetEntry {
    const state = attr(el, "state");
    return {
      name: attr(el, "name") ?? "",
      sheetId: Number(attr(el, "sheetId")),
      state: state === "hidden" || state === "veryHidden" ? state : "visible",
      index,
      rId: this.relId(el),
      ...(rel?.part ? { part: rel.part } : {}),
      kind: kindOf(rel?.type ?? ""),
      element: el,
    };
  }

  /** A sheet by name, compared as Excel compares them: without regard to case. */
  sheet(name: string): SheetEntry | undefined {
    if (!this.sheetByName) {
      this.sheetByName = new Map();
      for (const s of this.sheets())
        if (!this.sheetByName.has(s.name.toLowerCase()))
          this.sheetByName.set(s.name.toLowerCase(), s);
    }
    return this.sheetByName.get(name.toLowerCase());
  }

  names(): NameEntry[] {
    if (this.nameList) return this.nameList;
    const list = child(this.top, "definedNames");
    this.globalByKey = undefined;
    return (this.nameList = (list ? children(list, "definedName") : []).map(nameEntry));
  }

  /** The workbook-level name (names compare without regard to case). */
  globalName(name: string): NameEntry | undefined {
    const names = this.names();
    if (!this.globalByKey) {
      this.globalByKey = new Map();
      for (const n of names) this.indexGlobal(n);
    }
    return this.globalByKey.get(name.toLowerCase());
  }

  /** The first workbook-level name of each spelling, as a search of the list in order finds it. */
  private indexGlobal(n: NameEntry): void {
    const key = n.name.toLowerCase();
    if (n.localSheetId === undefined && !this.globalByKey!.has(key)) this.globalByKey!.set(key, n);
  }

  /** Sets a hidden workbook-level name, replacing the one of that name. */
  setName(pkg: XlsxPackage, name: string, refersTo: string): void {
    const existing = this.globalName(name);
    const el = existing?.element ?? createLike(this.top, "definedName");
    if (!existing) {
      setAttr(el, "name", name);
      append(ensureChild(this.top, "definedNames", WORKBOOK_ORDER), el);
    }
    setAttr(el, "hidden", "1");
    setText(el, refersTo);
    // The names as read are kept up to date rather than read again (the sheets do not change): a run sets
    // hundreds of names, one by one.
    if (this.nameList) {
      const entry = nameEntry(el);
      if (existing) this.nameList[this.nameList.indexOf(existing)] = entry;
      else this.nameList.push(entry);
      if (existing) this.globalByKey?.set(existing.name.toLowerCase(), entry);
      else if (this.globalByKey) this.indexGlobal(entry);
    }
    pkg.edited(this.path);
  }

  removeName(pkg: XlsxPackage, name: string): void {
    const existing = this.globalName(name);
    if (!existing) return;
    remove(existing.element);
    this.dropEmptyNames();
    this.changed();
    pkg.edited(this.path);
  }

  private dropEmptyNames(): void {
    const list = child(this.top, "definedNames");
    if (list && children(list, "definedName").length === 0) remove(list);
  }

  /** An empty `<definedNames/>` (openpyxl writes one). */
  hasEmptyNameList(): boolean {
    const list = child(this.top, "definedNames");
    return !!list && children(list).length === 0;
  }

  /** Puts back an empty `<definedNames/>` where there is none. */
  keepNameList(pkg: XlsxPackage): void {
    if (child(this.top, "definedNames")) return;
    ensureChild(this.top, "definedNames", WORKBOOK_ORDER);
    this.changed();
    pkg.edited(this.path);
  }

  /** Workbook structure protection: no sheet may be added, removed, renamed, moved or hidden. */
  structureProtected(): boolean {
    const p = child(this.top, "workbookProtection");
    return !!p && flag(p, "lockStructure");
  }

  /** `<calcPr fullCalcOnLoad="1">`: Excel recalculates what we wrote on open. Every other setting stays. */
  setFullCalcOnLoad(pkg: XlsxPackage): void {
    const calc = ensureChild(this.top, "calcPr", WORKBOOK_ORDER);
    if (attr(calc, "fullCalcOnLoad") !== "1") {
      setAttr(calc, "fullCalcOnLoad", "1");
      pkg.edited(this.path);
    }
  }

  /** Appends `<sheet>` for a new worksheet part (relationship added); returns its entry. */
  addSheet(pkg: XlsxPackage, name: string, part: string, state: SheetState): SheetEntry {
    const rId = this.rels.add(pkg, REL.worksheet, part);
    const sheets = ensureChild(this.top, "sheets", WORKBOOK_ORDER);
    const el = createLike(this.top, "sheet");
    setAttr(el, "name", name);
    setAttr(el, "sheetId", Math.max(0, ...this.sheets().map((s) => s.sheetId || 0)) + 1);
    if (state !== "visible") setAttr(el, "state", state);
    const ns = lookupNamespace(this.top, "r") === STRICT_R_NS ? STRICT_R_NS : R_NS;
    let prefix = lookupPrefix(this.top, ns);
    if (!prefix) {
      // Declared on the element itself, as openpyxl writes its <sheet>s: the workbook's root stays as it was.
      prefix = "r";
      for (let i = 2; lookupNamespace(this.top, prefix) !== undefined; i++) prefix = `r${i}`;
      setAttr(el, `xmlns:${prefix}`, ns);
    }
    setAttr(el, `${prefix}:id`, rId);
    append(sheets, el);
    pkg.edited(this.path);
    // The sheets as read gain the new one rather than being read again (a consolidation adds a hundred, and
    // each read resolves every relationship); the names stay: a sheet added last moves no local name's index.
    const list = this.sheets();
    const entry = this.entryOf(el, list.length, this.rels.byId(rId));
    list.push(entry);
    if (this.sheetByName && !this.sheetByName.has(name.toLowerCase()))
      this.sheetByName.set(name.toLowerCase(), entry);
    return entry;
  }

  setState(pkg: XlsxPackage, entry: SheetEntry, state: SheetState): void {
    if (entry.state === state) return;
    if (state === "visible") removeAttr(entry.element, "state");
    else setAttr(entry.element, "state", state);
    this.changed();
    pkg.edited(this.path);
  }

  /**
   * Removes a sheet's `<sheet>` and relationship. Names local to it go; later sheets' local names keep pointing
   * at their own sheet (localSheetId counts positions); the views' active and first tab stay on a sheet.
   */
  removeSheet(pkg: XlsxPackage, entry: SheetEntry): void {
    const at = entry.index;
    for (const n of this.names()) {
      if (n.localSheetId === at) remove(n.element);
      else if (n.localSheetId !== undefined && n.localSheetId > at)
        setAttr(n.element, "localSheetId", n.localSheetId - 1);
    }
    this.dropEmptyNames();
    remove(entry.element);
    this.changed();
    const left = this.sheets();
    const views = child(this.top, "bookViews");
    for (const v of views ? children(views, "workbookView") : []) {
      for (const name of ["activeTab", "firstSheet"]) {
        const raw = attr(v, name);
        if (raw === undefined) continue;
        let tab = Number(raw);
        if (tab > at || (tab === at && tab >= left.length)) tab--;
        if (name === "activeTab") tab = visibleNear(left, tab);
        tab = Math.max(0, Math.min(tab, left.length - 1));
        if (String(tab) !== raw) setAttr(v, name, tab);
      }
    }
    if (entry.rId) this.rels.removeById(pkg, entry.rId);
    this.changed();
    pkg.edited(this.path);
  }
}

/** The tab at or nearest after (then before) `tab` that is visible: Excel's active tab must be shown. */
function visibleNear(sheets: SheetEntry[], tab: number): number {
  for (let i = Math.max(0, tab); i < sheets.length; i++)
    if (sheets[i].state === "visible") return i;
  for (let i = Math.min(tab, sheets.length - 1); i >= 0; i--)
    if (sheets[i].state === "visible") return i;
  return Math.max(0, tab);
}

function kindOf(type: string): SheetKind {
  if (isRelType(type, REL.worksheet)) return "worksheet";
  if (type.endsWith("/chartsheet")) return "chartsheet";
  if (type.endsWith("/dialogsheet")) return "dialogsheet";
  if (type.endsWith("/xlMacrosheet") || type.endsWith("/xlIntlMacrosheet")) return "macrosheet";
  return "other";
}

function nameEntry(el: Element): NameEntry {
  const local = attr(el, "localSheetId");
  return {
    name: attr(el, "name") ?? "",
    refersTo: textOf(el),
    ...(local !== undefined && local !== "" ? { localSheetId: Number(local) } : {}),
    hidden: flag(el, "hidden"),
    element: el,
  };
}
