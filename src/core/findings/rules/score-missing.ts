import { where } from "../../facts/cells";
import { createRule } from "../createRule";
import { c } from "../messageParts";

/** An applicable leaf with no self-score; survey leaves and leaves the appraisers marked not applicable are not. */
export default createRule<{ column: "self" }>()({
  id: "score-missing",
  severity: "warning",
  messages: {
    vi: (_p, f) => `Tiêu chí ${c(f)} chưa có điểm tự chấm`,
    en: (_p, f) => `Criterion ${c(f)} has no self-score`,
  },
  check(facts, report) {
    for (const { row, node, self, values } of facts.leaves)
      if (
        node.source !== "survey" &&
        self.cell.kind === "empty" &&
        !(values.hasAppraisal && values.appraisedNA)
      )
        report(where(facts.unit, row.row, self.col, node), { column: "self" });
  },
});
