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
const REF = new RegExp(String.raw`^(?:${SHEET})?(?:${AREA}|#REF!)`, "u");
const IDENT = /^[\p{L}_\\][\p{L}\p{N}_.?\\]*/u;
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
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

export function tokenize(formula: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let arrayDepth = 0;
  const push = (kind: TokenKind, text: string) => {
    out.push({ kind, text });
    i += text.length;
  };
  while (i < formula.length) {
    const rest = formula.slice(i);
    const ch = rest[0];
    if (ch === '"') {
      let j = 1;
      for (; j < rest.length; j++) {
        if (rest[j] !== '"') continue;
        if (rest[j + 1] === '"') j++;
        else break;
      }
      push("string", rest.slice(0, j + 1));
      continue;
    }
    if (/\s/.test(ch)) {
      push("space", /^\s+/.exec(rest)![0]);
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
      const error = ERRORS.find((e) => rest.toUpperCase().startsWith(e));
      if (error) {
        push("error", rest.slice(0, error.length));
        continue;
      }
    }
    if (ch === "[") {
      push("structured", bracketed(rest));
      continue;
    }
    const ref = referenceAt(rest);
    if (ref) {
      push("ref", ref);
      continue;
    }
    const ident = IDENT.exec(rest)?.[0];
    if (ident) {
      const after = rest[ident.length];
      if (after === "(") push("function", ident + "(");
      else if (after === "[") push("structured", ident + bracketed(rest.slice(ident.length)));
      else if (/^(TRUE|FALSE)$/i.test(ident)) push("bool", ident);
      else push("name", ident);
      continue;
    }
    const number = NUMBER.exec(rest)?.[0];
    if (number) {
      push("number", number);
      continue;
    }
    const op = OPERATORS.find((o) => rest.startsWith(o));
    push(op ? "operator" : "other", op ?? ch);
  }
  return out;
}

/** A reference at the start of `text`, if what is there is one (and not a function such as LOG10( or a name). */
function referenceAt(text: string): string | undefined {
  const m = REF.exec(text);
  if (!m) return undefined;
  const ref = m[0];
  const after = text[ref.length] ?? "";
  // "LOG10(" is a function, "A1B" or "_cchc.x" a name, "A1.5" nothing we know: not references.
  if (/^[\p{L}\p{N}_.(?\\[]/u.test(after)) return undefined;
  return onGrid(ref) ? ref : undefined;
}

function onGrid(ref: string): boolean {
  const area = ref.includes("!") ? ref.slice(ref.lastIndexOf("!") + 1) : ref;
  if (area === "#REF!") return true;
  return area.split(":").every((part) => {
    const m = /^\$?([A-Za-z]*)\$?(\d*)$/.exec(part);
    if (!m) return false;
    if (m[1] && columnNumber(m[1]) > MAX_COL) return false;
    if (m[2] && (Number(m[2]) < 1 || Number(m[2]) > MAX_ROW)) return false;
    return true;
  });
}

export function columnNumber(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return col;
}

/** "[…]" with nested brackets, up to its matching close (or the end of the text). */
function bracketed(text: string): string {
  let depth = 0;
  for (let j = 0; j < text.length; j++) {
    if (text[j] === "[") depth++;
    else if (text[j] === "]" && --depth === 0) return text.slice(0, j + 1);
  }
  return text;
}
