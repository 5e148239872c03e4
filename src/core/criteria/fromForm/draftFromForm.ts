import { Adjustment, CRITERIA_FORMAT, CriteriaNode, CriteriaSet } from "../model";
import { roundPoints } from "../indexed";
import { DEFAULT_ROUNDING, DEFAULT_THRESHOLD, defaultBands, validateCriteria } from "../validate";
import { CellValue, SheetGrid } from "../../port";
import { a1 } from "../../sheet/address";
import { cellAt } from "../../sheet/grid";
import { findLayout, SheetLayout } from "../../sheet/layout";
import { readUnitSheet, RowCells } from "../../sheet/unitSheet";
import { cellText, foldText } from "../../text/normalize";
import { parseNumberText } from "../../text/numbers";
import { Draft, DraftNote, DraftResult, ToConfirm } from "./draft";
import { FormNode, formTree } from "./formTree";

/** Survey fields are known by name only: the form has no column that says who fills them. */
const SURVEY = /dieu tra xa hoi hoc|khao sat (muc do |su )?hai long|chi so hai long/;
/** Rows that name bonus and penalty are found by the sheet reader given one adjustment of each kind. */
const ANY_ADJUSTMENTS: Adjustment[] = [
  { code: "", name: "", kind: "bonus", max: 1 },
  { code: "", name: "", kind: "penalty", max: 1 },
];
const TOLERANCE = 1e-6;
/** What a leaf whose form gives no max is drafted with, marked to confirm. */
const NO_MAX_PLACEHOLDER = 1;

/**
 * Drafts a criteria set from a scoring form (issue 13): the tree from the codes, names and maxima from their
 * cells, parents' max from their children, survey fields by name, adjustments from their rows. What the form
 * cannot say gets a safe default — manual scoring in steps of 0.25, evidence required, not applicable not
 * allowed — and is listed in `toConfirm`. Pure: a grid in, a draft out.
 */
export function draftFromForm(grid: SheetGrid): DraftResult {
  const layout = formLayout(grid);
  if (!layout) return { ok: false, reason: "no-form", sheet: grid.name };
  const cols = layout.columns;
  const unit = readUnitSheet(grid, layout, ANY_ADJUSTMENTS);
  const notes: DraftNote[] = [];
  const toConfirm: ToConfirm[] = [];
  const note = (code: DraftNote["code"], cell: string, params: Record<string, unknown>) =>
    notes.push({ code, sheet: grid.name, cell, params });
  const maxCell = (row: number) => a1(row, cols.max!);

  const tree = formTree(unit.codeRows, cols.code!, note);

  const toNode = (n: FormNode, inSurvey: boolean): CriteriaNode | undefined => {
    // A lettered line with no max of its own describes its criterion; it is no criterion to score.
    const children = n.children.filter((c) => {
      const text = c.children.length === 0 && c.item && numberOf(c.max) === undefined;
      if (text)
        note("item-as-text", a1(c.row, cols.code!), {
          text: c.code.split(".").pop() + ")",
          cell: a1(c.row, cols.code!),
          parent: n.code,
        });
      return !text;
    });
    const survey = !inSurvey && SURVEY.test(foldText(n.name));
    const node: CriteriaNode = { code: n.code, name: n.name || n.code };
    if (!n.name) toConfirm.push({ code: n.code, keys: ["name"], reason: "no-name" });
    if (survey) {
      node.source = "survey";
      toConfirm.push({ code: n.code, keys: ["source"], reason: "from-name" });
    }
    if (children.length > 0) {
      node.children = children
        .map((c) => toNode(c, inSurvey || survey))
        .filter((c): c is CriteriaNode => !!c);
      const sum = roundPoints(node.children.reduce((s, c) => s + (c.max ?? 0), 0));
      const given = numberOf(n.max);
      if (given !== undefined && Math.abs(given - sum) > TOLERANCE)
        note("parent-max-mismatch", maxCell(n.row), {
          code: n.code,
          cell: maxCell(n.row),
          max: given,
          sum,
          childCells: cellList(children.map((c) => maxCell(c.row))),
        });
      node.max = sum;
      return node;
    }
    let max = numberOf(n.max);
    if (max === undefined || max <= 0) {
      max = NO_MAX_PLACEHOLDER;
      note("leaf-no-max", maxCell(n.row), { code: n.code, cell: maxCell(n.row), max });
      toConfirm.push({ code: n.code, keys: ["max"], reason: "no-max" });
    }
    const surveyLeaf = inSurvey || survey;
    node.max = max;
    node.rule = { kind: "manual", step: surveyLeaf || !multipleOf(max, 0.25) ? 0.01 : 0.25 };
    node.evidence = !surveyLeaf;
    node.mayBeNotApplicable = false;
    toConfirm.push({
      code: n.code,
      keys: ["rule", "evidence", "mayBeNotApplicable"],
      reason: "default",
    });
    return node;
  };
  const nodes = tree.map((n) => toNode(n, false)).filter((n): n is CriteriaNode => !!n);

  if (unit.totalRow) {
    const given = numberOf(unit.totalRow.max);
    const sum = roundPoints(nodes.reduce((s, n) => s + (n.max ?? 0), 0));
    if (given !== undefined && Math.abs(given - sum) > TOLERANCE)
      note("total-mismatch", maxCell(unit.totalRow.row), {
        cell: maxCell(unit.totalRow.row),
        max: given,
        sum,
        fieldCells: cellList(tree.map((n) => maxCell(n.row))),
      });
  }

  const adjustments = unit.adjustmentRows.map((r) =>
    adjustmentOf(grid, layout, r, r.adjustment.kind, toConfirm)
  );
  uniqueAdjustmentCodes(adjustments);

  const title = titleOf(grid, layout.headerRow);
  const year = title ? /\b(20\d\d)\b/.exec(title)?.[1] : undefined;
  const set: CriteriaSet = {
    format: CRITERIA_FORMAT,
    id: `ban-nhap-${slug(grid.name)}`,
    title: title ?? `Bộ tiêu chí (bản nháp) từ trang "${grid.name}"`,
    ...(year && { year: Number(year) }),
    rounding: { ...DEFAULT_ROUNDING },
    threshold: DEFAULT_THRESHOLD,
    bands: defaultBands(),
    nodes,
    adjustments,
  };
  toConfirm.unshift(
    {
      keys: ["id", "rounding", "threshold", "bands", ...(title ? [] : ["title"])],
      reason: "default",
    },
    ...(title
      ? [{ keys: ["title", ...(year ? ["year"] : [])], reason: "from-title" as const }]
      : [])
  );

  // The draft is a set like any other: it passes the loader's checks, or there is nothing to write.
  const checked = validateCriteria(JSON.parse(JSON.stringify(set)));
  if (!checked.ok)
    return { ok: false, reason: "invalid", sheet: grid.name, problems: checked.problems };
  const draft: Draft = { set: checked.set, toConfirm, notes, sheet: grid.name };
  return { ok: true, draft };
}

