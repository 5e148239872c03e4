import { TYPED_FIGURE } from "../../facts/tolerances";
import { where } from "../../facts/cells";
import { nearlyEqual } from "../../text/numbers";
import { createRule } from "../createRule";
import { c } from "../messageParts";

export default createRule<{ sheetMax: number; setMax: number }>()({
  id: "max-mismatch",
  severity: "error",
  messages: {
    vi: (p, f, n) =>
      `Điểm tối đa của tiêu chí ${c(f)} trên trang tính là ${n(p.sheetMax)}, bộ tiêu chí quy định ${n(p.setMax)}`,
    en: (p, f, n) =>
      `The sheet gives criterion ${c(f)} a maximum of ${n(p.sheetMax)}; the criteria set says ${n(p.setMax)}`,
  },
  check(facts, report) {
    for (const { row, col, cell } of facts.maxCells) {
      if (cell.kind !== "number") continue;
      const { max, innerMax } = row.node; // a weighted parent may show its weight or its children's sum
      if (
        !nearlyEqual(cell.value, max, TYPED_FIGURE) &&
        !nearlyEqual(cell.value, innerMax, TYPED_FIGURE)
      )
        report(where(facts.unit, row.row, col, row.node), { sheetMax: cell.value, setMax: max });
    }
  },
});
