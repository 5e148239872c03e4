import { FLOAT_NOISE } from "../../facts/tolerances";
import { enteredCells, where } from "../../facts/cells";
import { isAllowed, rangeStep } from "../../criteria/allowedScores";
import { createRule } from "../createRule";
import { c, cap, colEn, colVi, list } from "../messageParts";
import { ScoreColumn } from "../types";

/** A leaf's score within 0 and its max that its rule cannot give (binary 0.5, a missing tier, an off step). */
export default createRule<{
  score: number;
  column: ScoreColumn;
  allowed?: number[];
  step?: number;
}>()({
  id: "score-not-allowed",
  severity: "error",
  messages: {
    vi: (p, f, n) =>
      `${cap(colVi(p))} ${n(p.score)} của tiêu chí ${c(f)} không phải mức điểm hợp lệ` +
      (p.allowed
        ? ` (các mức được phép: ${list(p.allowed, n)})`
        : p.step
          ? ` (bước ${n(p.step)})`
          : ""),
    en: (p, f, n) =>
      `${cap(colEn(p))} ${n(p.score)} is not a score criterion ${c(f)} can give` +
      (p.allowed ? ` (allowed: ${list(p.allowed, n)})` : p.step ? ` (steps of ${n(p.step)})` : ""),
  },
  check(facts, report) {
    for (const { row, leaf, col, column, cell } of enteredCells(facts)) {
      if (!leaf || cell.kind !== "number") continue;
      const node = leaf.node;
      const inRange = cell.value >= 0 && cell.value <= node.innerMax + FLOAT_NOISE;
      if (inRange && !isAllowed(node, cell.value)) {
        const allowed = node.allowed;
        report(where(facts.unit, row.row, col, node), {
          score: cell.value,
          column,
          ...(allowed ? { allowed } : { step: rangeStep(node.rule) }),
        });
      }
    }
  },
});
