import { roundPoints } from "../../criteria/indexed";
import { FLOAT_NOISE } from "../../facts/tolerances";
import { where } from "../../facts/cells";
import { createRule } from "../createRule";
import { c, pct } from "../messageParts";

/** A leaf's final score (the round that counts, else the self-score) under threshold × max. */
export default createRule<{ score: number; max: number; threshold: number; limit: number }>()({
  id: "below-threshold",
  severity: "warning",
  messages: {
    vi: (p, f, n) =>
      `Tiêu chí ${c(f)} đạt ${n(p.score)}/${n(p.max)} điểm, dưới ngưỡng ${pct(p.threshold, "vi")} (${n(p.limit)} điểm)`,
    en: (p, f, n) =>
      `Criterion ${c(f)} scores ${n(p.score)}/${n(p.max)}, below the ${pct(p.threshold, "en")} threshold (${n(p.limit)})`,
  },
  check(facts, report) {
    for (const { row, node, final } of facts.leaves) {
      const limit = roundPoints(node.threshold * node.innerMax);
      if (final.points !== undefined && final.points < limit - FLOAT_NOISE)
        report(where(facts.unit, row.row, final.col, node), {
          score: final.points,
          max: node.innerMax,
          threshold: node.threshold,
          limit,
        });
    }
  },
});
