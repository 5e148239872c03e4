import { where } from "../../facts/cells";
import { createRule } from "../createRule";
import { c } from "../messageParts";

/** The sheet has appraisal columns, a leaf has a self-score, and no round has appraised it yet. */
export default createRule<{ self: number }>()({
  id: "appraisal-missing",
  severity: "info",
  messages: {
    vi: (_p, f) => `Tiêu chí ${c(f)} đã tự chấm nhưng chưa có điểm thẩm định`,
    en: (_p, f) => `Criterion ${c(f)} is self-scored but not yet appraised`,
  },
  check(facts, report) {
    const rounds = facts.unit.layout.columns.appraised;
    if (!facts.hasAppraisalColumn) return;
    for (const { row, node, values } of facts.leaves)
      if (node.source !== "survey" && values.self !== undefined && !values.hasAppraisal)
        report(where(facts.unit, row.row, rounds[rounds.length - 1], node), { self: values.self });
  },
});
