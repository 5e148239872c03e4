/**
 * What a run that succeeded could not do, for the person to know: keyed, with params, said in Vietnamese
 * (`message`, the default) or English (`messageFor("en")`), like the adapter's errors.
 */
import { Lang } from "../core/i18n/lang";

export interface ExcelNoticeParams {
  /** A score run left the conditional formats of these sheets as they were (they could not be read). */
  "formats-not-updated": { sheets: string; count: number };
  /** An undo left the conditional formats of these sheets as they were (they could not be read). */
  "formats-not-reverted": { sheets: string; count: number };
  /**
   * An undo asked to restore what is safe put back only the unchanged cells of these sheets; their validations,
   * styles and replaced rules (kept by position) were left as they are.
   */
  "sheets-partly-reverted": { sheets: string; count: number };
}

export type ExcelNoticeCode = keyof ExcelNoticeParams;

type Messages = { [C in ExcelNoticeCode]: (p: ExcelNoticeParams[C]) => string };

const VI: Messages = {
  "formats-not-updated": (p) =>
    `Excel không đọc được định dạng có điều kiện trên ${p.count === 1 ? "trang" : "các trang"} ${p.sheets} (một số quy tắc người dùng tạo), nên quy tắc tô màu của CCHC ở đó chưa được cập nhật; điểm và công thức vẫn đã ghi.`,
  "formats-not-reverted": (p) =>
    `Excel không đọc được định dạng có điều kiện trên ${p.count === 1 ? "trang" : "các trang"} ${p.sheets}, nên quy tắc tô màu ở đó giữ nguyên; mọi thứ khác đã được hoàn tác.`,
  "sheets-partly-reverted": (p) =>
    `Trên ${p.count === 1 ? "trang" : "các trang"} ${p.sheets} đã có thay đổi sau lần chạy, nên chỉ các ô còn đúng như CCHC đã ghi được khôi phục; kiểm tra dữ liệu (validation), định dạng và quy tắc tô màu cũ ở đó được giữ nguyên.`,
};

const EN: Messages = {
  "formats-not-updated": (p) =>
    `Excel could not read the conditional formats on ${p.count === 1 ? "sheet" : "sheets"} ${p.sheets} (some rules made by hand), so the CCHC colour rules there were not updated; scores and formulas were written.`,
  "formats-not-reverted": (p) =>
    `Excel could not read the conditional formats on ${p.count === 1 ? "sheet" : "sheets"} ${p.sheets}, so the colour rules there were left as they are; everything else was undone.`,
  "sheets-partly-reverted": (p) =>
    `${p.count === 1 ? "Sheet" : "Sheets"} ${p.sheets} changed after the run, so only the cells still as CCHC wrote them were restored; the data validation, formatting and earlier colour rules there were left as they are.`,
};

export class ExcelNotice<C extends ExcelNoticeCode = ExcelNoticeCode> {
  readonly message: string;

  constructor(
    readonly code: C,
    readonly params: ExcelNoticeParams[C]
  ) {
    this.message = this.messageFor("vi");
  }

  messageFor(lang: Lang): string {
    return (lang === "en" ? EN : VI)[this.code](this.params);
  }
}

/** The notice that the conditional formats of `sheets` were left alone, or none. */
export function formatsLeftAlone(
  code: "formats-not-updated" | "formats-not-reverted",
  sheets: string[]
): ExcelNotice[] {
  return sheets.length
    ? [
        new ExcelNotice(code, {
          sheets: sheets.map((s) => `"${s}"`).join(", "),
          count: sheets.length,
        }),
      ]
    : [];
}

/** The notice that only the unchanged cells of `sheets` were put back, or none. */
export function sheetsLeftAlone(sheets: string[]): ExcelNotice[] {
  const unique = [...new Set(sheets)];
  return unique.length
    ? [
        new ExcelNotice("sheets-partly-reverted", {
          sheets: unique.map((s) => `"${s}"`).join(", "),
          count: unique.length,
        }),
      ]
    : [];
}
