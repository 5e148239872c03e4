import { where } from "../../facts/cells";
import { createRule } from "../createRule";
import { c } from "../messageParts";

/** A self-score on a survey leaf: survey points come from the survey, so it is not counted. */
export default createRule<{ score: number }>()({
  id: "survey-self-scored",
  severity: "warning",
  messages: {
    vi: (p, f, n) =>
      `Tiêu chí ${c(f)} là điểm điều tra xã hội học, đơn vị không tự chấm (đã nhập ${n(p.score)}); điểm này không được tính`,
    en: (p, f, n) =>
      `Criterion ${c(f)} is survey points, not self-scored (${n(p.score)} entered); it is not counted`,
  },
  check(facts, report) {
    for (const { row, node, self } of facts.leaves)
      if (node.source === "survey" && self.cell.kind === "number")
        report(where(facts.unit, row.row, self.col, node), { score: self.cell.value });
  },
});
