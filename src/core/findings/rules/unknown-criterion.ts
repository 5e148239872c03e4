import { where } from "../../facts/cells";
import { createRule } from "../createRule";
import { reportCodeFindings } from "./codeFindings";

/** A code row whose code is not in the set, and a stray row below the criteria that looks like one. */
export default createRule<{ code: string }>()({
  id: "unknown-criterion",
  severity: "error",
  messages: {
    vi: (p) => `Mã "${p.code}" không có trong bộ tiêu chí`,
    en: (p) => `Code "${p.code}" is not in the criteria set`,
  },
  check(facts, report) {
    reportCodeFindings("unknown-criterion", facts, report);
    const { unit } = facts;
    for (const s of unit.strayRows)
      report(where(unit, s.row, unit.layout.columns.code), { code: s.text });
  },
});
