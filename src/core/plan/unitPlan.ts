import { UnitCheck } from "../check/checkUnit";
import { IndexedNode, IndexedSet } from "../criteria/indexed";
import { CellWrite, ConditionalFormatWrite, SheetGrid, WritePlan } from "../port";
import { readScoreCell } from "../facts/scoreCell";
import { RowCells } from "../sheet/unitSheet";
import { a1, columnAreas } from "../sheet/address";
import { cellAt, formulaAt } from "../sheet/grid";
import { Columns } from "../sheet/layout";
import { cellText } from "../text/normalize";
import { DataSheetPlan } from "./dataSheet";
import { validations } from "./unitValidations";
import { num, roundedIndex, RowRefs } from "./expressions";
import { fittedFormula, Sums } from "./fittedFormula";
import { leavesWhen, notAssessedTests, unlessSkipped } from "./groupTerms";

/**
 * A cell a person typed that the plan would change: a typed value where a formula goes ("formula"), or a number
 * stored as text ("1,5") that becomes the number core already counted ("number", so the formulas count it too).
 */
export interface TypedCellConflict {
  sheet: string;
  cell: string;
  value: string;
  /** What will be written: the formula without "=", or the number. */
  formula: string;
  kind?: "formula" | "number";
}

/** Where a unit sheet's figures end up once scored: what the summary sheet refers to. */
export interface UnitCells {
  sheet: string;
  /** Per field code: an expression (on the unit sheet) of the field's final points. */
  fields: Map<string, string>;
  total: string;
  bonus: string;
  penalty: string;
  index: string;
}

export interface UnitPlan {
  plan: WritePlan;
  conflicts: TypedCellConflict[];
  cells: UnitCells;
}

export const INDEX_LABEL = { vi: "Chỉ số CCHC (%)", en: "PAR Index (%)" };
export const TOTAL_LABEL = { vi: "Tổng điểm", en: "Total" };

const EVIDENCE_FILL = "#F8D7DA";
const THRESHOLD_FILL = "#FFF0C2";

/**
 * Turns one checked unit sheet into live formulas: parent subtotals, the total row, the index row, data
 * validation of every leaf's allowed scores, and conditional formats for missing evidence and low scores.
 */
