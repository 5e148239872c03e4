import { FLOAT_NOISE } from "../../facts/tolerances";
import { adjustmentPoints, enteredCells, where } from "../../facts/cells";
import { createRule } from "../createRule";
import { c, cap, colEn, colVi } from "../messageParts";
import { ScoreColumn } from "../types";

/** A leaf's score below 0 or above its max; a bonus below 0, or a bonus or penalty above its max. */
export default createRule<{ score: number; max: number; column: ScoreColumn }>()({
  id: "score-out-of-range",
  severity: "error",
  messages: {
    vi: (p, f, n) =>
      `${cap(colVi(p))} ${n(p.score)} của ${f.criterion ? "tiêu chí " + c(f) : "dòng này"} nằm ngoài khoảng 0–${n(p.max)}`,
    en: (p, f, n) =>
      `${cap(colEn(p))} ${n(p.score)} of ${f.criterion ? "criterion " + c(f) : "this row"} is outside 0–${n(p.max)}`,
  },
  check(facts, report) {
    for (const { row, leaf, adjustment, col, column, cell } of enteredCells(facts)) {
      if (cell.kind !== "number") continue;
      if (leaf) {
        const max = leaf.node.innerMax;
        if (cell.value < 0 || cell.value > max + FLOAT_NOISE)
          report(where(facts.unit, row.row, col, leaf.node), { score: cell.value, max, column });
      } else if (adjustment) {
        const { kind, max, code } = adjustment.row.adjustment;
        const points = adjustmentPoints(adjustment.row, cell.value);
        if (points > max + FLOAT_NOISE || (kind === "bonus" && points < 0))
          report(
            { ...where(facts.unit, row.row, col), criterion: code },
            { score: cell.value, max, column }
          );
      }
    }
  },
});
