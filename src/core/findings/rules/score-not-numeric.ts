import { enteredCells, where } from "../../facts/cells";
import { createRule } from "../createRule";
import { c, colEn, colVi } from "../messageParts";
import { ScoreColumn } from "../types";

/** A score cell (a leaf's or an adjustment row's) holding text, a date or TRUE/FALSE. */
export default createRule<{
  value: string;
  what: "text" | "date" | "boolean";
  column: ScoreColumn;
}>()({
  id: "score-not-numeric",
  severity: "error",
  messages: {
    vi: (p, f) =>
      `Ô ${colVi(p)} của tiêu chí ${c(f)} chứa ${p.what === "date" ? "ngày tháng" : p.what === "boolean" ? "giá trị đúng/sai" : "văn bản"} "${p.value}", không phải số điểm`,
    en: (p, f) =>
      `The ${colEn(p)} of criterion ${c(f)} holds ${p.what === "date" ? "a date" : p.what === "boolean" ? "a TRUE/FALSE value" : "text"} "${p.value}", not a score`,
  },
  check(facts, report) {
    for (const { row, leaf, col, column, cell } of enteredCells(facts))
      if (cell.kind === "invalid")
        report(where(facts.unit, row.row, col, leaf?.node), {
          value: cell.text,
          what: cell.what,
          column,
        });
  },
});
