import { where } from "../../facts/cells";
import { createRule } from "../createRule";

/** The sheet's "Nhóm đơn vị" names no group of the set: the unit is scored on every criterion. */
export default createRule<{ group: string; groups: string[] }>()({
  id: "unit-group-unknown",
  severity: "warning",
  messages: {
    vi: (p) =>
      `Nhóm đơn vị "${p.group}" không có trong bộ tiêu chí (${
        p.groups.length
          ? `các nhóm: ${p.groups.map((g) => `"${g}"`).join(", ")}`
          : "bộ tiêu chí không khai nhóm nào"
      }); đơn vị được chấm trên mọi tiêu chí`,
    en: (p) =>
      `Unit group "${p.group}" is not in the criteria set (${
        p.groups.length
          ? `its groups: ${p.groups.map((g) => `"${g}"`).join(", ")}`
          : "the set declares no groups"
      }); the unit is scored on every criterion`,
  },
  check(facts, report) {
    const cell = facts.unit.groupCell;
    if (!cell?.text || facts.group) return;
    report(where(facts.unit, cell.row, cell.col), {
      group: cell.text,
      groups: (facts.set.set.unitGroups ?? []).map((g) => g.name),
    });
  },
});
