import { IndexedNode, roundPoints } from "../../criteria/indexed";
import { ROUNDED_SUBTOTAL } from "../../facts/tolerances";
import { where } from "../../facts/cells";
import { ScoreColumnFacts, UnitFacts } from "../../facts/types";
import { CellValue } from "../../port";
import { readScoreCell } from "../../facts/scoreCell";
import { inParentTerms } from "../../facts/sumOfParts";
import { RowCells } from "../../sheet/unitSheet";
import { nearlyEqual, parseNumberText } from "../../text/numbers";
import { createRule } from "../createRule";
import { c, colEn, colVi } from "../messageParts";
import { ScoreColumn } from "../types";

/**
 * Two readings of a sum of parts: the plain column sum, and the running "final" one (in an appraisal column a leaf
 * not yet appraised counts with its self-score). A person may have written either; both are accepted.
 */
interface Readings {
  plain: number;
  final: number;
}

/** A parent row's number (or the total row's) differs from the sum of its parts in the same score column. */
export default createRule<{ value: number; expected: number; column: ScoreColumn }>()({
  id: "subtotal-mismatch",
  severity: "error",
  messages: {
    vi: (p, f, n) =>
      `${f.criterion ? "Điểm tiêu chí " + c(f) : "Tổng điểm"} (${colVi(p)}) là ${n(p.value)} nhưng tổng các mục con là ${n(p.expected)}`,
    en: (p, f, n) =>
      `${f.criterion ? "Criterion " + c(f) : "The total"} (${colEn(p)}) is ${n(p.value)} but its parts add up to ${n(p.expected)}`,
  },
  check(facts, report) {
    const sums = new Map<ScoreColumnFacts, (node: IndexedNode) => Readings>();
    for (const { row, node, col, column, cell } of facts.subtotals) {
      if (cell.kind !== "number") continue;
      if (!sums.has(column)) sums.set(column, partsSum(facts, column));
      const sumOf = sums.get(column)!;
      const s = node ? sumOf(node) : totalOf(facts, column, sumOf);
      const accepted = node
        ? [s.plain, s.final]
        : [s.plain, s.final, ...adjusted(facts, column, s)];
      if (!accepted.some((x) => nearlyEqual(cell.value, x, ROUNDED_SUBTOTAL)))
        report(where(facts.unit, row.row, col, node), {
          value: cell.value,
          expected: roundPoints(column.round >= 0 ? s.final : s.plain),
          column: node ? column.column : "total",
        });
    }
  },
});

/** Each node's sum of parts in one score column; a parent row's own number stands for its part of a sum. */
function partsSum(facts: UnitFacts, column: ScoreColumnFacts): (node: IndexedNode) => Readings {
  const rowOf = new Map(facts.rows.map((r) => [r.node.code, r]));
  const memo = new Map<string, Readings>();
  const sumOf = (node: IndexedNode): Readings => {
    const hit = memo.get(node.code);
    if (hit) return hit;
    const r = rowOf.get(node.code);
    let out: Readings;
    if (node.isLeaf) {
      const own = r ? numberIn(column.pick(r)) : undefined;
      const fin = column.round >= 0 && r ? finalThrough(r, column.round, node) : own;
      out = { plain: own ?? 0, final: fin ?? 0 };
    } else {
      const parts = node.children.map((ch) => {
        const cr = rowOf.get(ch.code);
        const shown = cr && !ch.isLeaf ? numberIn(column.pick(cr)) : undefined;
        return shown !== undefined ? { plain: shown, final: shown } : sumOf(ch);
      });
      const plain = parts.reduce((a, p) => a + p.plain, 0);
      const fin = parts.reduce((a, p) => a + p.final, 0);
      // The nominal max: a subtotal on the sheet is read against the parent's full max.
      out = {
        plain: inParentTerms(node, plain, node.innerMax),
        final: inParentTerms(node, fin, node.innerMax),
      };
    }
    memo.set(node.code, out);
    return out;
  };
  return sumOf;
}

/** The fields' sum; a field row's own number stands for the field. */
function totalOf(
  facts: UnitFacts,
  column: ScoreColumnFacts,
  sumOf: (node: IndexedNode) => Readings
): Readings {
  const rowOf = new Map(facts.rows.map((r) => [r.node.code, r]));
  const parts = facts.set.fields.map((f) => {
    const r = rowOf.get(f.code);
    const shown = r ? numberIn(column.pick(r)) : undefined;
    return shown !== undefined ? { plain: shown, final: shown } : sumOf(f);
  });
  return {
    plain: parts.reduce((a, p) => a + p.plain, 0),
    final: parts.reduce((a, p) => a + p.final, 0),
  };
}

/** The total may include the bonus and penalty typed in the same column. */
function adjusted(facts: UnitFacts, column: ScoreColumnFacts, s: Readings): number[] {
  let adj = 0;
  for (const a of facts.unit.adjustmentRows) {
    const n = numberIn(column.pick(a));
    if (n !== undefined) adj += a.adjustment.kind === "bonus" ? n : -Math.abs(n);
  }
  return [s.plain + adj, s.final + adj];
}

/** A leaf's score through appraisal round k, as the written formulas read it: the last round with a number (a
 * not-applicable mark there gives 0), else the self-score; survey leaves have no self-score. */
function finalThrough(r: RowCells, round: number, node: IndexedNode): number | undefined {
  for (let k = round; k >= 0; k--) {
    const cell = readScoreCell(r.appraised[k]);
    if (cell.kind === "number") return cell.value;
    if (cell.kind === "na" && node.mayBeNotApplicable) return 0;
  }
  return node.source === "survey" ? undefined : numberIn(r.self);
}

function numberIn(v: CellValue): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "string") return parseNumberText(v);
  return undefined;
}
