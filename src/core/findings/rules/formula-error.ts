import { enteredCells, where } from "../../facts/cells";
import { createRule } from "../createRule";
import { c, colEn, colVi } from "../messageParts";
import { ScoreColumn } from "../types";

/** Any cell the check reads showing a formula error: a max, a leaf's or adjustment's score, a subtotal, the total. */
export default createRule<{ error: string; column: ScoreColumn }>()({
  id: "formula-error",
  severity: "error",
  messages: {
    vi: (p, f) =>
      `Ô ${colVi(p)}${f.criterion ? " của tiêu chí " + c(f) : ""} có lỗi công thức ${p.error}`,
    en: (p, f) =>
      `The ${colEn(p)} cell${f.criterion ? " of criterion " + c(f) : ""} shows the formula error ${p.error}`,
  },
  check(facts, report) {
    const { unit } = facts;
    for (const { row, col, cell } of facts.maxCells)
      if (cell.kind === "error")
        report(where(unit, row.row, col, row.node), { error: cell.error, column: "max" });
    for (const { row, leaf, col, column, cell } of enteredCells(facts))
      if (cell.kind === "error")
        report(where(unit, row.row, col, leaf?.node), { error: cell.error, column });
    for (const { row, node, col, column, cell } of facts.subtotals)
      if (cell.kind === "error")
        report(where(unit, row.row, col, node), {
          error: cell.error,
          column: node ? column.column : "total",
        });
  },
});
