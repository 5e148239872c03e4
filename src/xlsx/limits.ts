import { inflateRawSync } from "zlib";
import JSZip from "jszip";
import { DomainError } from "../core/errors/domainError";

/** Excel's grid: a reference past it is a damaged file. */
const LAST_ROW = 1_048_576;
const LAST_COL = 16_384;

/**
 * Where ExcelJS stops finishing. It makes one object for every merged cell and every cell under a data
 * validation, checks each merge against every other, and unzips every part whole: past these a valid-looking
 * file takes minutes or all the memory. One whole merged column (1 048 576 cells) still loads.
 */
export const SHEET_LIMITS = {
  mergedCells: 1_048_576,
  merges: 5_000,
  validatedCells: 2_097_152,
  unzippedMB: 512,
};

/**
 * Reads the sheet parts' XML before ExcelJS does and refuses, with one line naming sheet and range, what would
 * hang it or run it out of memory.
 */
export async function checkSheetLimits(zip: JSZip): Promise<void> {
  const files = Object.values(zip.files);
  // Sizes as the zip declares them: a lie is caught by the unzip's own size check.
  const unzipped = files.reduce(
    (s, f) =>
      s +
      Number(
        (f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0
      ),
    0
  );
  if (unzipped > SHEET_LIMITS.unzippedMB * 1048576)
    throw limit("", "unzipped", "", Math.round(unzipped / 1048576), SHEET_LIMITS.unzippedMB);

  const names = await sheetNames(zip);
  for (const f of files) {
    const m = /^\/?xl\/worksheets\/(sheet\d+\.xml)$/.exec(f.name);
    if (!m || f.dir) continue;
    let xml: string;
    try {
      xml = await sheetXml(f);
    } catch {
      return;
    }
    const sheet = names.get(m[1]) ?? f.name;
    // One pass each, no per-tag work: these scans run over every sheet of every checked file.
    for (const m of xml.matchAll(/<row\b[^>]*?\sr\s*=\s*["'](\d+)/g))
      if (m[1].length > 7 || Number(m[1]) > LAST_ROW) throw limit(sheet, "row-outside", m[1]);
    // The schema orders a sheet's parts: <cols> before <sheetData>, merges and validations after it.
    const dataStart = xml.indexOf("<sheetData");
    const dataEnd = xml.lastIndexOf("</sheetData>");
    const head = dataStart >= 0 ? xml.slice(0, dataStart) : xml;
    const tail = dataEnd >= 0 ? xml.slice(dataEnd) : xml;
    const cols = /<cols\b[\s\S]*?<\/cols>/.exec(head)?.[0] ?? "";
    for (const m of cols.matchAll(/\smax\s*=\s*["'](\d+)/g))
      if (m[1].length > 6 || Number(m[1]) > LAST_COL) throw limit(sheet, "col-outside", m[1]);
    let mergedCells = 0;
    let merges = 0;
    let biggest = { range: "", cells: 0 };
    for (const [tag] of tail.matchAll(/<mergeCell\b[^>]*>/g)) {
      const ref = attr(tag, "ref") ?? "";
      const cells = cellsIn(sheet, ref);
      merges++;
      mergedCells += cells;
      if (cells > biggest.cells) biggest = { range: ref, cells };
    }
    if (mergedCells > SHEET_LIMITS.mergedCells)
      throw limit(sheet, "merged-cells", biggest.range, mergedCells, SHEET_LIMITS.mergedCells);
    if (merges > SHEET_LIMITS.merges) throw limit(sheet, "merges", "", merges, SHEET_LIMITS.merges);
    let validated = 0;
    biggest = { range: "", cells: 0 };
    for (const [tag] of tail.matchAll(/<dataValidation\b[^>]*>/g))
      for (const ref of (attr(tag, "sqref") ?? "").split(/\s+/).filter(Boolean)) {
        const cells = cellsIn(sheet, ref);
        validated += cells;
        if (cells > biggest.cells) biggest = { range: ref, cells };
      }
    if (validated > SHEET_LIMITS.validatedCells)
      throw limit(sheet, "validated-cells", biggest.range, validated, SHEET_LIMITS.validatedCells);
  }
}

/**
 * A sheet part's XML, inflated by Node's native zlib where JSZip holds the raw deflate bytes (several times
 * faster than JSZip's JavaScript inflate: this runs before every load). Only ASCII matters to the scans, so it is
 * read as latin1. Anything unusual goes through JSZip itself.
 */
async function sheetXml(f: JSZip.JSZipObject): Promise<string> {
  const data = (
    f as unknown as {
      _data?: {
        compressedContent?: Uint8Array;
        compression?: { magic?: string };
        uncompressedSize?: number;
      };
    }
  )._data;
  const magic = data?.compression?.magic;
  if (data?.compressedContent && magic === "\x08\x00")
    return inflateRawSync(data.compressedContent, {
      maxOutputLength: SHEET_LIMITS.unzippedMB * 1048576,
    }).toString("latin1");
  if (data?.compressedContent && magic === "\x00\x00")
    return Buffer.from(data.compressedContent).toString("latin1");
  return f.async("string");
}

/** An attribute's value in a start tag, in either quotes, spaces allowed around "=" (as XML allows). */
function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

function limit(sheet: string, what: string, range: string, count = 0, max = 0): DomainError {
  return new DomainError("beyond-limits", { sheet, what, range, count, limit: max });
}

/** Cells in "B2:D9" (0 for a reference ExcelJS will reject itself); past Excel's grid, an error. */
function cellsIn(sheet: string, ref: string): number {
  const parts = ref.split(":").map((p) => /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(p));
  if (parts.length > 2 || parts.some((p) => !p)) return 0;
  const at = parts.map((p) => ({
    col: [...p![1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0),
    row: Number(p![2]),
  }));
  if (at.some((a) => a.row > LAST_ROW || a.row < 1 || a.col > LAST_COL))
    throw limit(sheet, "range-outside", ref);
  const [a, b = a] = at;
  return (Math.abs(b.row - a.row) + 1) * (Math.abs(b.col - a.col) + 1);
}

/** "sheet2.xml" → the name users see, from workbook.xml and its relationships; best effort. */
async function sheetNames(zip: JSZip): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  try {
    const wb = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
    const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
    const target = new Map<string, string>();
    for (const [tag] of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      const id = /\sId="([^"]*)"/.exec(tag)?.[1];
      const to = /\sTarget="([^"]*)"/.exec(tag)?.[1];
      if (id && to) target.set(id, to.split("/").pop()!);
    }
    for (const [tag] of wb.matchAll(/<sheet\b[^>]*>/g)) {
      const name = /\sname="([^"]*)"/.exec(tag)?.[1];
      const id = /\sr:id="([^"]*)"/.exec(tag)?.[1];
      const part = id && target.get(id);
      if (name && part) out.set(part, unescapeXml(name));
    }
  } catch {
    // names are only for the message
  }
  return out;
}

function unescapeXml(s: string): string {
  return s.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e]!
  );
}
