import { isCriteriaSheetName } from "../check/sheetNames";
import { Lang } from "../i18n/lang";
import { SheetGrid, WorkbookRead } from "../port";
import { rowsToCriteria } from "./sheetForm";
import { CriteriaResult } from "./validate";

/** The set a workbook carries in its "Bộ tiêu chí" (or "Criteria") sheet, if it has one. */
export function criteriaFromWorkbook(wb: WorkbookRead, lang: Lang): CriteriaResult | undefined {
  const grid = wb.sheets.find((s) => isCriteriaSheetName(s.name));
  return grid ? readCriteriaSheet(grid, lang) : undefined;
}

/**
 * Sheets read before, by their exact content: a batch of unit workbooks (cchc summary over 1,000 files) mostly
 * carries the same criteria sheet, and reading one costs more than checking the unit beside it. Every caller
 * gets its own copy, so nothing it changes reaches the next; the cache stays a few entries.
 */
const READ = new Map<string, CriteriaResult>();
const READ_CACHE_MAX_ENTRIES = 16;

function readCriteriaSheet(grid: SheetGrid, lang: Lang): CriteriaResult {
  const key = typeof structuredClone === "function" ? sheetKey(grid, lang) : undefined;
  const hit = key === undefined ? undefined : READ.get(key);
  if (hit) return structuredClone(hit);
  const result = rowsToCriteria(grid, lang);
  if (key !== undefined) {
    let copy: CriteriaResult | undefined;
    try {
      copy = structuredClone(result);
    } catch {
      copy = undefined; // something in it cannot be copied: leave it uncached
    }
    if (copy) {
      if (READ.size >= READ_CACHE_MAX_ENTRIES) READ.clear();
      READ.set(key, copy);
    }
  }
  return result;
}

/**
 * An exact spelling of all rowsToCriteria reads (the sheet's name, values and number formats, with the
 * language): two sheets get the same key only when they hold the same cells, holes and types included. A cell
 * it cannot spell exactly makes the sheet uncached.
 */
function sheetKey(grid: SheetGrid, lang: Lang): string | undefined {
  const out: string[] = [lang, str(grid.name)];
  for (const table of [grid.values, grid.numberFormats] as unknown[][][]) {
    if (table === undefined) {
      out.push("U");
      continue;
    }
    out.push(`T${table.length}`);
    for (let r = 0; r < table.length; r++) {
      const row = table[r];
      if (!(r in table)) out.push("h");
      else if (!Array.isArray(row)) {
        if (row !== undefined && row !== null) return undefined;
        out.push(row === null ? "n" : "u");
      } else {
        out.push(`R${row.length}`);
        for (let c = 0; c < row.length; c++) {
          const cell = c in row ? spell(row[c]) : "h";
          if (cell === undefined) return undefined;
          out.push(cell);
        }
      }
    }
  }
  return out.join("|");
}

function spell(v: unknown): string | undefined {
  if (v === undefined) return "u";
  if (v === null) return "n";
  if (typeof v === "number") return Object.is(v, -0) ? "d-0" : `d${v}`;
  if (typeof v === "string") return str(v);
  if (typeof v === "boolean") return v ? "T" : "F";
  if (v instanceof Date) return `D${v.getTime()}`;
  if (typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
    const keys = Object.keys(v);
    const error = (v as { error?: unknown }).error;
    if (keys.length === 1 && keys[0] === "error" && typeof error === "string") return `e${str(error)}`;
  }
  return undefined;
}

function str(s: string): string {
  return `s${s.length}:${s}`;
}
