import { cellText } from "../text/normalize";

export type ParsedCode =
  /** `roman`: the code as written with its Roman field number ("II", "II.1"); `code` is its Arabic form. */
  | { kind: "code"; code: string; roman?: string }
  /** A lettered sub-item ("a)", "a.", "(a)", "đ)"): it belongs to the criterion on the rows above. */
  | { kind: "item"; letter: string }
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

/** Reads a code cell: "1.1.", " 1.1.2", "II", "II.1", "1.2.a", "1a", "a)", 3, 1.1 (a number). */
export function parseCode(value: unknown, numberFormat?: string): ParsedCode {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) return { kind: "other", text: String(value) };
    if (Number.isInteger(value)) return { kind: "code", code: String(value) };
    return { kind: "number", code: String(Math.round(value * 1e9) / 1e9), value, numberFormat };
  }
  const text = cellText(value);
  if (!text) return { kind: "empty" };
  const read = readCode(text);
  if (!read) return { kind: "other", text };
  if (read.item) return { kind: "item", letter: read.item };
  return read.roman
    ? { kind: "code", code: read.arabic, roman: read.roman }
    : { kind: "code", code: read.arabic };
}

/** Vietnamese sets letter their sub-items a, b, c, d, đ, e …: lower case, one letter. */
const LETTER = "[a-zđ]";
const ITEM = new RegExp(`^${LETTER}$`, "u");
const FULL = new RegExp(
  `^(?:(\\d+(?:\\.\\d+)*)|([ivxlc]+)((?:\\.\\d+)*))(?:\\.?(${LETTER}))?$`,
  "iu"
);

interface ReadCode {
  /** A letter item on its own: no number of its own, read under the criterion above. */
  item?: string;
  /** The code with any Roman field number in Arabic: "II.1" → "2.1"; "1a" → "1.a". */
  arabic: string;
  /** The code with its Roman field number as written, upper case: "II.1". */
  roman?: string;
}

/** One code as text, without context; undefined for what is no code (a dash, a word, "A"). */
function readCode(text: string): ReadCode | undefined {
  const t = text
    .normalize("NFC")
    .trim()
    .replace(/[.)\s]+$/, "")
    .replace(/^\(/, "");
  if (ITEM.test(t)) return { item: t, arabic: t };
  const m = FULL.exec(t);
  if (!m) return undefined;
  const [, digits, romanPart, romanRest, letterPart] = m;
  // The letter suffix is lower case only: "1A" is no code a set writes; upper-case letters are Roman.
  if (letterPart && letterPart !== letterPart.toLowerCase()) return undefined;
  const suffix = letterPart ? `.${letterPart}` : "";
  const numbers = (s: string) =>
    s
      .split(".")
      .filter((p) => p !== "")
      .map((p) => String(Number(p)));
  if (digits !== undefined) return { arabic: numbers(digits).join(".") + suffix };
  const r = romanToInt(romanPart);
  if (r === undefined) return undefined;
  const rest = numbers(romanRest);
  return {
    arabic: [String(r), ...rest].join(".") + suffix,
    roman: [romanPart.toUpperCase(), ...rest].join(".") + suffix,
  };
}

/**
 * Whether the sheet reader can ever match a set's code, and as what: the code the set keeps for it, or undefined
 * when no row could be matched to it. A letter item ("a)", "a.", "(a)") is read under its parent, so "a)" under
 * 1.2 is kept as "1.2.a" — the reader resolves a row "a)" under the row 1.2 the same way; it needs a parent that
 * is no letter item itself. A dash ("-", "–", "+") is refused: the rows it marks are told apart only by their
 * position, and a row added or removed on a sheet would silently move every score after it.
 */
export function matchableCode(code: string, parent?: string): string | undefined {
  const read = readCode(code);
  if (!read) return undefined;
  if (!read.item) return code;
  const parentRead = parent !== undefined ? readCode(parent) : undefined;
  if (!parentRead || parentRead.item || /\.\D+$/u.test(parentRead.arabic)) return undefined;
  return `${parentRead.roman ?? parentRead.arabic}.${read.item}`;
}

/** How many decimals a number format shows ("0.00" → 2), where it says. */
export function formatDecimals(numberFormat: string | undefined): number | undefined {
  if (!numberFormat) return undefined;
  const m = /0[.,](0+)/.exec(numberFormat);
  return m ? m[1].length : undefined;
}

/**
 * The form codes are compared in: "1.2." and "01.2" are "1.2", "1a" is "1.a"; a Roman field number stays as
 * written ("II", "II.1"). A code no sheet row can match (see matchableCode) is only trimmed and upper-cased.
 */
export function canonicalCode(code: string): string {
  const read = readCode(code);
  if (!read) return code.trim().toUpperCase();
  return read.roman ?? read.arabic;
}