export function planUnitSheet(
  set: IndexedSet,
  check: UnitCheck,
  grid: SheetGrid,
  data: DataSheetPlan
): UnitPlan {
  const { unit } = check;
  const cols = unit.layout.columns;
  const sheet = unit.sheet;
  const rounds = cols.appraised.length;
  const rowOf = new Map(check.rows.map((r) => [r.node.code, r.row]));
  const skipped = notAssessedTests(set, unit.groupCell);
  const refs = (row: number) => new RowRefs(cols, row);
  const formulas: { row: number; col: number; formula: string }[] = [];
  /** A formula within Excel's length limit: long sums go to this sheet's helper cells on the data sheet. */
  const fitted = (build: (s: Sums) => string) =>
    fittedFormula(build, sheet, () => data.helpersFor(sheet));

  /** A node's cell in a score column k (-1 = self): its own row when it has one. */
  const partTerm = (s: Sums, node: IndexedNode, k: number): string | undefined => {
    const row = rowOf.get(node.code);
    if (row === undefined) return node.isLeaf ? undefined : parentExpr(s, node, k);
    const r = refs(row);
    // Parent cells are our own formulas and always hold a number, so a parent is just its cell.
    if (!node.isLeaf) return k < 0 ? r.self : r.round(k);
    const survey = node.source === "survey";
    if (k >= 0)
      return unlessSkipped(skipped, node, r.finalThrough(k, survey, "0", node.mayBeNotApplicable));
    return survey ? undefined : unlessSkipped(skipped, node, `IF(ISNUMBER(${r.self}),${r.self},0)`);
  };
  /**
   * How far a node's applicable max through column k falls short of its nominal max, as terms to subtract (core's
   * nodeSum, facts/sumOfParts.ts): a not-applicable leaf its max; a weighted parent its whole weight once nothing
   * under it applies.
   */
  const shortfall = (s: Sums, node: IndexedNode, k: number): string[] => {
    if (node.isLeaf) {
      const row = rowOf.get(node.code);
      const marked = node.mayBeNotApplicable && row !== undefined && refs(row).notApplicable(k);
      const out = leavesWhen(skipped.get(node.code), marked || undefined);
      return out ? [`IF(${out},${num(node.innerMax)},0)`] : [];
    }
    const inner = node.children.flatMap((c) => shortfall(s, c, k));
    if (node.weight === undefined || !inner.length) return inner;
    return [`IF(${num(node.innerMax)}-(${s.plus(inner)})<=0,${num(node.weight)},0)`];
  };
  /** facts/sumOfParts.ts's inParentTerms as formula text: the parts' sum, as a share of the applicable max × weight. */
  const parentExpr = (s: Sums, node: IndexedNode, k: number): string => {
    const sum = s.sum(
      node.children.map((c) => partTerm(s, c, k)).filter((t): t is string => t !== undefined)
    );
    if (node.weight === undefined || node.innerMax <= 0) return sum;
    const inner = node.children.flatMap((c) => shortfall(s, c, k));
    if (!inner.length) return `(${sum})/${num(node.innerMax)}*${num(node.weight)}`;
    const applicable = `(${num(node.innerMax)}-(${s.plus(inner)}))`;
    return `IF(${applicable}<=0,0,(${sum})/${applicable}*${num(node.weight)})`;
  };
  const scoreCols = [cols.self!, ...cols.appraised];
  for (const r of check.rows) {
    if (r.node.isLeaf) continue;
    // An appraisal column's subtotal is the final score through that round: a leaf not yet appraised counts with
    // its self-score, so the last round's total is what the index uses, and nothing is ever blank.
    for (let k = -1; k < rounds; k++)
      formulas.push({
        row: r.row,
        col: scoreCols[k + 1],
        formula: fitted((s) => parentExpr(s, r.node, k)),
      });
  }

  let next = unit.lastRow + 1;
  const labelCol = cols.name ?? cols.code!;
  const labels: { row: number; text: string }[] = [];
  const totalRow = unit.totalRow?.row ?? next++;
  if (!unit.totalRow) labels.push({ row: totalRow, text: TOTAL_LABEL.vi });
  const fieldSum = (s: Sums, k: number) =>
    s.sum(set.fields.map((f) => partTerm(s, f, k)).filter((t): t is string => t !== undefined));
  for (let k = -1; k < rounds; k++)
    formulas.push({
      row: totalRow,
      col: scoreCols[k + 1],
      formula: fitted((s) => fieldSum(s, k)),
    });
  if (cols.max !== undefined && !unit.totalRow)
    formulas.push({ row: totalRow, col: cols.max, formula: num(set.maxTotal) });

  const indexRow = unit.indexRow?.row ?? next++;
  if (!unit.indexRow) labels.push({ row: indexRow, text: INDEX_LABEL.vi });
  const finalCol = scoreCols[scoreCols.length - 1];
  const total = refs(totalRow);
  const finalTotal =
    rounds > 0
      ? `IF(ISNUMBER(${total.round(rounds - 1)}),${total.round(rounds - 1)},N(${total.self}))`
      : `N(${total.self})`;
  const adjustment = (kind: "bonus" | "penalty"): string => {
    const terms = unit.adjustmentRows
      .filter((a) => a.adjustment.kind === kind)
      .map((a) => {
        const v = refs(a.row).finalThrough(rounds - 1, false, "0");
        return `MIN(${num(a.adjustment.max)},${kind === "penalty" ? `ABS(${v})` : `MAX(0,${v})`})`;
      });
    return terms.length ? terms.join("+") : "0";
  };
  const bonus = adjustment("bonus");
  const penalty = adjustment("penalty");
  const indexFormula = fitted((s) => {
    const notApplicableMax = set.fields.flatMap((f) => shortfall(s, f, rounds - 1));
    const denominator = notApplicableMax.length
      ? `(${num(set.maxTotal)}-(${s.plus(notApplicableMax)}))`
      : num(set.maxTotal);
    return `IF(${denominator}<=0,0,${roundedIndex(`(${finalTotal}+${bonus}-${penalty})/${denominator}*100`, set.set.rounding.decimals, set.set.rounding.mode)})`;
  });
  formulas.push({ row: indexRow, col: finalCol, formula: indexFormula });

  const plan: WritePlan = {
    sheets: [],
    ranges: [],
    styles: [],
    conditionalFormats: [],
    validations: [],
    names: [],
  };
  const conflicts: TypedCellConflict[] = [];
  for (const f of formulas) {
    const typed = cellAt(grid, f.row, f.col);
    if (!formulaAt(grid, f.row, f.col) && cellText(typed) !== "")
      conflicts.push({ sheet, cell: a1(f.row, f.col), value: cellText(typed), formula: f.formula });
  }
  plan.ranges.push(
    ...formulas.map((f) => ({
      sheet,
      at: a1(f.row, f.col),
      cells: [[{ formula: f.formula } as CellWrite]],
    }))
  );
  for (const t of numbersStoredAsText(check, cols)) {
    conflicts.push({
      sheet,
      cell: a1(t.row, t.col),
      value: t.text,
      formula: String(t.value),
      kind: "number",
    });
    plan.ranges.push({ sheet, at: a1(t.row, t.col), cells: [[{ value: t.value }]] });
  }
  plan.ranges.push(
    ...labels.map((l) => ({ sheet, at: a1(l.row, labelCol), cells: [[{ value: l.text }]] }))
  );
  plan.styles.push(
    { sheet, range: a1(totalRow, labelCol), style: { bold: true } },
    { sheet, range: a1(indexRow, labelCol), style: { bold: true } }
  );
  plan.styles.push({
    sheet,
    range: a1(indexRow, finalCol),
    style: { bold: true, numberFormat: "0.00" },
  });
  plan.conditionalFormats.push(...conditionalFormats(set, check, cols));
  plan.validations.push(...validations(check, cols, data));

  const fieldCells = new Map<string, string>();
  for (const f of set.fields) {
    const row = rowOf.get(f.code);
    if (row === undefined) continue;
    const r = refs(row);
    fieldCells.set(
      f.code,
      rounds > 0
        ? `IF(ISNUMBER(${r.round(rounds - 1)}),${r.round(rounds - 1)},N(${r.self}))`
        : `N(${r.self})`
    );
  }
  return {
    plan,
    conflicts,
    cells: {
      sheet,
      fields: fieldCells,
      total: finalTotal,
      bonus,
      penalty,
      index: a1(indexRow, finalCol),
    },
  };
}

