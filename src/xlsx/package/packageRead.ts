import { DomainError } from "../../core/errors/domainError";
import { assignSheetRoles, ownedSheets } from "../../core/owned/ownedSheets";
import { SheetGrid, WorkbookRead } from "../../core/port";
import { REL } from "./relationships";
import { stringText } from "./sharedStrings";
import { GridContext, sheetGridOf } from "./sheetGrid";
import { BUILTIN_FORMATS, indexAttr } from "./stylesheetSchema";
import { workbookFacts } from "./workbookFacts";
import { WorkbookEditor } from "./workbookEditor";
import { attr, child, children, flag, root } from "../xml";

export interface PackageReadOptions {
  /**
   * Sheets not to read (listed with no cells, their parts not parsed): ones the caller knows it will not look
   * at, such as a criteria sheet when the set is given.
   */
  skip?: (sheet: string) => boolean;
}

/**
 * A workbook read from its package (the parts the writer edits), without ExcelJS: the same WorkbookRead as
 * xlsx/readWorkbook.ts makes of the same file (test/xlsx/packageRead.test.ts holds the two side by side), so a
 * package opened to be copied or written is parsed once. Every worksheet is read but the undo sheet (listed);
 * the sheets' parts stay parsed in `ed` for the edit that follows.
 */
export async function readPackage(
  ed: WorkbookEditor,
  options: PackageReadOptions = {}
): Promise<WorkbookRead> {
  const facts = workbookFacts(ed.wb);
  const worksheets = ed.wb.sheets().filter((s) => s.kind === "worksheet");
  if (!worksheets.length) throw new DomainError("no-worksheets");
  const listed = worksheets.map((s) => ({ name: s.name, values: [], visibility: s.state }));
  const undo = ownedSheets({ sheets: listed, names: facts.names }).get("undo");
  // jszip inflates each part on its own turns of the event loop: the parts to read start together.
  ed.prefetch(worksheets.filter((s) => !options.skip?.(s.name)).map((s) => s.name));
  const ctx = await gridContext(ed);
  const sheets: SheetGrid[] = [];
  for (const entry of worksheets) {
    const missing = () => new DomainError("damaged", { missing: entry.part ?? entry.name });
    if (options.skip?.(entry.name)) {
      // Listed, its part looked for but not parsed.
      if (!entry.part || !ed.pkg.has(entry.part)) throw missing();
      sheets.push({ name: entry.name, values: [], visibility: entry.state });
      continue;
    }
    const ws = await ed.sheetOf(entry);
    if (!ws) throw missing();
    sheets.push(
      entry.name === undo
        ? { name: entry.name, values: [], protected: ws.isProtected(), visibility: entry.state }
        : await sheetGridOf(ws, entry.name, entry.state, ctx)
    );
  }
  const calc = child(ed.wb.top, "calcPr");
  const toolNames = facts.names.some((n) => n.name.toLowerCase().startsWith("_cchc."));
  return assignSheetRoles({
    sheets,
    names: facts.names,
    structureProtected: facts.structureProtected,
    formulaResults: calc && flag(calc, "fullCalcOnLoad") && !toolNames ? "stale" : "stored",
  });
}

async function gridContext(ed: WorkbookEditor): Promise<GridContext> {
  const pr = child(ed.wb.top, "workbookPr");
  const hasStrings = ed.wb.rels.ofType(REL.sharedStrings).some((r) => r.part && ed.pkg.has(r.part));
  const [items, formatOf] = await Promise.all([ed.strings.all(), cellFormats(ed)]);
  const texts: (string | undefined)[] = [];
  return {
    sharedText: (i) => (i in items ? (texts[i] ??= stringText(items[i])) : undefined),
    inlineText: stringText,
    sharedStringsMissing: !hasStrings,
    formatOf,
    date1904: !!pr && flag(pr, "date1904"),
  };
}

/** Each cell style's number format code (styles.xml cellXfs → numFmts or the built-in ones); none for General. */
async function cellFormats(ed: WorkbookEditor): Promise<(xf: number) => string | undefined> {
  const rel = ed.wb.rels.ofType(REL.styles)[0];
  const doc = rel?.part ? await ed.pkg.xml(rel.part) : undefined;
  if (!doc) return () => undefined;
  const top = root(doc);
  const custom = new Map<number, string>();
  const numFmts = child(top, "numFmts");
  for (const n of numFmts ? children(numFmts, "numFmt") : []) {
    const code = attr(n, "formatCode");
    if (code !== undefined) custom.set(indexAttr(n, "numFmtId"), code);
  }
  const cellXfs = child(top, "cellXfs");
  const xfs = cellXfs ? children(cellXfs, "xf") : [];
  return (i) => {
    const xf = xfs[i];
    const id = xf ? indexAttr(xf, "numFmtId") : 0;
    return id ? (custom.get(id) ?? BUILTIN_FORMATS[id]) : undefined;
  };
}
