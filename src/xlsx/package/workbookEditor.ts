import { AppProperties } from "./appProperties";
import { ChangedCells, dropCalcChainEntries, noChangedCells } from "./calcChain";
import { ContentTypes, CT } from "./contentTypes";
import { REL, relsPathOf } from "./relationships";
import { SharedStrings } from "./sharedStrings";
import { SheetEditor } from "./sheetEditor";
import { Stylesheet } from "./stylesheet";
import { SheetEntry, SheetState, WorkbookPart } from "./workbookPart";
import { appendNew, namespaceOf, newDocument, root } from "../xml";
import { XlsxPackage } from "./zipPackage";

const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const SML_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/**
 * One edit of a package: the workbook part and the package's bookkeeping (content types, app properties,
 * calculation chain), the worksheets opened for editing, and the styles. `save()` finishes the bookkeeping —
 * calculation chain entries of changed cells dropped, full recalculation on load — and writes the package.
 */
export class WorkbookEditor {
  readonly changed: ChangedCells;
  readonly strings: SharedStrings;
  private readonly sheets = new Map<string, SheetEditor>();
  private stylesheet?: Stylesheet;

  private constructor(
    readonly pkg: XlsxPackage,
    readonly wb: WorkbookPart,
    readonly types: ContentTypes,
    readonly app: AppProperties
  ) {
    this.strings = new SharedStrings(pkg, wb);
    this.changed = noChangedCells(wb.rels.ofType(REL.calcChain).length > 0);
  }

  static async open(bytes: Uint8Array): Promise<WorkbookEditor> {
    return WorkbookEditor.of(await XlsxPackage.open(bytes));
  }

  static async of(pkg: XlsxPackage): Promise<WorkbookEditor> {
    const wb = await WorkbookPart.open(pkg);
    return new WorkbookEditor(pkg, wb, await ContentTypes.of(pkg), await AppProperties.of(pkg));
  }

  async styles(): Promise<Stylesheet> {
    return (this.stylesheet ??= await Stylesheet.of(this.pkg, this.wb));
  }

  /** A worksheet opened for editing (once); undefined for a name that is not a worksheet of the workbook. */
  async sheet(name: string): Promise<SheetEditor | undefined> {
    const entry = this.wb.sheet(name);
    return entry ? this.sheetOf(entry) : undefined;
  }

  async sheetOf(entry: SheetEntry): Promise<SheetEditor | undefined> {
    if (entry.kind !== "worksheet" || !entry.part) return undefined;
    const path = this.pkg.entry(entry.part);
    if (!path) return undefined;
    const open = this.sheets.get(path);
    if (open) return open;
    const doc = await this.pkg.xml(path);
    if (!doc) return undefined;
    const editor = new SheetEditor(this.pkg, entry, path, doc, this.changed);
    this.sheets.set(path, editor);
    return editor;
  }

  /** Starts reading the parts of these sheets at once (see XlsxPackage.prefetch). */
  prefetch(names: string[]): void {
    this.pkg.prefetch(
      names.map((n) => this.wb.sheet(n)?.part).filter((p): p is string => p !== undefined)
    );
  }

  /** Done with a worksheet: its part is written now and its document let go (reopened if asked for again). */
  release(name: string): void {
    const entry = this.wb.sheet(name);
    const path = entry?.part && this.pkg.entry(entry.part);
    const editor = path && this.sheets.get(path);
    if (!path || !editor) return;
    editor.finish();
    this.pkg.flush(path);
    this.sheets.delete(path);
  }

  private worksheetNames(): string[] {
    return this.wb
      .sheets()
      .filter((s) => s.kind === "worksheet")
      .map((s) => s.name);
  }

  /** Adds an empty worksheet at the end of the tab order. */
  async addSheet(name: string, state: SheetState): Promise<SheetEditor> {
    const before = this.worksheetNames();
    const folder = this.wb.path.slice(0, this.wb.path.lastIndexOf("/") + 1);
    let n = this.wb.sheets().length + 1;
    while (this.pkg.has(`${folder}worksheets/sheet${n}.xml`)) n++;
    const part = `${folder}worksheets/sheet${n}.xml`;
    const doc = newDocument(namespaceOf(root(this.wb.doc)) ?? SML_NS, "worksheet", { r: R_NS });
    const ws = root(doc);
    appendNew(ws, "dimension", { ref: "A1" });
    appendNew(appendNew(ws, "sheetViews"), "sheetView", { workbookViewId: 0 });
    appendNew(ws, "sheetFormatPr", { defaultRowHeight: 15 });
    appendNew(ws, "sheetData");
    appendNew(ws, "pageMargins", {
      left: 0.7,
      right: 0.7,
      top: 0.75,
      bottom: 0.75,
      header: 0.3,
      footer: 0.3,
    });
    this.pkg.put(part, doc);
    this.types.addOverride(this.pkg, part, CT.worksheet);
    const entry = this.wb.addSheet(this.pkg, name, part, state);
    await this.app.addSheet(before, name);
    return (await this.sheetOf(entry))!;
  }

  /** Removes a worksheet with its part and the part's relationships (a sheet the run being undone added). */
  async removeSheet(entry: SheetEntry): Promise<void> {
    const before = this.worksheetNames();
    this.changed.sheets.add(entry.sheetId);
    this.wb.removeSheet(this.pkg, entry);
    if (entry.part) {
      const path = this.pkg.entry(entry.part);
      if (path) this.sheets.delete(path);
      this.pkg.remove(entry.part);
      this.pkg.remove(relsPathOf(entry.part));
      this.types.removeOverride(this.pkg, entry.part);
    }
    if (entry.kind === "worksheet") await this.app.removeSheet(before, entry.name);
  }

  async save(options: { store?: boolean } = {}): Promise<Uint8Array> {
    for (const s of this.sheets.values()) s.finish();
    this.stylesheet?.finish(this.pkg);
    await dropCalcChainEntries(this.pkg, this.wb, this.changed);
    if (this.pkg.editedPaths().length) this.wb.setFullCalcOnLoad(this.pkg);
    return this.pkg.save(options);
  }
}
