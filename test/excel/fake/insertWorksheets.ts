/**
 * Workbook.insertWorksheetsFromBase64(base64File, options) (excel.workbook.yml; Excel.InsertWorksheetOptions in
 * excel.insertworksheetoptions.yml; docs/excel/excel-add-ins-workbooks.md, "Copy worksheets from another
 * workbook"), as strict as that documentation and the known issues say:
 * - ExcelApi 1.13: where the host does not support it the call fails with ApiNotFound (API set remark; error
 *   code from docs/testing/application-specific-api-error-handling.md).
 * - The file is read at the sync; one that is not an .xlsx fails (InvalidArgument: the code is not documented).
 * - sheetNamesToInsert: "By default, all the worksheets from the source workbook are inserted" (an empty list
 *   too: the sample passes [] to insert all); a name the source does not have fails (ItemNotFound, undocumented:
 *   never inserted silently).
 * - positionType "The default position is End"; Before and After need relativeTo, an existing sheet (the fake
 *   refuses them without it, and "None", with InvalidArgument: where they would go is not documented).
 * - Excel on the web refuses sources whose sheets hold charts, comments, PivotTables or slicers: UnsupportedFeature
 *   (excel-add-ins-workbooks.md, IMPORTANT note) — the fake with platform "web".
 * - Workbook structure protection refuses it, as any added sheet (AccessDenied).
 * - Returns "An array of IDs corresponding to each newly inserted worksheet", readable after the sync.
 * - What an inserted sheet is called when the open workbook has a sheet of its name is not documented: the fake
 *   appends " (n)" with n counting from 2, so code must find inserted sheets by the returned ids, never by name.
 * - Defined names of the source are not brought along (office-js#3583: the inserted workbook's named item
 *   "losts its reference", =#REF!), and a formula pointing at a source sheet that was not inserted becomes a
 *   reference into the source file (office-js#2809 / office-js-docs-reference#1371: "its adding relative path to
 *   formulas"), written here as '[source.xlsx]Sheet'!.
 * - Only values and formulas of the source are modelled (the fake keeps no cell styles from files).
 */
import { Buffer } from "buffer";
import { sheetReference } from "./address";
import type { FakeContext } from "./context";
import { OfficeError, PropertyNotLoadedError } from "./errors";
import { FakeSheet, recordSheetEvent } from "./model";
import { refuseUnderStructureProtection } from "./worksheet";

/** OfficeExtension.ClientResult: its value is there after the sync that ran the call. */
export class FakeClientResult<T> {
  private result?: { value: T };
  set(value: T): void {
    this.result = { value };
  }
  get value(): T {
    if (!this.result) throw new PropertyNotLoadedError("ClientResult.value was read before sync()");
    return this.result.value;
  }
}

interface SourceBook {
  sheets: FakeSheet[];
  /** Source sheets (lower-case names) that hold a drawing (a chart), comments, a PivotTable or a slicer. */
  webRefused: Set<string>;
}

const WEB_REFUSED = /\/(drawing|comments|pivotTable|slicer)$/;

async function readSource(bytes: Uint8Array): Promise<SourceBook> {
  // Loaded when a file is inserted: the .xlsx reader needs TextEncoder, which jsdom test pages lack.
  const { WorkbookEditor } = await import("../../../src/xlsx/package/workbookEditor");
  const { relsPathOf } = await import("../../../src/xlsx/package/relationships");
  const { loadWorkbookBytes, readWorkbook } = await import("../../../src/xlsx/xlsxFilePort");
  const read = readWorkbook(await loadWorkbookBytes(bytes, { readOnly: true }));
  const editor = await WorkbookEditor.open(bytes);
  const webRefused = new Set<string>();
  for (const entry of editor.wb.sheets()) {
    const rels = entry.part ? await editor.pkg.text(relsPathOf(entry.part)) : undefined;
    const types = [...(rels ?? "").matchAll(/Type="([^"]+)"/g)].map((m) => m[1]);
    if (types.some((t) => WEB_REFUSED.test(t))) webRefused.add(entry.name.toLowerCase());
  }
  return { sheets: read.sheets.map(FakeSheet.fromGrid), webRefused };
}

