import ExcelJS from "exceljs";
import type { Cell, Workbook } from "exceljs";
import JSZip from "jszip";
import { DomainError } from "../../core/errors/domainError";
import { cellsOf, rowsOf, setFormulaResult } from "../excelJsInternals";
import { PackageFacts } from "./openPackage";
import { attr, root, textOf } from "../xml";
import { childrenNamed, parseXml } from "./xmlParts";

const FACTS = new WeakMap<Workbook, PackageFacts>();

/** What the package of a workbook loaded by loadWorkbookBytes said beyond what ExcelJS keeps (see readWorkbook). */
export function packageFactsOf(book: Workbook): PackageFacts | undefined {
  return FACTS.get(book);
}

/**
 * Completes what ExcelJS read of the cells, in one walk over them:
 * - A formula whose result is empty text is stored as `t="str"` with an empty `<v>` (Excel, LibreOffice);
 *   ExcelJS reads it as having no result at all, which is what a never-calculated formula looks like. Those
 *   cells are looked up in their sheet's XML and given their empty result, so that "no result" means "never
 *   calculated". Only sheets with such cells are parsed again.
 * - A cell of type "s" (a shared string) in a package with no shared strings part reads as the string's index:
 *   the package is damaged.
 */
export async function completeCells(
  book: Workbook,
  zip: JSZip,
  facts: PackageFacts
): Promise<void> {
  FACTS.set(book, facts);
  for (const ws of book.worksheets) {
    const noResult = new Map<string, Cell>();
    for (const row of rowsOf(ws))
      for (const cell of cellsOf(row)) {
        if (cell.type === ExcelJS.ValueType.Formula) {
          if (cell.result === undefined) noResult.set(cell.address, cell);
        } else if (
          !facts.sharedStrings &&
          cell.type === ExcelJS.ValueType.String &&
          typeof cell.value === "number"
        )
          throw new DomainError("damaged", { missing: "xl/sharedStrings.xml" });
      }
    const part = facts.sheetParts.get(ws.name);
    if (!noResult.size || !part) continue;
    for (const address of await emptyTextFormulas(zip, part, noResult))
      setFormulaResult(noResult.get(address)!, "");
  }
}

/** Addresses, among `cells`, of formula cells stored with an empty text result. */
async function emptyTextFormulas(
  zip: JSZip,
  part: string,
  cells: Map<string, unknown>
): Promise<string[]> {
  const f = zip.file(part);
  if (!f) return [];
  const sheet = root(parseXml(await f.async("string"), part));
  const out: string[] = [];
  for (const data of childrenNamed(sheet, "sheetData"))
    for (const row of childrenNamed(data, "row"))
      for (const c of childrenNamed(row, "c")) {
        const address = attr(c, "r");
        if (!address || !cells.has(address) || attr(c, "t") !== "str") continue;
        if (childrenNamed(c, "f").length && !childrenNamed(c, "v").some((v) => textOf(v)))
          out.push(address);
      }
  return out;
}
