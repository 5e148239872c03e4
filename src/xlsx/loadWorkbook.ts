import ExcelJS from "exceljs";
import JSZip from "jszip";
import { DomainError } from "../core/errors/domainError";
import { completeCells } from "./readFixups/formulaResults";
import { OpenedPackage, openPackage, PartError } from "./readFixups/openPackage";

export const MAX_BYTES = 200 * 1024 * 1024;

/** What a buffer that is not an .xlsx most likely is, so the error can say how to fix it. */
export function sniff(
  buf: Uint8Array
): "zip" | "ole2-encrypted" | "ole2-xls" | "text" | "csv" | "binary" | "empty" {
  if (buf.length === 0) return "empty";
  if (buf[0] === 0x50 && buf[1] === 0x4b) return "zip";
  if (buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0) {
    // An encrypted .xlsx is an OLE2 container holding an "EncryptionInfo" stream (names are UTF-16LE).
    return includesUtf16(buf, "EncryptionInfo") ? "ole2-encrypted" : "ole2-xls";
  }
  const head = new TextDecoder("utf-8").decode(buf.subarray(0, 4096));
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001f]/.test(head)) return "binary";
  const lines = head.split(/\r?\n/).slice(0, 5).filter(Boolean);
  if (lines.length >= 2 && lines.every((l) => /[,;\t]/.test(l))) return "csv";
  return "text";
}

function includesUtf16(buf: Uint8Array, text: string): boolean {
  const needle = Array.from(text).flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + needle.length <= buf.length; i++) {
    for (let j = 0; j < needle.length; j++) if (buf[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

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
  if (buf.byteLength > MAX_BYTES)
    throw new DomainError("too-large", {
      size: Math.round(buf.byteLength / 1048576),
      limit: MAX_BYTES / 1048576,
    });
  const kind = sniff(buf);
  if (kind === "empty") throw new DomainError("file-empty");
  if (kind === "ole2-encrypted") throw new DomainError("encrypted");
  if (kind === "ole2-xls") throw new DomainError("xls-binary");
  if (kind !== "zip")
    throw new DomainError("not-xlsx", {
      looksLike: kind === "csv" ? "CSV" : kind === "text" ? "văn bản thuần / plain text" : "",
    });
  // A zip JSZip cannot read is left to ExcelJS, whose error names the damage.
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
