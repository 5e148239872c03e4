import { createRule } from "../createRule";
import { c } from "../messageParts";
import { reportCodeFindings } from "./codeFindings";

/** A code on two rows of one sheet; the second is not read (found when the codes are matched). */
export default createRule<{ firstCell: string }>()({
  id: "duplicate-criterion",
  severity: "error",
  messages: {
    vi: (p, f) => `Tiêu chí ${c(f)} xuất hiện hai lần (đã có ở ô ${p.firstCell})`,
    en: (p, f) => `Criterion ${c(f)} appears twice (first at ${p.firstCell})`,
  },
  check: (facts, report) => reportCodeFindings("duplicate-criterion", facts, report),
});
