import { TYPED_FIGURE } from "../../facts/tolerances";
import { where } from "../../facts/cells";
import { pointsForRatio } from "../../criteria/allowedScores";
import { cellText } from "../../text/normalize";
import { nearlyEqual, parseRatio } from "../../text/numbers";
import { createRule } from "../createRule";
import { c, pct } from "../messageParts";

/** The ratio typed for a tiers leaf earns other points than its self-score. */
export default createRule<{ ratio: number; score: number; expected: number }>()({
  id: "score-ratio-mismatch",
  severity: "error",
  messages: {
    vi: (p, f, n) =>
      `Tiêu chí ${c(f)}: kết quả ${pct(p.ratio, "vi")} ứng với ${n(p.expected)} điểm, nhưng điểm tự chấm là ${n(p.score)}`,
    en: (p, f, n) =>
      `Criterion ${c(f)}: a result of ${pct(p.ratio, "en")} gives ${n(p.expected)} points, but the self-score is ${n(p.score)}`,
  },
  check(facts, report) {
    const ratioCol = facts.unit.layout.columns.ratio;
    for (const { row, node, self, values } of facts.leaves) {
      const score = values.self;
      if (score === undefined || ratioCol === undefined || cellText(row.ratio) === "") continue;
      const ratio = parseRatio(row.ratio);
      const expected = ratio !== undefined ? pointsForRatio(node, ratio) : undefined;
      if (
        ratio !== undefined &&
        expected !== undefined &&
        !nearlyEqual(expected, score, TYPED_FIGURE)
      )
        report(where(facts.unit, row.row, self.col, node), { ratio, score, expected });
    }
  },
});
