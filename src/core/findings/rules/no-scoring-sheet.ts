import { createRule } from "../createRule";

/** Decided on a whole file (check/checkWorkbook.ts): no sheet is a scoring sheet, nor looks like one. */
export default createRule<Record<string, never>>()({
  id: "no-scoring-sheet",
  severity: "error",
  messages: {
    vi: () =>
      `Không tìm thấy trang tính chấm điểm nào (cần dòng tiêu đề có cột STT, Điểm tối đa, Điểm tự chấm trong 15 dòng đầu)`,
    en: () =>
      `No scoring sheet found (a header row with code, maximum and self-score columns in the first 15 rows)`,
  },
});
