/**
 * What a run that succeeded could not do, for the person to know: keyed, with params, said in Vietnamese
 * (`message`, the default) or English (`messageFor("en")`), like the adapter's errors.
 */
import { Lang } from "../core/i18n/lang";
import { OWNED_SHEET_DEFAULTS, ownedSheets } from "../core/owned/ownedSheets";
import { WorkbookRead, WritePlan } from "../core/port";

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
  /** The run added its summary sheet under a free name: a person's own sheet has the usual one. */
  "owned-sheet-free-name": { sheet: string; taken: string };
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
  "owned-sheet-free-name": (p) =>
    `Sổ tính đã có trang "${p.taken}" của người dùng, nên CCHC không đụng tới trang đó và ghi bảng tổng hợp vào trang mới "${p.sheet}".`,
};

const EN: Messages = {
  "formats-not-updated": (p) =>
    `Excel could not read the conditional formats on ${p.count === 1 ? "sheet" : "sheets"} ${p.sheets} (some rules made by hand), so the CCHC colour rules there were not updated; scores and formulas were written.`,
  "formats-not-reverted": (p) =>
    `Excel could not read the conditional formats on ${p.count === 1 ? "sheet" : "sheets"} ${p.sheets}, so the colour rules there were left as they are; everything else was undone.`,
  "sheets-partly-reverted": (p) =>
    `${p.count === 1 ? "Sheet" : "Sheets"} ${p.sheets} changed after the run, so only the cells still as CCHC wrote them were restored; the data validation, formatting and earlier colour rules there were left as they are.`,
  "owned-sheet-free-name": (p) =>
    `The workbook already has a sheet "${p.taken}" of its own, so CCHC left it alone and wrote the summary to a new sheet "${p.sheet}".`,
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

/**
 * A notice for each visible sheet of the tool's that the plan adds under a free name (a person's sheet has the
 * usual one, compared as Excel does); none where the sheet of that role exists already or has its usual name.
 */
export function freeNameNotices(
  plan: Pick<WritePlan, "sheets">,
  read: WorkbookRead
): ExcelNotice[] {
  const existing = ownedSheets(read);
  return plan.sheets
    .filter(
      (s) =>
        s.role !== undefined &&
        (s.visibility ?? "visible") === "visible" &&
        !existing.has(s.role) &&
        s.name !== OWNED_SHEET_DEFAULTS[s.role]
    )
    .map(
      (s) =>
        new ExcelNotice("owned-sheet-free-name", {
          sheet: s.name,
          taken: OWNED_SHEET_DEFAULTS[s.role!],
        })
    );
}
