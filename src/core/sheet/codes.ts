import { cellText } from "../text/normalize";

export type ParsedCode =
  | { kind: "code"; code: string; roman?: string }
  /** A code stored as a number with decimals: 1.1 may have been typed as 1.10. */
  | { kind: "number"; code: string; value: number; numberFormat?: string }
  | { kind: "other"; text: string }
  | { kind: "empty" };

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

export function romanToInt(s: string): number | undefined {
  const u = s.toUpperCase();
  if (!/^[IVXLC]+$/.test(u)) return undefined;
  let total = 0;
  for (let i = 0; i < u.length; i++) {
    const v = ROMAN[u[i]];
    const next = ROMAN[u[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return intToRoman(total) === u ? total : undefined;
}

function intToRoman(n: number): string {
  const table: [number, string][] = [
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let s = "";
  for (const [v, r] of table) while (n >= v) ((s += r), (n -= v));
  return s;
}

/** Reads a code cell: "1.1.", " 1.1.2", "II", 3, 1.1 (a number). */
export function parseCode(value: unknown, numberFormat?: string): ParsedCode {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) return { kind: "other", text: String(value) };
    if (Number.isInteger(value)) return { kind: "code", code: String(value) };
    return { kind: "number", code: String(Math.round(value * 1e9) / 1e9), value, numberFormat };
  }
  const text = cellText(value);
  if (!text) return { kind: "empty" };
  const t = text.replace(/[.)\s]+$/, "").replace(/^\(/, "");
  if (/^\d+(\.\d+)*$/.test(t))
    return {
      kind: "code",
      code: t
        .split(".")
        .map((p) => String(Number(p)))
        .join("."),
    };
  const r = romanToInt(t);
  if (r !== undefined) return { kind: "code", code: String(r), roman: t.toUpperCase() };
  return { kind: "other", text };
}

/** How many decimals a number format shows ("0.00" → 2), where it says. */
export function formatDecimals(numberFormat: string | undefined): number | undefined {
  if (!numberFormat) return undefined;
  const m = /0[.,](0+)/.exec(numberFormat);
  return m ? m[1].length : undefined;
}

/** The form codes are compared in: "1.2." and "01.2" are "1.2"; a Roman field number stays as written. */
export function canonicalCode(code: string): string {
  const t = code.trim().replace(/[.)\s]+$/, "");
  return /^\d+(\.\d+)*$/.test(t)
    ? t
        .split(".")
        .map((p) => String(Number(p)))
        .join(".")
    : t.toUpperCase();
}