/** Leaf score cells holding a number as text: core counts them (with a warning); SUM would not. */
function numbersStoredAsText(
  check: UnitCheck,
  cols: Columns
): { row: number; col: number; text: string; value: number }[] {
  const out: { row: number; col: number; text: string; value: number }[] = [];
  for (const r of check.rows) {
    if (!r.node.isLeaf) continue;
    const cells: [number | undefined, RowCells["self"]][] = [
      [cols.self, r.self],
      ...cols.appraised.map((c, i): [number, RowCells["self"]] => [c, r.appraised[i]]),
    ];
    for (const [col, raw] of cells) {
      const cell = readScoreCell(raw);
      if (col !== undefined && cell.kind === "number" && cell.asText !== undefined)
        out.push({ row: r.row, col, text: cell.asText, value: cell.value });
    }
  }
  return out;
}

function conditionalFormats(
  set: IndexedSet,
  check: UnitCheck,
  cols: Columns
): ConditionalFormatWrite[] {
  const out: ConditionalFormatWrite[] = [];
  const sheet = check.unit.sheet;
  const leafRows = check.rows.filter((r) => r.node.isLeaf);
  const rounds = cols.appraised.length;

  if (cols.evidence !== undefined) {
    const rows = leafRows.filter((r) => r.node.evidence).map((r) => r.row);
    if (rows.length) {
      const r = new RowRefs(cols, rows[0]);
      const given =
        rounds > 0 ? `IF(ISNUMBER(${r.self}),${r.self},N(${r.round(rounds - 1)}))` : `N(${r.self})`;
      out.push({
        sheet,
        key: "cchc:missing-evidence",
        ranges: columnAreas(cols.evidence, rows),
        formula: `AND(LEN(TRIM(${relCol(a1(rows[0], cols.evidence))}))=0,${relCols(given)}>0)`,
        style: { fill: EVIDENCE_FILL },
      });
    }
  }

  // One rule per distinct (threshold, survey, may-be-not-applicable), each over all its rows, across the score columns.
  const groups = new Map<string, number[]>();
  for (const l of leafRows) {
    const key = `${l.node.threshold}|${l.node.source === "survey" ? 1 : 0}|${l.node.mayBeNotApplicable ? 1 : 0}`;
    groups.set(key, [...(groups.get(key) ?? []), l.row]);
  }
  const first = cols.self!;
  const last = rounds > 0 ? cols.appraised[rounds - 1] : first;
  for (const [key, rows] of groups) {
    const [threshold, survey, markable] = key.split("|");
    const r = new RowRefs(cols, rows[0]);
    const fin = relCols(r.finalThrough(rounds - 1, survey === "1", '""', markable === "1"));
    const max = cols.max !== undefined ? relCol(a1(rows[0], cols.max)) : undefined;
    if (!max) continue;
    out.push({
      sheet,
      key: `cchc:below-threshold:${key}`,
      ranges: columnAreas(first, rows).map((a) => widen(a, first, last)),
      formula: `AND(ISNUMBER(${fin}),${fin}<${num(Number(threshold))}*${max})`,
      style: { fill: THRESHOLD_FILL },
    });
  }
  return out;
}

/** In a conditional format, columns stay fixed and rows move: E12 → $E12. */
function relCol(ref: string): string {
  return ref.replace(/^([A-Z]+)(\d+)$/, "$$$1$2");
}

function relCols(expr: string): string {
  return expr.replace(/(?<![$A-Z])([A-Z]{1,3})(\d+)(?![\d(])/g, "$$$1$2");
}

function widen(area: string, first: number, last: number): string {
  if (first === last) return area;
  const [tl, br] = area.includes(":") ? area.split(":") : [area, area];
  const rowA = tl.replace(/^[A-Z]+/, "");
  const rowB = br.replace(/^[A-Z]+/, "");
  return `${a1(Number(rowA), first)}:${a1(Number(rowB), last)}`;
}
