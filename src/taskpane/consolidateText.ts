/**
 * The messages of "Tổng hợp nhiều sổ" (consolidate), Vietnamese first with English, in the pane's language
 * (i18n.getLang). Kept beside i18n.ts rather than in it: one region's messages, one file.
 */
import { getLang, type Lang, type MessageParams } from "./i18n";

const vi = {
  "consolidate.title": "Tổng hợp nhiều sổ",
  "consolidate.hint":
    "Chọn (hoặc thả vào đây) sổ chấm điểm của các đơn vị (.xlsx): mỗi sổ được kiểm tra, trang đơn vị được chép vào sổ này rồi trang “Tổng hợp” được lập bằng công thức.",
  "consolidate.hintBrowser":
    "Chọn (hoặc thả vào đây) sổ chấm điểm của các đơn vị (.xlsx): mỗi sổ được kiểm tra, trang đơn vị được chép vào sổ đang mở (hoặc sổ mới) rồi tải về sổ tổng hợp có trang “Tổng hợp”.",
  "consolidate.pick": "Chọn sổ đơn vị…",
  "consolidate.cancel": "Dừng",
  "consolidate.reading": "Đang đọc và kiểm tra {done}/{total}: {file}",
  "consolidate.readingDone": "Đã đọc {done}/{total} sổ",
  "consolidate.copying": "Đang chép trang đơn vị {done}/{total}…",
  "consolidate.summary": "Đang tính điểm và lập trang Tổng hợp…",
  "consolidate.done": "Đã tổng hợp: thêm {added} đơn vị, thay {replaced} đơn vị.",
  "consolidate.valuesPath":
    "Excel này không chép được cả trang (cần ExcelApi 1.13 hoặc Excel từ chối tệp): đã chép giá trị và công thức.",
  "consolidate.downloaded": "Đã tải về {file}.",
  "consolidate.failedFile": "{file}: không đọc được — {reason}",
  "consolidate.cancelled": "Đã dừng: sổ này không bị thay đổi.",
  "consolidate.declined": "Không ghi gì: bạn đã không đồng ý thay.",
  "consolidate.failed": "Không tổng hợp được: {reason}",
  "consolidate.confirmTitle": "Thay trang của đơn vị đã có?",
  "consolidate.confirmBody":
    "{count} đơn vị đã có trong sổ. Trang cũ sẽ được thay bằng trang trong tệp mới:",
  "consolidate.confirm": "Thay",
  "consolidate.keep": "Không thay",
  "consolidate.notScored":
    "Đã chép các trang đơn vị nhưng chưa tính điểm và lập trang Tổng hợp: bạn đã không đồng ý thay giá trị đã gõ.",
};

export type ConsolidateKey = keyof typeof vi;

const en: Record<ConsolidateKey, string> = {
  "consolidate.title": "Consolidate workbooks",
  "consolidate.hint":
    "Pick (or drop here) the units' scoring workbooks (.xlsx): each is checked, its unit sheets copied into this workbook, then the “Tổng hợp” sheet is built with formulas.",
  "consolidate.hintBrowser":
    "Pick (or drop here) the units' scoring workbooks (.xlsx): each is checked, its unit sheets copied into the open workbook (or a new one), and the consolidated workbook with its “Tổng hợp” sheet is downloaded.",
  "consolidate.pick": "Pick unit workbooks…",
  "consolidate.cancel": "Stop",
  "consolidate.reading": "Reading and checking {done}/{total}: {file}",
  "consolidate.readingDone": "Read {done}/{total} workbooks",
  "consolidate.copying": "Copying unit sheets {done}/{total}…",
  "consolidate.summary": "Scoring and building the summary sheet…",
  "consolidate.done": "Consolidated: {added} units added, {replaced} replaced.",
  "consolidate.valuesPath":
    "This Excel could not copy whole sheets (ExcelApi 1.13 missing or the file refused): values and formulas were copied.",
  "consolidate.downloaded": "Downloaded {file}.",
  "consolidate.failedFile": "{file}: could not be read — {reason}",
  "consolidate.cancelled": "Stopped: this workbook was not changed.",
  "consolidate.declined": "Nothing written: you did not agree to replace.",
  "consolidate.failed": "Could not consolidate: {reason}",
  "consolidate.confirmTitle": "Replace the sheets of units already here?",
  "consolidate.confirmBody":
    "{count} units are already in the workbook. Their sheets will be replaced by the new file's:",
  "consolidate.confirm": "Replace",
  "consolidate.keep": "Do not replace",
  "consolidate.notScored":
    "The unit sheets were copied but not scored and no summary was built: you did not agree to replace typed values.",
};

const tables: Record<Lang, Record<ConsolidateKey, string>> = { vi, en };

export function ct(key: ConsolidateKey, params?: MessageParams, lang: Lang = getLang()): string {
  const template = tables[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole
  );
}

export function consolidateTables(): Record<Lang, Record<ConsolidateKey, string>> {
  return tables;
}
