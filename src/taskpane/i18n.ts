/**
 * The pane's language and its message table. Vietnamese unless Office's display language (in Excel) or the
 * browser's language (in the browser-only mode) is English. Every string the pane shows comes from here;
 * "{name}" placeholders are filled by t(key, { name }). Workbook text is never put in a message template:
 * it is passed as a parameter and rendered by React as text.
 */
import type { HostMode } from "./host";
import { environmentEn, environmentVi } from "./i18nEnvironment";
import { jobsEn, jobsVi } from "./i18nJobs";
import { seasonEn, seasonVi } from "./i18nSeason";
import { workEn, workVi } from "./i18nWork";
import { draftEn, draftVi } from "./i18nDraft";

export type Lang = "vi" | "en";

const vi = {
  "app.title": "CCHC Scoring",
  "app.subtitle": "Chấm điểm chỉ số cải cách hành chính",
  "mode.browser": "Chế độ trình duyệt",
  "mode.browserHint":
    "Không chạy trong Excel: mở tệp .xlsx để kiểm tra và tính điểm. Tệp được xử lý ngay trong trình duyệt này, không gửi đi đâu.",
  "mode.starting": "Đang khởi động…",
  "mode.loading": "Đang tải…",
  "mode.loadFailed": "Không tải được phần xử lý sổ tính: {reason}",

  "section.workbook": "Sổ tính",
  "section.criteria": "Bộ tiêu chí",
  "section.check": "Kiểm tra",
  "section.score": "Tính điểm",
  "section.summary": "Tổng hợp",

  "file.open": "Mở tệp .xlsx…",
  "file.openAnother": "Mở tệp khác…",
  "file.none": "Chưa mở tệp nào.",
  "file.reading": "Đang đọc {name}…",
  "file.opened": "Đang dùng: {name}",
  "file.error": "Không mở được {name}: {reason}",

  "criteria.sourceSheet": "Lấy từ trang “{sheet}” của sổ tính.",
  "criteria.sourceFileSession":
    "Nhập từ tệp {name}, chỉ dùng trong phiên này (tệp tải về không chứa trang bộ tiêu chí).",
  "criteria.sourceFileSheet": "Nhập từ tệp {name} và đã ghi vào trang “Bộ tiêu chí” của sổ tính.",
  "criteria.none":
    "Sổ tính chưa có trang “Bộ tiêu chí”. Hãy nhập bộ tiêu chí từ tệp .json, hoặc tạo từ mẫu chấm điểm của sổ.",
  "criteria.waiting": "Mở một sổ tính, hoặc nhập bộ tiêu chí từ tệp .json.",
  "criteria.import": "Nhập bộ tiêu chí (.json)…",
  "criteria.importing": "Đang đọc {name}…",
  "criteria.year": "Năm",
  "criteria.id": "Mã bộ",
  "criteria.maxTotal": "Điểm tối đa",
  "criteria.fields": "Số lĩnh vực",
  "criteria.leaves": "Số mục chấm điểm",
  "criteria.refusedSheet":
    "Bộ tiêu chí trên trang “{sheet}” bị từ chối ({count} lỗi); chưa kiểm tra được:",
  "criteria.refusedFile": "Bộ tiêu chí trong tệp {name} bị từ chối ({count} lỗi); vẫn dùng bộ cũ:",
  "criteria.readFailed": "Không đọc được tệp {name}: {reason}",
  "criteria.wholeSet": "(cả bộ)",
  "criteria.checkSheet": "Kiểm tra bộ tiêu chí",
  "criteria.sheetOk": "Bộ tiêu chí trên trang “{sheet}” không có lỗi ({leaves} mục chấm điểm).",
  "criteria.sheetProblems": "Trang “{sheet}” có {count} lỗi; bấm vào một lỗi để tới ô của nó:",
  "criteria.noSheet": "Sổ tính không có trang “Bộ tiêu chí”.",
  "criteria.checkFailed": "Không kiểm tra được bộ tiêu chí: {reason}",

  "check.run": "Kiểm tra",
  "check.rerun": "Kiểm tra lại",
  "check.running": "Đang kiểm tra…",
  "check.auto": "Tự kiểm tra lại khi sổ tính thay đổi",
  "check.autoPending": "Sổ tính vừa thay đổi, sắp kiểm tra lại…",
  "check.checkedAt": "Đã kiểm tra lúc {time}.",
  "check.notYet": "Chưa kiểm tra.",
  "check.needWorkbook": "Mở một tệp .xlsx (mục “Sổ tính” ở trên) để kiểm tra.",
  "check.failed": "Kiểm tra không thành công: {reason}",
  "check.findings": "Phát hiện",
  "check.countsLabel": "Số phát hiện theo mức độ",
  "check.total": "Tổng: {count} phát hiện",
  "check.none": "Không có phát hiện nào. Sổ tính khớp bộ tiêu chí.",
  "check.filter": "Lọc phát hiện",
  "check.filterSeverity": "Mức độ hiển thị",
  "check.search": "Tìm trong phát hiện",
  "check.searchPlaceholder": "Mã tiêu chí, ô, nội dung…",
  "check.shown": "Đang hiện {shown}/{total} phát hiện.",
  "check.noMatch": "Không có phát hiện nào khớp bộ lọc.",
  "check.wholeWorkbook": "Cả sổ tính",
  "check.wholeSheet": "cả trang",
  "check.criterion": "tiêu chí {code}",
  "check.browserGoHint":
    "Trong trình duyệt, bấm một phát hiện để xem trang và ô của nó; không thể chuyển tới ô — hãy sửa trong Excel.",
  "check.excelGoHint": "Bấm một phát hiện để chọn ô của nó trong sổ tính.",

  "severity.error": "Lỗi",
  "severity.warning": "Cảnh báo",
  "severity.info": "Thông tin",

  "goto.selected": "Đã chọn ô {cell} trên trang “{sheet}”.",
  "goto.sheetSelected": "Đã mở trang “{sheet}”.",
  "goto.browserCell":
    "Ô {cell} trên trang “{sheet}”. Trong trình duyệt không thể chuyển tới ô: hãy mở tệp bằng Excel và sửa ô này.",
  "goto.browserSheet":
    "Trang “{sheet}” (phát hiện về cả trang). Trong trình duyệt không thể chuyển tới trang.",
  "goto.failed": "Không chuyển được tới {sheet}!{cell}: {reason}",
  "goto.workbook": "Phát hiện về cả sổ tính, không gắn với trang hay ô nào.",
  "goto.dismiss": "Đóng",
  "goto.unhide": "Hiện trang “{sheet}”",

  "units.title": "Đơn vị",
  "units.caption": "Điểm, chỉ số và xếp hạng của các đơn vị",
  "units.name": "Đơn vị",
  "units.self": "Tự chấm",
  "units.appraised": "Thẩm định",
  "units.differenceSelfScored": "Chênh lệch",
  "units.differenceSelfScoredTitle":
    "Thẩm định − tự chấm, trên phần đơn vị tự chấm (không tính điểm điều tra xã hội học)",
  "units.survey": "Điểm XHH",
  "units.surveyTitle":
    "Điểm điều tra xã hội học: chỉ hội đồng thẩm định chấm, đã gồm trong điểm thẩm định",
  "units.index": "Chỉ số %",
  "units.rank": "Hạng",
  "units.band": "Xếp loại",
  "units.none": "Không có trang chấm điểm nào của đơn vị.",
  "units.sheet": "Trang: {sheet}",
  "units.noAppraisal": "—",
  "units.noAppraisalLabel": "chưa thẩm định",

  "score.run": "Tính điểm",
  "score.running": "Đang tính điểm…",
  "score.hintExcel":
    "Ghi công thức tổng điểm, chỉ số, xếp hạng, định dạng có điều kiện và trang “Tổng hợp” vào sổ tính.",
  "score.done": "Đã tính điểm: công thức tổng điểm, chỉ số và xếp hạng đã được ghi.",
  "score.cancelled": "Đã hủy: chưa ghi gì vào sổ tính.",
  "score.failed": "Tính điểm không thành công: {reason}",
  "score.revert": "Hoàn tác lần chạy trước",
  "score.reverting": "Đang hoàn tác…",
  "score.reverted": "Đã hoàn tác lần chạy trước.",
  "score.revertFailed": "Không hoàn tác được: {reason}",
  "score.confirmTitle": "Thay giá trị nhập tay bằng công thức?",
  "score.confirmBody":
    "{count} ô đang có giá trị nhập tay sẽ được thay bằng công thức. Nút “Hoàn tác lần chạy trước” đặt lại được các giá trị này.",
  "score.confirm": "Thay bằng công thức",
  "score.cancel": "Hủy",
  "score.colSheet": "Trang",
  "score.colCell": "Ô",
  "score.colTyped": "Giá trị nhập tay",
  "score.colFormula": "Công thức",
  "score.download": "Tải tệp đã chấm điểm",
  "score.preparing": "Đang tạo tệp…",
  "score.hintBrowser":
    "Tệp tải về có công thức tổng điểm, chỉ số, xếp hạng và trang “Tổng hợp”; tệp gốc không thay đổi. “Hoàn tác lần chạy trước” tải về tệp đang mở như trước lần chấm điểm cuối.",
  "score.downloaded": "Đã tạo tệp {name}.",
  "score.revertedBrowser": "Đã tạo tệp {name}: sổ tính như trước lần chạy cuối.",
  "score.browserConflicts": "{count} ô nhập tay đã được thay bằng công thức trong tệp tải về:",
  "score.needCheck": "Cần một sổ tính và một bộ tiêu chí hợp lệ trước.",
  "score.notices": "Lưu ý:",
  "score.revertConflicts":
    "Chưa hoàn tác, chưa ghi gì: {count} chỗ đã thay đổi sau lần chạy (CCHC chỉ khôi phục ô còn đúng như nó đã ghi).",
  "score.restoreSafe": "Khôi phục phần an toàn",
  "score.revertedSafe":
    "Đã hoàn tác phần an toàn; {count} chỗ đã thay đổi sau lần chạy được giữ nguyên như hiện có.",
  "score.colWrote": "CCHC đã ghi",
  "score.colNow": "Hiện có",
  "score.sheetMissing": "(không tìm thấy trang)",

  "summary.run": "Tạo trang Tổng hợp",
  "summary.running": "Đang tạo trang Tổng hợp…",
  "summary.hintExcel":
    "Trang “Tổng hợp”: điểm từng lĩnh vực, tổng điểm, chỉ số, hạng, xếp loại của mọi đơn vị (công thức tham chiếu các trang đơn vị) và các tiêu chí yếu.",
  "summary.done": "Đã tạo trang “Tổng hợp”.",
  "summary.failed": "Không tạo được trang Tổng hợp: {reason}",
  "summary.browser":
    "Trong trình duyệt, tệp đã chấm điểm (nút “Tải tệp đã chấm điểm” ở trên) đã có sẵn trang “Tổng hợp”.",
} as const;