export function insertWorksheetsFromBase64(
  ctx: FakeContext,
  base64: string,
  options: Excel.InsertWorksheetOptions = {}
): FakeClientResult<string[]> {
  const result = new FakeClientResult<string[]>();
  let source: SourceBook | undefined;
  let failure: unknown;
  const valid = /^[A-Za-z0-9+/]*={0,2}$/.test(base64);
  if (valid)
    ctx.prepare(
      readSource(new Uint8Array(Buffer.from(base64, "base64"))).then(
        (s) => (source = s),
        (e) => (failure = e)
      )
    );
  ctx.enqueue(base64.length + JSON.stringify(options).length, () => {
    const office = (globalThis as { Office?: typeof Office }).Office;
    if (!office?.context?.requirements?.isSetSupported?.("ExcelApi", "1.13"))
      throw new OfficeError("ApiNotFound", "insertWorksheetsFromBase64 needs ExcelApi 1.13");
    if (!valid || failure || !source)
      throw new OfficeError("InvalidArgument", `the file is not a workbook (${String(failure ?? "")})`);
    const book = ctx.book;
    refuseUnderStructureProtection(book, "insert worksheets");
    const wanted = options.sheetNamesToInsert?.length
      ? options.sheetNamesToInsert.map((n) => {
          const s = source!.sheets.find((x) => x.name.toLowerCase() === n.toLowerCase());
          if (!s) throw new OfficeError("ItemNotFound", `the source has no worksheet ${n}`);
          return s;
        })
      : source.sheets;
    if (ctx.platform === "web")
      for (const s of wanted)
        if (source.webRefused.has(s.name.toLowerCase()))
          throw new OfficeError("UnsupportedFeature", `${s.name} holds a chart, comment, PivotTable or slicer`);
    const at = insertionIndex(ctx, options);
    const inserted: FakeSheet[] = [];
    for (const s of wanted) inserted.push(copyOf(s, source.sheets, wanted, ctx, inserted));
    book.sheets.splice(at, 0, ...inserted);
    inserted.forEach((s) => recordSheetEvent("onAdded", s));
    return { bytes: inserted.length * 40, commit: () => result.set(inserted.map((s) => s.id)) };
  });
  return result;
}

function insertionIndex(ctx: FakeContext, options: Excel.InsertWorksheetOptions): number {
  const position = options.positionType ?? "End";
  if (position === "End") return ctx.book.sheets.length;
  if (position === "Beginning") return 0;
  if ((position === "Before" || position === "After") && options.relativeTo !== undefined) {
    const name =
      typeof options.relativeTo === "string" ? options.relativeTo : options.relativeTo.name;
    const i = ctx.book.sheets.findIndex((s) => s.name.toLowerCase() === name.toLowerCase());
    if (i < 0) throw new OfficeError("ItemNotFound", `no worksheet ${name}`);
    return position === "Before" ? i : i + 1;
  }
  throw new OfficeError("InvalidArgument", `positionType ${position} without relativeTo`);
}

function copyOf(
  s: FakeSheet,
  all: FakeSheet[],
  wanted: FakeSheet[],
  ctx: FakeContext,
  before: FakeSheet[]
): FakeSheet {
  const taken = (n: string) =>
    ctx.book.find(n) || before.some((b) => b.name.toLowerCase() === n.toLowerCase());
  let name = s.name;
  for (let n = 2; taken(name); n++) name = `${s.name} (${n})`;
  const copy = new FakeSheet(name);
  const left = all.filter((x) => !wanted.includes(x));
  for (const [key, cell] of s.cells) {
    let formula = cell.formula;
    for (const other of left)
      formula = formula?.replace(sheetReference(other.name), `'[source.xlsx]${other.name}'!`);
    copy.cells.set(key, { ...cell, ...(formula !== undefined ? { formula } : {}) });
  }
  copy.merges = [...s.merges];
  return copy;
}
