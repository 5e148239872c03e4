/**
 * The pane's language and its message table. Vietnamese unless Office's display language (in Excel) or the
 * browser's language (in the browser-only mode) is English.
 */
import type { HostMode } from "./host";

export type Lang = "vi" | "en";

const vi = {
  "app.title": "CCHC Scoring",
  "app.subtitle": "Chấm điểm chỉ số cải cách hành chính",
  "mode.browser": "Chế độ trình duyệt",
  "mode.browserHint": "Không chạy trong Excel: mở tệp .xlsx để kiểm tra và tính điểm.",
  "mode.starting": "Đang khởi động…",
  "section.criteria": "Bộ tiêu chí",
  "section.check": "Kiểm tra",
  "section.summary": "Tổng hợp",
  "section.placeholder": "Sắp có.",
} as const;

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  "app.title": "CCHC Scoring",
  "app.subtitle": "PAR Index scoring",
  "mode.browser": "Browser mode",
  "mode.browserHint": "Not running in Excel: open an .xlsx file to check and score it.",
  "mode.starting": "Starting…",
  "section.criteria": "Criteria set",
  "section.check": "Check",
  "section.summary": "Summary",
  "section.placeholder": "Coming soon.",
};

const tables: Record<Lang, Record<MessageKey, string>> = { vi, en };

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

export function t(key: MessageKey, lang: Lang = current): string {
  return tables[lang][key];
}
