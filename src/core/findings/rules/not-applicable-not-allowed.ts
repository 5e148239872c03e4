import { enteredCells, where } from "../../facts/cells";
import { createRule } from "../createRule";
import { c } from "../messageParts";
import { ScoreColumn } from "../types";

/** A leaf's score cell marked not applicable ("KĐG") where the set does not allow it; the mark then counts as 0. */
export default createRule<{ text: string; column: ScoreColumn }>()({
  id: "not-applicable-not-allowed",
  severity: "error",
  messages: {
    vi: (p, f) =>
      `Tiêu chí ${c(f)} được đánh dấu "${p.text}" (không đánh giá) nhưng bộ tiêu chí không cho phép`,
    en: (p, f) =>
      `Criterion ${c(f)} is marked "${p.text}" (not applicable), which the criteria set does not allow`,
  },
  check(facts, report) {
    for (const { row, leaf, col, column, cell } of enteredCells(facts))
      if (leaf && cell.kind === "na" && !leaf.node.mayBeNotApplicable)
        report(where(facts.unit, row.row, col, leaf.node), { text: cell.text, column });
  },
});
