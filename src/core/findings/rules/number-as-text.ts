import { enteredCells, where } from "../../facts/cells";
import { createRule } from "../createRule";
import { c, colEn, colVi } from "../messageParts";
import { ScoreColumn } from "../types";

/** A score typed as text that reads as a number ("1,5"): the number counts, and the cell is reported. */
export default createRule<{ text: string; value: number; column: ScoreColumn }>()({
  id: "number-as-text",
  severity: "warning",
  messages: {
    vi: (p, f, n) =>
      `Ô ${colVi(p)} của tiêu chí ${c(f)} là số lưu dạng văn bản ("${p.text}"); đã dùng giá trị ${n(p.value)}`,
    en: (p, f, n) =>
      `The ${colEn(p)} of criterion ${c(f)} is a number stored as text ("${p.text}"); ${n(p.value)} was used`,
  },
  check(facts, report) {
    for (const { row, leaf, col, column, cell } of enteredCells(facts))
      if (cell.kind === "number" && cell.asText !== undefined)
        report(where(facts.unit, row.row, col, leaf?.node), {
          text: cell.asText,
          value: cell.value,
          column,
        });
  },
});
