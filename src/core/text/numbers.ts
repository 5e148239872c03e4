import { Lang } from "../i18n/lang";

/** Numbers typed as text: "1,5", "1.5", " 2 ", "1.250,5" is not accepted (no thousands in points). */
export function parseNumberText(s: string): number | undefined {
  const t = s.trim().replace(/\s+/g, "");
  if (!/^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/.test(t)) return undefined;
  const n = Number(t.replace(",", "."));
  return Number.isFinite(n) ? n : undefined;
}

/** Ratios typed as "95%", "95,5 %", "0.95" or 95 (a number above 1 read as a percent). */
export function parseRatio(v: unknown): number | undefined {
  if (typeof v === "number") return v > 1 ? v / 100 : v;
  if (typeof v !== "string") return undefined;
  const t = v.trim();
  const pct = t.endsWith("%");
  const n = parseNumberText(pct ? t.slice(0, -1) : t);
  if (n === undefined) return undefined;
  return pct || n > 1 ? n / 100 : n;
}

export function nearlyEqual(a: number, b: number, tol = 0.005): boolean {
  return Math.abs(a - b) <= tol;
}

/**
 * The one decimal-comma formatter: a number's text ("1.25", "97.5") with the language's decimal separator,
 * "1,25" in Vietnamese, "1.25" in English. Takes text so callers that shift the point in the text (a percent
 * that must read back as the same double) share it.
 */
export function decimalText(text: string, lang: Lang): string {
  return lang === "vi" ? text.replace(".", ",") : text;
}

/** 1.25 → "1,25" in Vietnamese, "1.25" in English; never rounded, so a message shows the value as given. */
export function formatNumber(x: number, lang: Lang): string {
  return decimalText(String(x), lang);
}

/** 1.25 → "1,25" (vi) or "1.25" (en); at most two decimals, no trailing zeros. */
export function formatPoints(n: number, lang: Lang): string {
  return formatNumber(Math.round(n * 100) / 100, lang);
}
