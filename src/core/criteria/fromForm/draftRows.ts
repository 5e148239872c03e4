import { criteriaToRows } from "../sheetForm";
import { ConfirmReason, Draft, ToConfirm } from "./draft";

/** The header of the column the sheet form of a draft adds: the sheet reader ignores it. */
export const TO_CONFIRM_HEADER = "Cần xác nhận";

const KEY_TEXT: Record<string, string> = {
  rule: "cách chấm",
  evidence: "tài liệu kiểm chứng",
  mayBeNotApplicable: "được không đánh giá",
  source: "nguồn điểm",
  max: "điểm tối đa",
  name: "tên",
  id: "mã bộ",
  title: "tên bộ",
  year: "năm",
  rounding: "làm tròn",
  threshold: "ngưỡng",
  bands: "xếp loại",
};

const REASON_TEXT: Record<ConfirmReason, string> = {
  default: "giá trị mặc định",
  "from-name": "đoán từ tên",
  "from-title": "lấy từ tiêu đề",
  "no-max": "biểu mẫu không ghi",
  "no-name": "biểu mẫu không ghi",
};

/**
 * The sheet form of a draft: the set's rows (criteriaToRows) and one more column, "Cần xác nhận", saying on each
 * node's and adjustment's row what to review and why; what concerns the set itself is on its first row.
 */
export function draftToRows(draft: Draft): (string | number | boolean | null)[][] {
  const rows = criteriaToRows(draft.set);
  const width = Math.max(...rows.map((r) => r.length));
  const blank = rows.findIndex((r) => r.every((v) => v === null || v === ""));
  const header = blank + 1;
  const byCode = new Map<string, ToConfirm[]>();
  const ofSet: ToConfirm[] = [];
  for (const t of draft.toConfirm)
    if (t.code === undefined) ofSet.push(t);
    else byCode.set(t.code, [...(byCode.get(t.code) ?? []), t]);
  return rows.map((r, i) => {
    const items =
      i === 0 ? ofSet : i > header && typeof r[0] === "string" ? byCode.get(r[0]) : undefined;
    const text = i === header ? TO_CONFIRM_HEADER : items ? describe(items) : null;
    return [...r, ...Array<null>(width - r.length).fill(null), text];
  });
}

function describe(items: ToConfirm[]): string {
  return items
    .map((t) => `${t.keys.map((k) => KEY_TEXT[k] ?? k).join(", ")} (${REASON_TEXT[t.reason]})`)
    .join("; ");
}
