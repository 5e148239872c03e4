/**
 * A tokenizer for Excel's A1 formula language, as stored in a workbook (without the leading "=", English function
 * names, "," as argument separator). It is the one place that knows the grammar's surface: what is a string,
 * a reference, a name, a function, an array constant. Unknown characters become "other" tokens: every character
 * of the input is in exactly one token, so joining the tokens' text gives the formula back.
 */

export type TokenKind =
  | "string" // "text", with "" inside
  | "number" // 1, 1.5, 1E-3
  | "bool" // TRUE, FALSE
  | "error" // #REF!, #N/A …
  | "ref" // A1, $A$1:B2, A:A, 1:1, 'Sheet'!A1, [1]Sheet!A1, Sheet1:Sheet3!A1
  | "name" // a defined name or table name: CotDiem, _cchc.marks
  | "structured" // Table1[Column], [@Col]: kept whole
  | "function" // SUM( — the name and its opening parenthesis
  | "open" // ( of a group
  | "close" // ) of a group or of a function call
  | "comma"
  | "arrayOpen" // {
  | "arrayClose" // }
  | "arraySeparator" // ; between rows of an array constant
  | "operator" // + - * / ^ & = <> <= >= < > % : @ #
  | "space"
  | "other";

export interface Token {
  kind: TokenKind;
  text: string;
}

/** Column letters A–XFD, rows 1–1,048,576: Excel's grid. */
export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;

const ERRORS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
];

// A sheet prefix: 'quoted ''name''', or an unquoted name, optionally a workbook index [1] and a 3-D range.
const QUOTED_SHEET = String.raw`'(?:[^']|'')+'`;
const PLAIN_SHEET = String.raw`(?:\[\d+\])?[\p{L}\p{N}_.\\]+(?::[\p{L}\p{N}_.\\]+)?`;
const SHEET = String.raw`(?:${QUOTED_SHEET}|${PLAIN_SHEET})!`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d{1,7}`;
const COLUMN = String.raw`\$?[A-Za-z]{1,3}`;
const ROW = String.raw`\$?\d{1,7}`;
const AREA = String.raw`(?:${CELL}(?::${CELL})?|${COLUMN}:${COLUMN}|${ROW}:${ROW})`;
// Sticky: each matches at the tokenizer's position in the whole formula, never on a copy of the rest of it.
const REF = new RegExp(String.raw`(?:${SHEET})?(?:${AREA}|#REF!)`, "uy");
const IDENT = /[\p{L}_\\][\p{L}\p{N}_.?\\]*/uy;
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const SPACE = /\s+/y;
const OPERATORS = [
  "<>",
  "<=",
  ">=",
  "+",
  "-",
  "*",
  "/",
  "^",
  "&",
  "=",
  "<",
  ">",
  "%",
  ":",
  "@",
  "#",
];

/** What the sticky `re` matches at `at` in `text`, if anything. */
function matchAt(re: RegExp, text: string, at: number): string | undefined {
  re.lastIndex = at;
  return re.exec(text)?.[0];
}

export function tokenize(formula: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let arrayDepth = 0;
  const push = (kind: TokenKind, text: string) => {
    out.push({ kind, text });
    i += text.length;
  };
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      for (; j < formula.length; j++) {
        if (formula[j] !== '"') continue;
        if (formula.charAt(j + 1) === '"') j++;
        else break;
      }
      push("string", formula.slice(i, j + 1));
      continue;
    }
    if (/\s/.test(ch)) {
      push("space", matchAt(SPACE, formula, i)!);
      continue;
    }
    if (ch === "{") {
      arrayDepth++;
      push("arrayOpen", ch);
      continue;
    }
    if (ch === "}") {
      arrayDepth = Math.max(0, arrayDepth - 1);
      push("arrayClose", ch);
      continue;
    }
    if (ch === ";" && arrayDepth > 0) {
      push("arraySeparator", ch);
      continue;
    }
    if (ch === ",") {
      push("comma", ch);
      continue;
    }
    if (ch === "(") {
      push("open", ch);
      continue;
    }
    if (ch === ")") {
      push("close", ch);
      continue;
    }
    if (ch === "#") {
      const error = ERRORS.find((e) => formula.slice(i, i + e.length).toUpperCase() === e);
      if (error) {
        push("error", formula.slice(i, i + error.length));
        continue;
      }
    }
    if (ch === "[") {
      push("structured", bracketed(formula, i));
      continue;
    }
    const ident = matchAt(IDENT, formula, i);
    const after = ident ? formula.charAt(i + ident.length) : "";
    // A name right before "(" or "[" cannot be a reference: referenceAt refuses one followed by either, or by any
    // character a name goes on with. Functions (most of a formula's names) skip the reference pattern.
    const ref = after === "(" || after === "[" ? undefined : referenceAt(formula, i);
    if (ref) {
      push("ref", ref);
      continue;
    }
    if (ident) {
      if (after === "(") push("function", ident + "(");
      else if (after === "[") push("structured", ident + bracketed(formula, i + ident.length));
      else if (/^(TRUE|FALSE)$/i.test(ident)) push("bool", ident);
      else push("name", ident);
      continue;
    }
    const number = matchAt(NUMBER, formula, i);
    if (number) {
      push("number", number);
      continue;
    }
    const op = OPERATORS.find((o) => formula.startsWith(o, i));
    push(op ? "operator" : "other", op ?? ch);
  }
  return out;
}

/** A reference at `at` in `text`, if what is there is one (and not a function such as LOG10( or a name). */
function referenceAt(text: string, at: number): string | undefined {
  const ref = matchAt(REF, text, at);
  if (!ref) return undefined;
  const after = text.charAt(at + ref.length);
  // "LOG10(" is a function, "A1B" or "_cchc.x" a name, "A1.5" nothing we know: not references.
  if (/^[\p{L}\p{N}_.(?\\[]/u.test(after)) return undefined;
  return onGrid(ref) ? ref : undefined;
}

function onGrid(ref: string): boolean {
  const from = ref.lastIndexOf("!") + 1; // after the sheet, if any ("#REF!" alone leaves nothing: on the grid)
  for (let start = from; ;) {
    const colon = ref.indexOf(":", start);
    if (!partOnGrid(ref, start, colon < 0 ? ref.length : colon)) return false;
    if (colon < 0) return true;
    start = colon + 1;
  }
}

/**
 * One end of an area, text[from, to): `$`? column letters? `$`? row digits?, within Excel's grid — read by
 * character, a reference at a time (a plan's formulas hold tens of thousands).
 */
function partOnGrid(text: string, from: number, to: number): boolean {
  let i = from;
  if (i < to && text.charCodeAt(i) === 36) i++; // $
  let col = 0;
  let letters = 0;
  for (; i < to; i++, letters++) {
    const c = text.charCodeAt(i) | 32; // A–Z as a–z
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i < to && text.charCodeAt(i) === 36) i++;
  let row = 0;
  const digitsFrom = i;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    row = row * 10 + (c - 48);
  }
  if (letters > 0 && col > MAX_COL) return false;
  return i === digitsFrom || (row >= 1 && row <= MAX_ROW);
}

export function columnNumber(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return col;
}

/** "[…]" with nested brackets, up to its matching close (or the end of the text). */
function bracketed(text: string, from: number): string {
  let depth = 0;
  for (let j = from; j < text.length; j++) {
    if (text[j] === "[") depth++;
    else if (text[j] === "]" && --depth === 0) return text.slice(from, j + 1);
  }
  return text.slice(from);
}
