import { createRule } from "../createRule";

const ROLE_VI: Record<string, string> = {
  code: "STT/Mã",
  max: "Điểm tối đa",
  self: "Điểm tự chấm",
};
const ROLE_EN: Record<string, string> = {
  code: "code (STT)",
  max: "maximum (Điểm tối đa)",
  self: "self-score (Điểm tự chấm)",
};

/** Decided on a whole sheet, from its header (check/checkWorkbook.ts). */
export default createRule<{ missing: string[]; headerRow: number }>()({
  id: "header-not-found",
  severity: "error",
  messages: {
    vi: (p) =>
      `Trang tính giống bảng chấm điểm nhưng thiếu cột ${p.missing.map((k) => ROLE_VI[k]).join(", ")} (dòng tiêu đề ${p.headerRow})`,
    en: (p) =>
      `Sheet looks like a scoring sheet but lacks the ${p.missing.map((k) => ROLE_EN[k]).join(", ")} column (header row ${p.headerRow})`,
  },
});
