/**
 * The environment check's report as plain text a person can copy into a support request: when, which
 * Excel, which requirement sets, then one line per capability. Vietnamese or English.
 */
import type { Lang } from "../../core/i18n/lang";
import type { CapabilityId, CapabilityResult, EnvironmentReport } from "./types";

const LABELS: Record<Lang, Record<CapabilityId, string>> = {
  vi: {
    read: "Đọc giá trị, công thức và định dạng số",
    formulas: "Ghi công thức",
    textLikeFormula: "Ghi chữ trông như công thức (phải giữ là chữ)",
    conditionalFormat: "Định dạng có điều kiện theo công thức",
    listValidation: "Danh sách chọn từ tên (ô số) và chọn một số",
    veryHiddenSheet: "Thêm và xoá trang ẩn hẳn (veryHidden)",
    changeEvents: "Sự kiện thay đổi (onChanged, triggerSource)",
    navigation: "Chuyển tới trang và chọn ô",
    chart: "Biểu đồ của trang Tổng hợp",
  },
  en: {
    read: "Reading values, formulas and number formats",
    formulas: "Writing formulas",
    textLikeFormula: "Writing text that looks like a formula (must stay text)",
    conditionalFormat: "Conditional format with a formula rule",
    listValidation: "List validation from a name over numeric cells, and a numeric pick",
    veryHiddenSheet: "Adding and removing a veryHidden sheet",
    changeEvents: "Change events (onChanged, triggerSource)",
    navigation: "Going to a sheet and selecting a cell",
    chart: "The summary sheet's chart",
  },
};

const TEXT = {
  vi: {
    title: "CCHC Scoring — Kiểm tra môi trường",
    at: "Thời điểm",
    host: "Ứng dụng",
    platform: "Nền tảng",
    version: "Phiên bản Office",
    sets: "Bộ yêu cầu",
    yes: "có",
    no: "không",
    summary: (passed: number, total: number) => `Kết quả: ${passed}/${total} khả năng đạt.`,
    setup: (e: string) => `Không thêm được trang tạm nên chưa thử gì: ${e}`,
    status: { pass: "ĐẠT", fail: "LỖI", skipped: "BỎ QUA", "not-run": "CHƯA THỬ" },
    skipped: (d: string) => `Excel này không có ${d}; add-in làm việc không cần nó.`,
    cleaned: "Đã xoá trang tạm và mọi thứ phép kiểm tra đã thêm.",
    notCleaned: (d: string) => `CHƯA xoá hết những gì phép kiểm tra đã thêm: ${d}`,
    noExcel:
      "Không chạy trong Excel (chế độ trình duyệt): không có Excel để kiểm tra. Hãy mở add-in trong Excel rồi chạy lại.",
  },
  en: {
    title: "CCHC Scoring — Environment check",
    at: "Time",
    host: "Host",
    platform: "Platform",
    version: "Office version",
    sets: "Requirement sets",
    yes: "yes",
    no: "no",
    summary: (passed: number, total: number) => `Result: ${passed} of ${total} capabilities pass.`,
    setup: (e: string) => `The temporary sheet could not be added, so nothing was tried: ${e}`,
    status: { pass: "PASS", fail: "FAIL", skipped: "SKIPPED", "not-run": "NOT RUN" },
    skipped: (d: string) => `This Excel has no ${d}; the add-in works without it.`,
    cleaned: "The temporary sheet and all else the check added were removed.",
    notCleaned: (d: string) => `NOT everything the check added was removed: ${d}`,
    noExcel:
      "Not running in Excel (browser mode): there is no Excel to check. Open the add-in in Excel and run it again.",
  },
};

export function capabilityLabel(id: CapabilityId, lang: Lang): string {
  return LABELS[lang][id];
}

function line(result: CapabilityResult, lang: Lang): string {
  const t = TEXT[lang];
  const head = `[${t.status[result.status]}] ${LABELS[lang][result.id]}`;
  if (result.status === "fail") return `${head} — ${result.detail}`;
  if (result.status === "skipped") return `${head} — ${t.skipped(result.detail)}`;
  return head;
}

export function environmentReportText(report: EnvironmentReport, lang: Lang): string {
  const t = TEXT[lang];
  const passed = report.capabilities.filter((c) => c.status === "pass").length;
  const sets = report.host.sets
    .map((s) => `${s.name} ${s.version}: ${s.supported ? t.yes : t.no}`)
    .join(", ");
  return [
    t.title,
    `${t.at}: ${report.at.toISOString()}`,
    `${t.host}: ${report.host.host} · ${t.platform}: ${report.host.platform} · ${t.version}: ${report.host.version}`,
    `${t.sets}: ${sets}`,
    ...(report.setupError !== undefined ? [t.setup(report.setupError)] : []),
    t.summary(passed, report.capabilities.length),
    ...report.capabilities.map((c) => line(c, lang)),
    report.cleanup.ok ? t.cleaned : t.notCleaned(report.cleanup.detail),
  ].join("\n");
}

/** What the browser mode says: there is no Excel to check. */
export function noExcelText(lang: Lang): string {
  return `${TEXT[lang].title}\n${TEXT[lang].noExcel}`;
}
