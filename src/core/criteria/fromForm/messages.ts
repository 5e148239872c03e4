import { Lang } from "../../i18n/lang";
import { formatNumber } from "../../text/numbers";
import { DraftNote, DraftNoteCode } from "./draft";

type P = Record<string, any>;
type Show = (x: unknown) => string;

const VI: Record<DraftNoteCode, (p: P, s: Show) => string> = {
  "parent-max-mismatch": (p, s) =>
    `Điểm tối đa của ${p.code} trên biểu mẫu là ${s(p.max)} (ô ${p.cell}) nhưng tổng điểm tối đa các tiêu chí con là ${s(p.sum)} (ô ${p.childCells}); bản nháp dùng ${s(p.sum)}`,
  "total-mismatch": (p, s) =>
    `Tổng điểm tối đa trên biểu mẫu là ${s(p.max)} (ô ${p.cell}) nhưng tổng các lĩnh vực là ${s(p.sum)} (ô ${p.fieldCells})`,
  "duplicate-row": (p) =>
    `Mã ${p.code} ở ô ${p.cell} trùng với hàng ở ô ${p.firstCell}; hàng sau không được đưa vào bản nháp`,
  "item-without-parent": (p) =>
    `Mục "${p.text}" ở ô ${p.cell} không nằm dưới tiêu chí nào; không được đưa vào bản nháp`,
  "item-as-text": (p) =>
    `Mục "${p.text}" ở ô ${p.cell} không có điểm tối đa: được coi là lời mô tả của ${p.parent}, không phải tiêu chí con`,
  "leaf-no-max": (p, s) =>
    `Tiêu chí ${p.code} (ô ${p.cell}) không có điểm tối đa trên biểu mẫu; bản nháp tạm ghi ${s(p.max)} — cần xác nhận`,
};

const EN: Record<DraftNoteCode, (p: P, s: Show) => string> = {
  "parent-max-mismatch": (p, s) =>
    `The form gives ${p.code} a maximum of ${s(p.max)} (cell ${p.cell}) but its children's maxima add up to ${s(p.sum)} (cells ${p.childCells}); the draft uses ${s(p.sum)}`,
  "total-mismatch": (p, s) =>
    `The form's total maximum is ${s(p.max)} (cell ${p.cell}) but its fields add up to ${s(p.sum)} (cells ${p.fieldCells})`,
  "duplicate-row": (p) =>
    `Code ${p.code} in cell ${p.cell} repeats the row at ${p.firstCell}; the later row is left out of the draft`,
  "item-without-parent": (p) =>
    `Item "${p.text}" in cell ${p.cell} is under no criterion; it is left out of the draft`,
  "item-as-text": (p) =>
    `Item "${p.text}" in cell ${p.cell} has no maximum: read as a description of ${p.parent}, not as a criterion`,
  "leaf-no-max": (p, s) =>
    `Criterion ${p.code} (cell ${p.cell}) has no maximum on the form; the draft puts ${s(p.max)} — to confirm`,
};

/** One note as a line: "Sheet: message". */
export function draftNoteMessage(note: DraftNote, lang: Lang): string {
  const show: Show = (x) => (typeof x === "number" ? formatNumber(x, lang) : String(x));
  return (lang === "en" ? EN : VI)[note.code](note.params, show);
}