export type MessageKey =
  | keyof typeof vi
  | keyof typeof seasonVi
  | keyof typeof environmentVi
  | keyof typeof jobsVi
  | keyof typeof workVi
  | keyof typeof draftVi;

const en: Record<keyof typeof vi, string> = {
  "app.title": "CCHC Scoring",
  "app.subtitle": "PAR Index scoring",
  "mode.browser": "Browser mode",
  "mode.browserHint":
    "Not running in Excel: open an .xlsx file to check and score it. The file is processed in this browser and sent nowhere.",
  "mode.starting": "Starting…",
  "mode.loading": "Loading…",
  "mode.loadFailed": "Could not load the workbook engine: {reason}",

  "section.workbook": "Workbook",
  "section.criteria": "Criteria set",
  "section.check": "Check",
  "section.score": "Score",
  "section.summary": "Summary",

  "file.open": "Open .xlsx file…",
  "file.openAnother": "Open another file…",
  "file.none": "No file open.",
  "file.reading": "Reading {name}…",
  "file.opened": "In use: {name}",
  "file.error": "Could not open {name}: {reason}",

  "criteria.sourceSheet": "From the workbook's “{sheet}” sheet.",
  "criteria.sourceFileSession":
    "Imported from {name}, for this session only (the download has no criteria sheet).",
  "criteria.sourceFileSheet":
    "Imported from {name} and written to the workbook's “Bộ tiêu chí” sheet.",
  "criteria.none":
    "The workbook has no “Bộ tiêu chí” sheet. Import a criteria set from a .json file, or draft one from its scoring form.",
  "criteria.waiting": "Open a workbook, or import a criteria set from a .json file.",
  "criteria.import": "Import criteria set (.json)…",
  "criteria.importing": "Reading {name}…",
  "criteria.year": "Year",
  "criteria.id": "Set id",
  "criteria.maxTotal": "Maximum",
  "criteria.fields": "Fields",
  "criteria.leaves": "Scored items",
  "criteria.refusedSheet":
    "The criteria set on sheet “{sheet}” is refused ({count} problems); nothing can be checked:",
  "criteria.refusedFile":
    "The criteria set in {name} is refused ({count} problems); the previous set stays in use:",
  "criteria.readFailed": "Could not read {name}: {reason}",
  "criteria.wholeSet": "(whole set)",
  "criteria.checkSheet": "Check the criteria set",
  "criteria.sheetOk":
    "The criteria set on sheet “{sheet}” has no problems ({leaves} scored items).",
  "criteria.sheetProblems": "Sheet “{sheet}” has {count} problems; click one to go to its cell:",
  "criteria.noSheet": "The workbook has no “Bộ tiêu chí” sheet.",
  "criteria.checkFailed": "Could not check the criteria set: {reason}",

  "check.run": "Check",
  "check.rerun": "Check again",
  "check.running": "Checking…",
  "check.auto": "Check again when the workbook changes",
  "check.autoPending": "The workbook changed; checking again shortly…",
  "check.checkedAt": "Checked at {time}.",
  "check.notYet": "Not checked yet.",
  "check.needWorkbook": "Open an .xlsx file (“Workbook” above) to check it.",
  "check.failed": "The check failed: {reason}",
  "check.findings": "Findings",
  "check.countsLabel": "Findings by severity",
  "check.total": "Total: {count} findings",
  "check.none": "No findings. The workbook matches the criteria set.",
  "check.filter": "Filter findings",
  "check.filterSeverity": "Severities shown",
  "check.search": "Search findings",
  "check.searchPlaceholder": "Criterion code, cell, text…",
  "check.shown": "Showing {shown} of {total} findings.",
  "check.noMatch": "No findings match the filter.",
  "check.wholeWorkbook": "Whole workbook",
  "check.wholeSheet": "whole sheet",
  "check.criterion": "criterion {code}",
  "check.browserGoHint":
    "In the browser, click a finding to see its sheet and cell; the pane cannot go to the cell — fix it in Excel.",
  "check.excelGoHint": "Click a finding to select its cell in the workbook.",

  "severity.error": "Errors",
  "severity.warning": "Warnings",
  "severity.info": "Info",

  "goto.selected": "Selected cell {cell} on sheet “{sheet}”.",
  "goto.sheetSelected": "Opened sheet “{sheet}”.",
  "goto.browserCell":
    "Cell {cell} on sheet “{sheet}”. The browser cannot go to the cell: open the file in Excel to fix it.",
  "goto.browserSheet":
    "Sheet “{sheet}” (a finding about the whole sheet). The browser cannot go to the sheet.",
  "goto.failed": "Could not go to {sheet}!{cell}: {reason}",
  "goto.workbook": "A finding about the whole workbook, not tied to a sheet or cell.",
  "goto.dismiss": "Dismiss",
  "goto.unhide": "Unhide sheet “{sheet}”",

  "units.title": "Units",
  "units.caption": "Scores, index and rank of the units",
  "units.name": "Unit",
  "units.self": "Self",
  "units.appraised": "Appraised",
  "units.differenceSelfScored": "Diff.",
  "units.differenceSelfScoredTitle":
    "Appraised − self, on the part the unit scores itself (survey points left out)",
  "units.survey": "Survey",
  "units.surveyTitle":
    "Survey points: filled by the appraisers only, included in the appraised score",
  "units.index": "Index %",
  "units.rank": "Rank",
  "units.band": "Band",
  "units.none": "No unit scoring sheets.",
  "units.sheet": "Sheet: {sheet}",
  "units.noAppraisal": "—",
  "units.noAppraisalLabel": "not appraised",

  "score.run": "Score",
  "score.running": "Scoring…",
  "score.hintExcel":
    "Writes the total, index and rank formulas, conditional formats and the “Tổng hợp” sheet into the workbook.",
  "score.done": "Scored: the total, index and rank formulas are written.",
  "score.cancelled": "Cancelled: nothing was written to the workbook.",
  "score.failed": "Scoring failed: {reason}",
  "score.revert": "Revert the last run",
  "score.reverting": "Reverting…",
  "score.reverted": "The last run was reverted.",
  "score.revertFailed": "Could not revert: {reason}",
  "score.confirmTitle": "Replace typed values with formulas?",
  "score.confirmBody":
    "{count} cells holding typed values would be replaced with formulas. “Revert the last run” puts them back.",
  "score.confirm": "Replace with formulas",
  "score.cancel": "Cancel",
  "score.colSheet": "Sheet",
  "score.colCell": "Cell",
  "score.colTyped": "Typed value",
  "score.colFormula": "Formula",
  "score.download": "Download the scored file",
  "score.preparing": "Building the file…",
  "score.hintBrowser":
    "The download has the total, index and rank formulas and the “Tổng hợp” sheet; the original file is unchanged. “Revert the last run” downloads the open file as it was before its last scoring.",
  "score.downloaded": "Created {name}.",
  "score.revertedBrowser": "Created {name}: the workbook as it was before its last run.",
  "score.browserConflicts": "{count} typed cells are formulas in the downloaded file:",
  "score.needCheck": "Needs a workbook and a valid criteria set first.",
  "score.notices": "Note:",
  "score.revertConflicts":
    "Not reverted, nothing written: {count} places changed after the run (CCHC restores only cells still as it wrote them).",
  "score.restoreSafe": "Restore what is safe",
  "score.revertedSafe":
    "The safe part was reverted; {count} places changed after the run were left as they are now.",
  "score.colWrote": "CCHC wrote",
  "score.colNow": "There now",
  "score.sheetMissing": "(sheet not found)",

  "summary.run": "Build the summary sheet",
  "summary.running": "Building the summary sheet…",
  "summary.hintExcel":
    "The “Tổng hợp” sheet: every unit's field points, total, index, rank and band (formulas referring to the unit sheets) and the weak criteria.",
  "summary.done": "The “Tổng hợp” sheet is built.",
  "summary.failed": "Could not build the summary sheet: {reason}",
  "summary.browser":
    "In the browser, the scored file (“Download the scored file” above) already contains the “Tổng hợp” sheet.",
};

