import type { Lang } from "./i18n";

/** Points and index as the workbooks write them: 1,25 in Vietnamese, 1.25 in English, at most two decimals. */
export function formatPoints(n: number, lang: Lang): string {
  const s = String(Math.round(n * 100) / 100);
  return lang === "vi" ? s.replace(".", ",") : s;
}

export function formatTime(date: Date, lang: Lang): string {
  return date.toLocaleTimeString(lang === "vi" ? "vi-VN" : "en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
}
