import { where } from "../../facts/cells";
import { cellText } from "../../text/normalize";
import { createRule } from "../createRule";
import { c } from "../messageParts";

/** A leaf that requires evidence, scored above 0 (self-score, else appraised), with an empty evidence cell. */
export default createRule<{ score: number }>()({
  id: "missing-evidence",
  severity: "error",
  messages: {
    vi: (p, f, n) => `Tiêu chí ${c(f)} có điểm ${n(p.score)} nhưng chưa có tài liệu kiểm chứng`,
    en: (p, f, n) => `Criterion ${c(f)} scores ${n(p.score)} but has no evidence document`,
  },
  check(facts, report) {
    const evidenceCol = facts.unit.layout.columns.evidence;
    if (evidenceCol === undefined) return;
    for (const { row, node, values } of facts.leaves) {
      const given = values.self ?? values.appraised;
      if (node.evidence && given !== undefined && given > 0 && cellText(row.evidence) === "")
        report(where(facts.unit, row.row, evidenceCol, node), { score: given });
    }
  },
});
