import type { Lang } from "./i18n";

/** Points and index as the workbooks write them: 1,25 in Vietnamese, 1.25 in English, at most two decimals. */
export { formatPoints } from "../core/text/numbers";

export function formatTime(date: Date, lang: Lang): string {
  return date.toLocaleTimeString(lang === "vi" ? "vi-VN" : "en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
}
