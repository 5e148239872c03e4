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
          .map(
            (t) =>
              `${t.above ? "trên " : ""}${percentText(t.from)}: ${formatNumber(t.points, "vi")}`
          )
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
/** A tier as "<bound>: <points>". */
const TIER_TEXT = new RegExp(String.raw`^(.*?)\s*[:=→]\s*${NUMBER}$`);
/** Bounds, in plain text (no diacritics): "trên 90%", "dưới 70%", "70–90%", "từ 70% đến dưới 90%", "≥ 80%". */
const ABOVE = new RegExp(String.raw`^(?:tren|>|above|over)\s*${NUMBER}\s*%?$`);
const BELOW = new RegExp(String.raw`^(?:duoi|<|below|under)\s*${NUMBER}\s*%?$`);
const RANGE = new RegExp(
  String.raw`^(tren|>|tu|from)?\s*${NUMBER}\s*%?\s*(?:-|–|—|den|to)\s*(duoi|<)?\s*${NUMBER}\s*%?$`
);
const FROM = new RegExp(String.raw`^(?:≥|>=|tu|from)?\s*${NUMBER}\s*%?(?:\s*tro len)?$`);

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
        const bound = m && tierBound(m[1], tiers[tiers.length - 1]);
        if (!m || !bound) return undefined;
        tiers.push({ ...bound, points: number(m[2]) });
      }
      return { tiers };
    }
    case "ratio":
      return undefined;
  }
}

/**
 * A tier's bound as a person writes it, checked against the tier above (`previous`): a range's top, or "dưới X",
 * must be that tier's bound, and leave no ratio out — "đến dưới 90%" under "từ 90%", "đến 90%" under "trên 90%"
 * ("70–90%" takes either). Undefined where the text says something else.
 */
function tierBound(text: string, previous: Tier | undefined): Omit<Tier, "points"> | undefined {
  const percent = text.includes("%");
  const ratio = (s: string) =>
    percent ? Number(shiftDecimal(decimalOf(s) as string, -2)) : Number(decimalOf(s));
  const closes = (top: number, upTo: "below" | "through" | "either") =>
    previous === undefined ||
    (previous.from === top && (upTo === "either" || (upTo === "below") === !previous.above));
  let m = ABOVE.exec(text);
  if (m) return { from: ratio(m[1]), above: true };
  m = BELOW.exec(text);
  if (m) return closes(ratio(m[1]), "below") ? { from: 0 } : undefined;
  m = RANGE.exec(text);
  if (m) {
    const [, lower, from, below, top] = m;
    const upTo = below ? "below" : /den|to/.test(text) ? "through" : "either";
    if (!closes(ratio(top), upTo)) return undefined;
    return lower === "tren" || lower === ">"
      ? { from: ratio(from), above: true }
      : { from: ratio(from) };
  }
  m = FROM.exec(text);
  return m ? { from: ratio(m[1]) } : undefined;
}
