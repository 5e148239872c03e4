import { createRule } from "../createRule";
import { c } from "../messageParts";
import { reportCodeFindings } from "./codeFindings";

/** A node of the set with no row on the sheet (found when the codes are matched: facts.codeFindings). */
export default createRule<{ name: string }>()({
  id: "missing-criterion",
  severity: "error",
  messages: {
    vi: (p, f) => `Thiếu tiêu chí ${c(f)} (${p.name}) trên trang tính`,
    en: (p, f) => `Criterion ${c(f)} (${p.name}) has no row on the sheet`,
  },
  check: (facts, report) => reportCodeFindings("missing-criterion", facts, report),
});
