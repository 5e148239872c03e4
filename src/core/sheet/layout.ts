import { SheetGrid } from "../port";
import { cellText } from "../text/normalize";
import { parseCode } from "./codes";
import { cellAt, colCount, mergeOwners, rowCount } from "./grid";
import { ColumnRole, matchHeader } from "./headers";

export const HEADER_SCAN_ROWS = 15;

export interface Columns {
  code?: number;
  name?: number;
  max?: number;
  ratio?: number;
  self?: number;
  evidence?: number;
  /** Appraisal columns in round order; the last filled one counts. */
  appraised: number[];
  note: number[];
  /** How many appraisal headers name their round ("lần 2"): a second header row that says so wins a tie. */
  explicitRounds: number;
}

export interface SheetLayout {
  headerRow: number;
  /** The header spans two rows (merged group headers above their parts). */
  headerRows: 1 | 2;
  dataStart: number;
  columns: Columns;
}

export type LayoutResult =
  | { kind: "scoring"; layout: SheetLayout }
  /** Looks like a scoring sheet but lacks one of the columns it cannot do without. */
  | {
      kind: "incomplete";
      headerRow: number;
      missing: ("code" | "max" | "self")[];
      columns: Columns;
    }
  | { kind: "other" };

const REQUIRED: ("code" | "max" | "self")[] = ["code", "max", "self"];
const SCORE_ROLES: ColumnRole[] = ["max", "self", "appraised", "evidence"];

/** Finds the header row in the first rows of a sheet and which column plays which role. */
export function findLayout(grid: SheetGrid): LayoutResult {
  const owners = mergeOwners(grid);
  const width = Math.min(colCount(grid), 60);
  const text = (r: number, c: number): string => {
    const own = owners.get(`${r},${c}`);
    // A header merged across columns names each of them; one merged down is read once, in its top row.
    if (own && own.row === r) return cellText(cellAt(grid, own.row, own.col));
    return cellText(cellAt(grid, r, c));
  };

  let best: { layout: SheetLayout; score: number } | undefined;
  let partial: { headerRow: number; columns: Columns; score: number } | undefined;
  const last = Math.min(HEADER_SCAN_ROWS, rowCount(grid));
  for (let r = 1; r <= last; r++) {
    const single = columnsFrom(width, (c) => text(r, c));
    // The top half of a two-row header names something itself; an empty row above a header is no header.
    const double =
      r < rowCount(grid) && roleScore(single) > 0 && !looksLikeDataRow(grid, r + 1, single)
        ? columnsFrom(
            width,
            (c) => joinHeader(text(r, c), text(r + 1, c)),
            (c) => text(r, c),
            (c) => text(r + 1, c)
          )
        : undefined;
    const useDouble =
      double !== undefined &&
      (roleScore(double) > roleScore(single) ||
        (roleScore(double) === roleScore(single) && double.explicitRounds > single.explicitRounds));
    const columns = useDouble ? double : single;
    const score = roleScore(columns);
    if (REQUIRED.every((k) => columns[k] !== undefined)) {
      if (!best || score > best.score) {
        const headerRows = useDouble ? 2 : 1;
        best = { layout: { headerRow: r, headerRows, dataStart: r + headerRows, columns }, score };
      }
    } else if (
      score >= 2 &&
      SCORE_ROLES.some((k) => has(columns, k)) &&
      (!partial || score > partial.score)
    ) {
      partial = { headerRow: r, columns, score };
    }
  }
  if (best) {
    best.layout.dataStart = skipColumnNumberRow(grid, best.layout.dataStart, width);
    return { kind: "scoring", layout: best.layout };
  }
  if (partial)
    return {
      kind: "incomplete",
      headerRow: partial.headerRow,
      missing: REQUIRED.filter((k) => partial!.columns[k] === undefined),
      columns: partial.columns,
    };
  return { kind: "other" };
}

function joinHeader(top: string, sub: string): string {
  return top && sub && top !== sub ? `${top} ${sub}` : top || sub;
}

function columnsFrom(width: number, ...readers: ((c: number) => string)[]): Columns {
  const cols: Columns = { appraised: [], note: [], explicitRounds: 0 };
  const rounds: { col: number; round: number; explicit: boolean }[] = [];
  for (let c = 1; c <= width; c++) {
    let m;
    for (const read of readers) if ((m = matchHeader(read(c)))) break;
    if (!m) continue;
    if (m.role === "appraised")
      rounds.push({ col: c, round: m.round ?? rounds.length + 1, explicit: m.round !== undefined });
    else if (m.role === "note") cols.note.push(c);
    else if (cols[m.role] === undefined) cols[m.role] = c;
  }
  cols.appraised = rounds.sort((a, b) => a.round - b.round || a.col - b.col).map((x) => x.col);
  cols.explicitRounds = rounds.filter((x) => x.explicit).length;
  return cols;
}

function has(cols: Columns, role: ColumnRole): boolean {
  if (role === "appraised") return cols.appraised.length > 0;
  if (role === "note") return cols.note.length > 0;
  return cols[role] !== undefined;
}

function roleScore(cols: Columns): number {
  const roles: ColumnRole[] = ["code", "name", "max", "ratio", "self", "evidence", "note"];
  return roles.filter((r) => has(cols, r)).length + cols.appraised.length;
}

/** A row below a one-row header that already holds codes is data, not the second half of a header. */
function looksLikeDataRow(grid: SheetGrid, r: number, single: Columns): boolean {
  if (single.code === undefined) return false;
  const p = parseCode(cellAt(grid, r, single.code));
  return p.kind === "code" || p.kind === "number";
}

/** Forms often number their columns under the header: (1) (2) (3) … or 1 2 3 …; that row is not a node. */
function skipColumnNumberRow(grid: SheetGrid, r: number, width: number): number {
  const nums: number[] = [];
  for (let c = 1; c <= width; c++) {
    const t = cellText(cellAt(grid, r, c)).replace(/^\((.*)\)$/, "$1");
    if (!t) continue;
    if (!/^\d+$/.test(t)) return r;
    nums.push(Number(t));
  }
  const consecutive = nums.length >= 3 && nums.every((n, i) => i === 0 || n === nums[i - 1] + 1);
  return consecutive ? r + 1 : r;
}
