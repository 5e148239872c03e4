import { decimalText, formatNumber } from "../text/numbers";
import { Rule, RuleKind, Tier } from "./model";

/**
 * The rule-parameter column of the "Bộ tiêu chí" sheet, written and read in one place: paramsText writes what
 * parseParams reads back ("bước 0,25", "trừ 0,5 mỗi lần", "trễ hạn 0,5", "100%: 2,5; 80%: 1,25; 0%: 0"), and
 * parseParams also takes what a person types ("step 0.25", "≥ 80% → 1,25").
 */

type Json = Record<string, unknown>;

/** Rule parameters as a person reads them: "bước 0,25", "trừ 0,5 mỗi lần", "trễ hạn 0,5", "100%: 2,5; 80%: 1,25; 0%: 0". */
export function paramsText(rule: Rule): string | null {
  switch (rule.kind) {
    case "manual":
      return rule.step === undefined ? null : `bước ${formatNumber(rule.step, "vi")}`;
    case "deduction":
      return `trừ ${formatNumber(rule.step, "vi")} mỗi lần`;
    case "binary":
      return rule.late === undefined ? null : `trễ hạn ${formatNumber(rule.late, "vi")}`;
    case "tiers":
      return (
        rule.tiers
          .map((t) => `${percentText(t.from)}: ${formatNumber(t.points, "vi")}`)
          .join("; ") || null
      );
    case "ratio":
      return null;
  }
}

/** The percent is made by moving the decimal point in the text, so reading it back gives the very same double. */
function percentText(ratio: number): string {
  const s = String(ratio);
  return /e/i.test(s) ? decimalText(s, "vi") : decimalText(shiftDecimal(s, 2), "vi") + "%";
}

/** "0.975", 2 → "97.5"; "97.5", -2 → "0.975". Only for plain decimal texts. */
export function shiftDecimal(s: string, places: number): string {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m) return s;
  const [, sign, int, frac = ""] = m;
  let digits = int + frac;
  let point = int.length + places;
  if (point > digits.length) digits += "0".repeat(point - digits.length);
  if (point < 0) ((digits = "0".repeat(-point) + digits), (point = 0));
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, "") || "0";
  const rest = digits.slice(point).replace(/0+$/, "");
  return (sign === "-" ? "-" : "") + whole + (rest ? "." + rest : "");
}

/** "2,5" → "2.5": a plain decimal text with a dot, or undefined. */
export function decimalOf(s: string): string | undefined {
  const t = s.trim().replace(/\s+/g, "").replace(",", ".");
  return /^[+-]?\d+(\.\d+)?$/.test(t) ? t : undefined;
}

const NUMBER = String.raw`([+-]?\d+(?:[.,]\d+)?)`;
const STEP_TEXT = new RegExp(
  String.raw`^(?:(?:buoc|step|tru)\s*[:=]?\s*)?${NUMBER}(?:\s*(?:moi lan|\/\s*lan|per violation))?$`
);
const LATE_TEXT = new RegExp(String.raw`^(?:(?:tre han|tre|late)\s*[:=]?\s*)?${NUMBER}$`);
const TIER_TEXT = new RegExp(
  String.raw`^(?:≥|>=|tu|from)?\s*${NUMBER}\s*(%?)\s*[:=→]\s*${NUMBER}$`
);

/** Lower case, no diacritics, but punctuation kept: the numbers inside must survive. */
function plain(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .normalize("NFC")
    .toLowerCase()
    .trim();
}

export function parseParams(kind: RuleKind, text: string): Json | undefined {
  const t = plain(text);
  const number = (s: string) => Number(decimalOf(s));
  switch (kind) {
    case "manual":
    case "deduction": {
      const m = STEP_TEXT.exec(t);
      return m ? { step: number(m[1]) } : undefined;
    }
    case "binary": {
      const m = LATE_TEXT.exec(t);
      return m ? { late: number(m[1]) } : undefined;
    }
    case "tiers": {
      const tiers: Tier[] = [];
      for (const part of t
        .split(/[;\n]/)
        .map((s) => s.trim())
        .filter(Boolean)) {
        const m = TIER_TEXT.exec(part);
        if (!m) return undefined;
        const from = m[2] ? Number(shiftDecimal(decimalOf(m[1]) as string, -2)) : number(m[1]);
        tiers.push({ from, points: number(m[3]) });
      }
      return { tiers };
    }
    case "ratio":
      return undefined;
  }
}
