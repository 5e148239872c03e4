/**
 * "So sánh với bản trước": the cells that changed since an older version, highlighted in the open workbook and
 * removed again ("Bỏ đánh dấu"). The highlight is a conditional format of the tool's own (docs/writing-workbooks.md
 * §1: a rule is ours by its formula): it sets no cell's own format, so removing it leaves every cell exactly as it
 * was, and it never touches a person's rules or formatting. Its formula is none of a score run's, so a run neither
 * replaces nor reverts it. Three syncs whatever the number of cells: sheets, their rules, the writes.
 */
import { ruleFormulaKey } from "../core/plan/ruleFormula";
import { columnLetter, parseA1 } from "../core/sheet/address";
import { readConditionalFormatsApart } from "./conditionalFormatRead";
import { deleteConditionalFormatsOps } from "./conditionalFormatOps";
import { excelRun, ExcelRunner } from "./excelRunner";
import { EXCEL_API, requireExcelApi } from "./requirements";
import { Batch } from "./writeBatches";
import { whileAddinWrites } from "./writeGuard";

/** Always true (ISTEXT of a text): the rule formats every cell it applies to, and its text says whose it is. */
export const COMPARE_RULE_FORMULA = 'ISTEXT("cchc-so-sanh")';
export const COMPARE_FILL = "#FFD966";

/**
 * Office.js documents no limit on the address given to Worksheet.getRanges; a rule's areas are given in pieces of
 * at most 255 characters (what Range accepts as an address in Excel's own object model), each piece a rule.
 */
const MAX_ADDRESS = 255;

export interface HighlightReport {
  count: number;
  protectedSheets: string[];
  unreadableSheets: string[];
  syncs: number;
}

/** Highlights `cells` (A1 addresses per sheet), replacing any highlight of ours already in the workbook. */
export function highlightCells(
  cells: { sheet: string; cell: string }[],
  run: ExcelRunner = excelRun
): Promise<HighlightReport> {
  return rewrite(cells, run);
}

/** Removes every highlight of ours; `count` is how many rules were removed. */
export function clearHighlight(run: ExcelRunner = excelRun): Promise<HighlightReport> {
  return rewrite([], run);
}

async function rewrite(
  cells: { sheet: string; cell: string }[],
  run: ExcelRunner
): Promise<HighlightReport> {
  // Worksheet.getRanges and RangeAreas.conditionalFormats: ExcelApi 1.9.
  requireExcelApi(EXCEL_API.rangeAreas);
  return whileAddinWrites(() =>
    run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name,items/protection/protected");
      await context.sync();
      const locked = new Set(sheets.items.filter((s) => s.protection.protected).map((s) => s.name));
      const names = sheets.items.map((s) => s.name).filter((n) => !locked.has(n));
      const read = await readConditionalFormatsApart(context, names);
      const ours = ruleFormulaKey(COMPARE_RULE_FORMULA);
      const batch = new Batch(context);
      let removed = 0;
      for (const [sheet, rules] of read.formats) {
        const ids = rules.filter((r) => ruleFormulaKey(r.formula) === ours).map((r) => r.id);
        removed += ids.length;
        // Every delete before any add: add puts a rule at the top and moves every id (conditionalFormatOps).
        for (const op of deleteConditionalFormatsOps(sheet, ids)) op.queue(batch);
      }
      const protectedSheets = new Set<string>();
      let count = 0;
      for (const [sheet, addresses] of bySheet(cells)) {
        const target = sheets.items.find((s) => s.name.toLowerCase() === sheet.toLowerCase());
        if (!target) continue;
        if (locked.has(target.name)) {
          protectedSheets.add(target.name);
          continue;
        }
        for (const piece of pieces(areasOf(addresses))) {
          const rule = batch
            .sheet(target.name)
            .getRanges(piece)
            .conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
          rule.custom.rule.formula = "=" + COMPARE_RULE_FORMULA;
          rule.custom.format.fill.color = COMPARE_FILL;
        }
        count += addresses.length;
      }
      await context.sync();
      return {
        count: cells.length ? count : removed,
        protectedSheets: [...protectedSheets],
        unreadableSheets: read.unreadable,
        syncs: 2 + read.syncs,
      };
    })
  );
}

function bySheet(cells: { sheet: string; cell: string }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { sheet, cell } of cells) {
    const list = out.get(sheet) ?? [];
    if (!list.includes(cell)) list.push(cell);
    out.set(sheet, list);
  }
  return out;
}

/** The cells as areas: runs of consecutive rows in one column become one area ("E6:E9"). */
export function areasOf(cells: string[]): string[] {
  const parsed = cells.map(parseA1).sort((a, b) => a.col - b.col || a.row - b.row);
  const out: string[] = [];
  for (let i = 0; i < parsed.length;) {
    let j = i;
    while (
      j + 1 < parsed.length &&
      parsed[j + 1].col === parsed[i].col &&
      parsed[j + 1].row === parsed[j].row + 1
    )
      j++;
    const col = columnLetter(parsed[i].col);
    out.push(j === i ? `${col}${parsed[i].row}` : `${col}${parsed[i].row}:${col}${parsed[j].row}`);
    i = j + 1;
  }
  return out;
}

function pieces(areas: string[]): string[] {
  const out: string[] = [];
  let current = "";
  for (const area of areas) {
    const next = current ? `${current}, ${area}` : area;
    if (current && next.length > MAX_ADDRESS) {
      out.push(current);
      current = area;
    } else current = next;
  }
  if (current) out.push(current);
  return out;
}