const tables: Record<Lang, Record<MessageKey, string>> = {
  vi: { ...vi, ...seasonVi, ...environmentVi, ...jobsVi, ...workVi, ...draftVi },
  en: { ...en, ...seasonEn, ...environmentEn, ...jobsEn, ...workEn, ...draftEn },
};

let current: Lang = "vi";

/** "en" for any English tag (en, en-US, en-GB…), else "vi". */
export function pickLang(tag: string | null | undefined): Lang {
  return typeof tag === "string" && tag.trim().toLowerCase().startsWith("en") ? "en" : "vi";
}

/** The language for this session: Office's display language in Excel, navigator.language in a browser. */
export function detectLang(mode: HostMode): Lang {
  if (mode === "excel") {
    try {
      return pickLang(Office.context.displayLanguage);
    } catch {
      return "vi";
    }
  }
  return pickLang(typeof navigator === "undefined" ? undefined : navigator.language);
}

export function setLang(lang: Lang): void {
  current = lang;
  if (typeof document !== "undefined") document.documentElement.lang = lang;
}

export function getLang(): Lang {
  return current;
}

export type MessageParams = Record<string, string | number>;

/** The message in the current language (or `lang`), with "{name}" placeholders filled from `params`. */
export function t(key: MessageKey, params?: MessageParams | Lang, lang: Lang = current): string {
  if (typeof params === "string") return tables[params][key];
  const template = tables[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole
  );
}

/** Every message key (for tests: both tables must have the same keys and placeholders). */
export function messageTables(): Record<Lang, Record<MessageKey, string>> {
  return tables;
}
