import { createRule } from "../createRule";
import { reportCodeFindings } from "./codeFindings";

/** A code stored as a number that could be two codes (1.10 typed, 1.1 stored); found when the codes are matched. */
export default createRule<{ value: number; candidates: string[]; chosen: string }>()({
  id: "ambiguous-code",
  severity: "warning",
  messages: {
    vi: (p) =>
      `Mã ${p.value} lưu dạng số có thể là ${p.candidates.join(" hoặc ")}; đã hiểu là ${p.chosen} — hãy nhập mã dạng văn bản`,
    en: (p) =>
      `Code ${p.value} stored as a number could be ${p.candidates.join(" or ")}; read as ${p.chosen} — type codes as text`,
  },
  check: (facts, report) => reportCodeFindings("ambiguous-code", facts, report),
});
