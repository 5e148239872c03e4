import ExcelJS from "exceljs";
import JSZip from "jszip";
import { DomainError } from "../core/errors/domainError";
import { completeCells } from "./readFixups/formulaResults";
import { refuseNonXlsx } from "./fileKind";
import { OpenedPackage, openPackage, PartError } from "./readFixups/openPackage";

/**
 * Parts of a sheet a read-only check never looks at. Skipping them makes loading cheaper, and a data validation
 * spread over a whole sheet (which ExcelJS expands cell by cell) cannot stall a check. A workbook that will be
 * written back is loaded whole, so nothing of the user's is lost.
 */
const NOT_NEEDED_TO_CHECK = [
  "dataValidations",
  "conditionalFormatting",
  "hyperlinks",
  "drawing",
  "legacyDrawing",
  "picture",
  "tableParts",
  "extLst",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "pageSetup",
  "printOptions",
  "pageMargins",
  "autoFilter",
];

/**
 * `readOnly`: only checked, never written back (parts a check never reads are skipped). `limits`: refuses first
 * what would hang ExcelJS or run it out of memory (the CLI passes limits.ts, which needs Node's zlib and so stays
 * out of the browser bundle). The package is opened once: limits, the read fix-ups (readFixups/openPackage) and
 * ExcelJS all read the same zip.
 */
export async function loadWorkbookBytes(
  buf: Uint8Array,
  options: { readOnly?: boolean; limits?: (zip: JSZip) => Promise<void> } = {}
): Promise<ExcelJS.Workbook> {
  refuseNonXlsx(buf);
  const zip = await JSZip.loadAsync(buf).catch(() => undefined);
  if (zip && options.limits) await options.limits(zip);
  let opened: OpenedPackage | undefined;
  try {
    opened = zip ? await openPackage(zip, { forWriting: !options.readOnly }) : undefined;
  } catch (e) {
    if (e instanceof PartError)
      throw new DomainError("damaged", { reason: `${e.part}: ${e.reason}` });
    throw e;
  }
  const bytes = opened?.changed
    ? await opened.zip.generateAsync({ type: "uint8array", compression: "DEFLATE" })
    : buf;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(
      bytes as unknown as ArrayBuffer,
      options.readOnly
        ? ({ ignoreNodes: NOT_NEEDED_TO_CHECK } as ExcelJS.XlsxReadOptions)
        : undefined
    );
  } catch (e) {
    throw new DomainError("damaged", { reason: shortReason(e) });
  }
  if (wb.worksheets.length === 0) throw new DomainError("no-worksheets");
  if (opened) {
    try {
      await completeCells(wb, opened.zip, opened.facts);
    } catch (e) {
      if (e instanceof PartError)
        throw new DomainError("damaged", { reason: `${e.part}: ${e.reason}` });
      throw e;
    }
    // ExcelJS does not read <calcPr>; a workbook written back keeps the file's request to recalculate.
    if (opened.facts.fullCalcOnLoad) wb.calcProperties.fullCalcOnLoad = true;
  }
  return wb;
}

function shortReason(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split("\n")[0].slice(0, 120);
}