/** The reader's layout; a form not yet laid out for self-scoring still drafts from its code, name and max. */
function formLayout(grid: SheetGrid): SheetLayout | undefined {
  const found = findLayout(grid);
  if (found.kind === "scoring") return found.layout;
  if (found.kind === "incomplete" && found.columns.code && found.columns.max)
    return {
      headerRow: found.headerRow,
      headerRows: 1,
      dataStart: found.headerRow + 1,
      columns: found.columns,
    };
  return undefined;
}

function numberOf(v: CellValue): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  return typeof v === "string" ? parseNumberText(v) : undefined;
}

function multipleOf(x: number, step: number): boolean {
  const k = x / step;
  return Math.abs(k - Math.round(k)) < TOLERANCE;
}

function cellList(cells: string[]): string {
  return cells.length <= 6 ? cells.join(", ") : `${cells.slice(0, 5).join(", ")}, …`;
}

function adjustmentOf(
  grid: SheetGrid,
  layout: SheetLayout,
  r: RowCells,
  kind: Adjustment["kind"],
  toConfirm: ToConfirm[]
): Adjustment {
  const code = layout.columns.code ? cellText(cellAt(grid, r.row, layout.columns.code)) : "";
  const given = numberOf(r.max);
  const adjustment: Adjustment = {
    code: code || (kind === "bonus" ? "T" : "TR"),
    name: r.name || (kind === "bonus" ? "Điểm thưởng" : "Điểm trừ"),
    kind,
    // Forms often write a penalty's cap as a negative number.
    max: given !== undefined && given !== 0 ? Math.abs(given) : NO_MAX_PLACEHOLDER,
  };
  if (given === undefined || given === 0)
    toConfirm.push({ code: adjustment.code, keys: ["max"], reason: "no-max" });
  return adjustment;
}

function uniqueAdjustmentCodes(list: Adjustment[]): void {
  const used = new Set<string>();
  for (const a of list) {
    let code = a.code;
    for (let k = 2; used.has(foldText(code)); k++) code = `${a.code}${k}`;
    a.code = code;
    used.add(foldText(code));
  }
}

/** The title above the table: the first line that names the assessment, not the unit. */
function titleOf(grid: SheetGrid, headerRow: number): string | undefined {
  for (let r = 1; r < headerRow; r++)
    for (const v of grid.values[r - 1] ?? []) {
      const t = cellText(v);
      const f = foldText(t);
      if (/^(ten )?don vi\b/.test(f)) continue;
      if (/tieu chi|danh gia|cham diem|cai cach hanh chinh|cchc/.test(f)) return t;
    }
  return undefined;
}

function slug(name: string): string {
  return foldText(name).replace(/ /g, "-") || "trang";
}
