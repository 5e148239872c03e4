/**
 * Findings as the pane lists them: filtered by severity and text, grouped by sheet (in workbook order) and,
 * within a sheet, by severity. Pure functions over the report, tested in test/pane/findingsView.test.ts.
 */
import type { ReportFinding, ReportUnit } from "../core/report/report";

export type Severity = ReportFinding["severity"];
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** A finding with its position in the report: a stable key for React and for the "current" finding. */
export interface ListedFinding {
  id: number;
  finding: ReportFinding;
}

export interface SeverityGroup {
  severity: Severity;
  items: ListedFinding[];
}

export interface SheetGroup {
  /** undefined: findings about the whole workbook (no sheet). */
  sheet: string | undefined;
  count: number;
  severities: SeverityGroup[];
}

export interface FindingFilter {
  severities: ReadonlySet<Severity>;
  query: string;
}

/**
 * Case, diacritics (đ too), Unicode form and spacing do not matter when searching; punctuation does, so that
 * "1.3" finds criterion 1.3 (and 1.3.1) rather than every text with a 1 and a 3.
 */
export function foldForSearch(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

function searchText(f: ReportFinding): string {
  return foldForSearch(
    [f.sheet ?? "", f.cell ?? "", f.criterion ?? "", f.rule, f.message].join(" ")
  );
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Every word of the query must start a word of the finding's text (sheet, cell, criterion, rule, message):
 * "1.3" finds criterion 1.3 and 1.3.1, not 11.3 or 3.1.3; "binh" finds "Bình Minh".
 */
export function matchesFilter(f: ReportFinding, filter: FindingFilter): boolean {
  if (!filter.severities.has(f.severity)) return false;
  const words = foldForSearch(filter.query).split(" ").filter(Boolean);
  if (words.length === 0) return true;
  const text = searchText(f);
  return words.every((w) => new RegExp(`(^|[^a-z0-9.,])${escapeRegExp(w)}`).test(text));
}

export function filterFindings(
  findings: readonly ReportFinding[],
  filter: FindingFilter
): ListedFinding[] {
  const out: ListedFinding[] = [];
  findings.forEach((finding, id) => {
    if (matchesFilter(finding, filter)) out.push({ id, finding });
  });
  return out;
}

/**
 * Groups by sheet: the units' sheets first in workbook order (the order of `units`), then other sheets in the
 * report's order, then findings without a sheet. Inside a sheet: errors, warnings, info, each in report order.
 */
export function groupFindings(
  items: readonly ListedFinding[],
  units: readonly ReportUnit[]
): SheetGroup[] {
  const bySheet = new Map<string | undefined, ListedFinding[]>();
  for (const item of items) {
    const key = item.finding.sheet;
    const list = bySheet.get(key);
    if (list) list.push(item);
    else bySheet.set(key, [item]);
  }
  const unitOrder = new Map(units.map((u, i) => [u.sheet, i]));
  const firstSeen = new Map([...bySheet.keys()].map((k, i) => [k, i]));
  const rank = (sheet: string | undefined): [number, number] =>
    sheet === undefined
      ? [2, 0]
      : unitOrder.has(sheet)
        ? [0, unitOrder.get(sheet)!]
        : [1, firstSeen.get(sheet)!];
  const sheets = [...bySheet.keys()].sort((a, b) => {
    const [ga, ia] = rank(a);
    const [gb, ib] = rank(b);
    return ga - gb || ia - ib;
  });
  return sheets.map((sheet) => {
    const list = bySheet.get(sheet)!;
    return {
      sheet,
      count: list.length,
      severities: SEVERITIES.map((severity) => ({
        severity,
        items: list.filter((i) => i.finding.severity === severity),
      })).filter((g) => g.items.length > 0),
    };
  });
}

export function countBySeverity(findings: readonly ReportFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** One line of the findings list as it is drawn (and windowed): a sheet's header, a severity's, or a finding. */
export type FindingRow =
  | {
      kind: "group";
      key: string;
      sheet: string | undefined;
      count: number;
      counts: Record<Severity, number>;
      expanded: boolean;
    }
  | { kind: "severity"; key: string; severity: Severity; count: number }
  | { kind: "finding"; key: string; item: ListedFinding };

/** The key of a sheet's group (findings about the whole workbook have no sheet). */
export function groupKeyOf(sheet: string | undefined): string {
  return sheet === undefined ? "workbook" : `sheet:${sheet}`;
}

/** The groups as rows, top to bottom; a collapsed group keeps its header row only. */
export function findingRows(
  groups: readonly SheetGroup[],
  collapsed: ReadonlySet<string>
): FindingRow[] {
  const rows: FindingRow[] = [];
  for (const group of groups) {
    const key = groupKeyOf(group.sheet);
    const expanded = !collapsed.has(key);
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const sg of group.severities) counts[sg.severity] = sg.items.length;
    rows.push({ kind: "group", key, sheet: group.sheet, count: group.count, counts, expanded });
    if (!expanded) continue;
    for (const sg of group.severities) {
      rows.push({
        kind: "severity",
        key: `${key}\u0000${sg.severity}`,
        severity: sg.severity,
        count: sg.items.length,
      });
      for (const item of sg.items) rows.push({ kind: "finding", key: `f:${item.id}`, item });
    }
  }
  return rows;
}

/** Rows a person can move to with the keyboard (headers of groups, findings); severity headings are not. */
export function isFocusableRow(row: FindingRow): boolean {
  return row.kind !== "severity";
}
