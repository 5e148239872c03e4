import { isSummarySheetName } from "../check/sheetNames";
import { DomainError } from "../errors/domainError";
import { CellValue, SheetGrid, WorkbookRead } from "../port";
import { SUMMARY_HEADERS } from "../plan/summaryPlan";
import { bandFor, competitionRanks } from "../scoring/ranking";
import { cellAt, colCount, rowCount } from "../sheet/grid";
import { cellText, foldText } from "../text/normalize";
import { parseNumberText } from "../text/numbers";
import { LastYear, LastYearUnit } from "./lastYear";

/** Texts of the summary sheet written by core/plan/summaryPlan, found by their folded form. */
const LEAF_HEADERS = { code: "Mã", name: "Tiêu chí", max: "Điểm tối đa" };
const BAND_TABLE = "Ngưỡng xếp loại";

/**
 * Last year from a summary workbook written by cchc (summary or score): its "Tổng hợp" (found by the tool's
 * marker, else by name), read by its header texts; the ranks and bands as stored, worked out again from the
 * indexes where a formula's result was never stored.
 */
export function lastYearFromWorkbook(wb: WorkbookRead): LastYear {
  const grid =
    wb.sheets.find((s) => s.role === "summary") ??
    wb.sheets.find((s) => isSummarySheetName(s.name));
  if (!grid) throw refused(`không có trang "Tổng hợp" / no "Tổng hợp" sheet`);
  const header = findHeaderRow(grid);
  if (!header) throw refused(`"${grid.name}": không thấy hàng tiêu đề / no header row`);
  const { row: headerRow, col } = header;

  const read: (Omit<LastYearUnit, "rank" | "band"> & { rank?: number; band?: string })[] = [];
  for (let r = headerRow + 1; cellText(cellAt(grid, r, col.unit)) !== ""; r++) {
    const index = numberIn(cellAt(grid, r, col.index));
    if (index === undefined)
      throw refused(
        `"${grid.name}" hàng ${r}: không có chỉ số / row ${r}: no index (mở và lưu bằng Excel / open and save in Excel)`
      );
    const source = col.source ? cellText(cellAt(grid, r, col.source)) : "";
    const rank = numberIn(cellAt(grid, r, col.rank));
    const band = cellText(cellAt(grid, r, col.band));
    read.push({
      name: cellText(cellAt(grid, r, col.unit)),
      ...(source ? { sheet: source.split(" › ").pop()! } : {}),
      index,
      ...(rank !== undefined ? { rank } : {}),
      ...(band ? { band } : {}),
    });
  }
  const ranks = competitionRanks(read.map((u) => u.index));
  const bands = bandTable(grid, headerRow);
  const units: LastYearUnit[] = read.map((u, i) => ({
    ...u,
    rank: u.rank ?? ranks[i],
    band: u.band ?? bandFor(u.index, bands),
  }));
  const leaves = leafTable(grid, headerRow + read.length + 1);
  return {
    kind: "summary-workbook",
    criteriaSet: setOf(grid),
    criteria: leaves.length ? { depth: "leaves", nodes: leaves } : { depth: "none", nodes: [] },
    units,
  };
}

function refused(reason: string): DomainError {
  return new DomainError("previous-unrecognised", { reason });
}

function numberIn(v: CellValue): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "string") return parseNumberText(v);
  return undefined;
}

function columnsOf(grid: SheetGrid, row: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let c = 1; c <= colCount(grid); c++) {
    const t = foldText(cellText(cellAt(grid, row, c)));
    if (t && !out.has(t)) out.set(t, c);
  }
  return out;
}

function findHeaderRow(grid: SheetGrid):
  | {
      row: number;
      col: { unit: number; source?: number; index: number; rank: number; band: number };
    }
  | undefined {
  const last = Math.min(rowCount(grid), 20);
  for (let r = 1; r <= last; r++) {
    const cols = columnsOf(grid, r);
    const at = (h: string) => cols.get(foldText(h));
    const unit = at(SUMMARY_HEADERS.unit);
    const index = at(SUMMARY_HEADERS.index);
    const rank = at(SUMMARY_HEADERS.rank);
    const band = at(SUMMARY_HEADERS.band);
    if (unit && index && rank && band)
      return { row: r, col: { unit, source: at(SUMMARY_HEADERS.source), index, rank, band } };
  }
  return undefined;
}

/** The band table written beside the ranking: "Ngưỡng xếp loại | Xếp loại", a row per band. */
function bandTable(grid: SheetGrid, headerRow: number): { min: number; label: string }[] {
  const cols = columnsOf(grid, headerRow);
  const col = cols.get(foldText(BAND_TABLE));
  if (!col) return [];
  const out: { min: number; label: string }[] = [];
  for (let r = headerRow + 1; ; r++) {
    const min = numberIn(cellAt(grid, r, col));
    const label = cellText(cellAt(grid, r, col + 1));
    if (min === undefined || !label) return out;
    out.push({ min, label });
  }
}

/** The leaf table below the ranking: each leaf's code and max. */
function leafTable(grid: SheetGrid, from: number): { code: string; max: number }[] {
  const end = rowCount(grid);
  for (let r = from; r <= end; r++) {
    const cols = columnsOf(grid, r);
    const code = cols.get(foldText(LEAF_HEADERS.code));
    const max = cols.get(foldText(LEAF_HEADERS.max));
    if (!code || !max || !cols.get(foldText(LEAF_HEADERS.name))) continue;
    const out: { code: string; max: number }[] = [];
    for (let k = r + 1; k <= end; k++) {
      const c = cellText(cellAt(grid, k, code));
      const m = numberIn(cellAt(grid, k, max));
      if (!c || m === undefined) break;
      out.push({ code: c, max: m });
    }
    return out;
  }
  return [];
}

/** Row 2 holds "<title> (<id>)". */
function setOf(grid: SheetGrid): LastYear["criteriaSet"] {
  const m = /^(.*)\s\(([^()]+)\)$/.exec(cellText(cellAt(grid, 2, 1)));
  return m ? { id: m[2], title: m[1] } : null;
}
