import { createRule } from "../createRule";

/** Decided on a whole sheet, from its merges (check/checkWorkbook.ts): only a merge's first cell is read. */
export default createRule<{ range: string }>()({
  id: "merged-score-cells",
  severity: "warning",
  messages: {
    vi: (p) => `Vùng ${p.range} gộp ô qua cột điểm; chỉ ô đầu tiên được đọc`,
    en: (p) => `Cells ${p.range} are merged across a score column; only the first is read`,
  },
});
