import { where } from "../../facts/cells";
import { createRule } from "../createRule";
import { c } from "../messageParts";

/** A score typed for a criterion the unit's group is not assessed on: not counted. */
export default createRule<{ group: string }>()({
  id: "not-assessed-scored",
  severity: "warning",
  messages: {
    vi: (p, f) =>
      `Tiêu chí ${c(f)} không đánh giá với nhóm đơn vị "${p.group}": điểm ở ô này không được tính`,
    en: (p, f) =>
      `Criterion ${c(f)} is not assessed for unit group "${p.group}": the score in this cell does not count`,
  },
  check(facts, report) {
    const group = facts.group;
    if (!group) return;
    for (const leaf of facts.notAssessed)
      for (const read of [{ ...leaf.self, column: "self" }, ...leaf.rounds])
        if (read.cell.kind === "number" && read.col !== undefined)
          report(where(facts.unit, leaf.row.row, read.col, leaf.node), { group: group.name });
  },
});
