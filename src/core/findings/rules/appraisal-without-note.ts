import { FLOAT_NOISE } from "../../facts/tolerances";
import { where } from "../../facts/cells";
import { cellText } from "../../text/normalize";
import { nearlyEqual } from "../../text/numbers";
import { createRule } from "../createRule";
import { c } from "../messageParts";

/** The appraised score that counts differs from the self-score and no note cell says why. */
export default createRule<{ self: number; appraised: number }>()({
  id: "appraisal-without-note",
  severity: "warning",
  messages: {
    vi: (p, f, n) =>
      `Điểm thẩm định ${n(p.appraised)} của tiêu chí ${c(f)} khác điểm tự chấm ${n(p.self)} nhưng chưa ghi lý do`,
    en: (p, f, n) =>
      `Appraised score ${n(p.appraised)} of criterion ${c(f)} differs from the self-score ${n(p.self)} with no note why`,
  },
  check(facts, report) {
    if (!facts.hasAppraisalColumn) return;
    for (const { row, node, values, final } of facts.leaves) {
      const { self, appraised } = values;
      if (node.source === "survey" || self === undefined || appraised === undefined) continue;
      if (!nearlyEqual(appraised, self, FLOAT_NOISE) && !row.notes.some((x) => cellText(x) !== ""))
        report(where(facts.unit, row.row, final.col, node), { self, appraised });
    }
  },
});
