import JSZip from "jszip";
import { InputError } from "../core/inputError";
import { MAX_BYTES, sniff } from "./loadWorkbook";

/** Excel's grid: a reference past it is a damaged file. */
const LAST_ROW = 1_048_576;
const LAST_COL = 16_384;

/**
 * Where ExcelJS stops finishing. It makes one object for every merged cell and every cell under a data
 * validation, checks each merge against every other, and unzips every part whole: past these a valid-looking
 * file takes minutes or all the memory. One whole merged column (1 048 576 cells) still loads.
 */
export const SHEET_LIMITS = { mergedCells: 1_048_576, merges: 5_000, validatedCells: 2_097_152, unzippedMB: 512 };

/**
 * Reads the sheet parts' XML before ExcelJS does and refuses, with one line naming sheet and range, what would
 * hang it or run it out of memory. A zip it cannot read is left to ExcelJS, whose error names the damage.
 */
export async function checkSheetLimits(buf: Uint8Array): Promise<void> {
  if (buf.byteLength > MAX_BYTES || sniff(buf) !== "zip") return;
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch {
    return;
  }
  const files = Object.values(zip.files);
  // Sizes as the zip declares them: a lie is caught by the unzip's own size check.
  const unzipped = files.reduce((s, f) => s + Number((f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0), 0);
  if (unzipped > SHEET_LIMITS.unzippedMB * 1048576) throw limit("", "unzipped", "", Math.round(unzipped / 1048576), SHEET_LIMITS.unzippedMB);

  const names = await sheetNames(zip);
  for (const f of files) {
    const m = /^\/?xl\/worksheets\/(sheet\d+\.xml)$/.exec(f.name);
    if (!m || f.dir) continue;
    let xml: string;
    try {
      xml = await f.async("string");
    } catch {
      return;
    }
    const sheet = names.get(m[1]) ?? f.name;
    for (const [, r] of xml.matchAll(/<row\b[^>]*?\sr="(\d+)"/g)) if (Number(r) > LAST_ROW) throw limit(sheet, "row-outside", r);
    for (const [tag] of xml.matchAll(/<col\b[^>]*>/g)) {
      const max = Number(/\smax="(\d+)"/.exec(tag)?.[1] ?? 0);
      if (max > LAST_COL) throw limit(sheet, "col-outside", String(max));
    }
    let mergedCells = 0;
    let merges = 0;
    let biggest = { range: "", cells: 0 };
    for (const [, ref] of xml.matchAll(/<mergeCell\b[^>]*?\sref="([^"]*)"/g)) {
      const cells = cellsIn(sheet, ref);
      merges++;
      mergedCells += cells;
      if (cells > biggest.cells) biggest = { range: ref, cells };
    }
    if (mergedCells > SHEET_LIMITS.mergedCells) throw limit(sheet, "merged-cells", biggest.range, mergedCells, SHEET_LIMITS.mergedCells);
    if (merges > SHEET_LIMITS.merges) throw limit(sheet, "merges", "", merges, SHEET_LIMITS.merges);
    let validated = 0;
    biggest = { range: "", cells: 0 };
    for (const [, sqref] of xml.matchAll(/<dataValidation\b[^>]*?\ssqref="([^"]*)"/g))
      for (const ref of sqref.split(/\s+/).filter(Boolean)) {
        const cells = cellsIn(sheet, ref);
        validated += cells;
        if (cells > biggest.cells) biggest = { range: ref, cells };
      }
    if (validated > SHEET_LIMITS.validatedCells) throw limit(sheet, "validated-cells", biggest.range, validated, SHEET_LIMITS.validatedCells);
  }
}

function limit(sheet: string, what: string, range: string, count = 0, max = 0): InputError {
  return new InputError("beyond-limits", { sheet, what, range, count, limit: max });
}

/** Cells in "B2:D9" (0 for a reference ExcelJS will reject itself); past Excel's grid, an error. */
function cellsIn(sheet: string, ref: string): number {
  const parts = ref.split(":").map((p) => /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(p));
  if (parts.length > 2 || parts.some((p) => !p)) return 0;
  const at = parts.map((p) => ({ col: [...p![1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0), row: Number(p![2]) }));
  if (at.some((a) => a.row > LAST_ROW || a.row < 1 || a.col > LAST_COL)) throw limit(sheet, "range-outside", ref);
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
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e]!);
}
