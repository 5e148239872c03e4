import { columnLetter, sheetRef } from "../sheet/address";
import { columnNumber, MAX_COL, MAX_ROW, Token, tokenize } from "./tokenize";

/**
 * What a formula says, moved by (dRows, dCols) as Excel moves it when it fills a cell from another: relative rows
 * and columns move, absolute ones ($) stay; a reference pushed off the grid becomes #REF!. Used to give each cell
 * of a shared-formula group its own formula.
 */
export function shiftFormula(formula: string, dRows: number, dCols: number): string {
  if (dRows === 0 && dCols === 0) return formula;
  return tokenize(formula)
    .map((t) => (t.kind === "ref" ? shiftReference(t.text, dRows, dCols) : t.text))
    .join("");
}

function shiftReference(ref: string, dRows: number, dCols: number): string {
  const bang = ref.lastIndexOf("!");
  const sheet = bang >= 0 ? ref.slice(0, bang + 1) : "";
  const area = ref.slice(sheet.length);
  if (area === "#REF!") return ref;
  const parts = area.split(":").map((part) => {
    const m = /^(\$?)([A-Za-z]*)(\$?)(\d*)$/.exec(part)!;
    const [, colAbs, letters, rowAbs, digits] = m;
    let col = letters;
    let row = digits;
    if (letters && !colAbs) {
      const c = columnNumber(letters) + dCols;
      if (c < 1 || c > MAX_COL) return undefined;
      col = columnLetter(c);
    }
    if (digits && !rowAbs) {
      const r = Number(digits) + dRows;
      if (r < 1 || r > MAX_ROW) return undefined;
      row = String(r);
    }
    return `${colAbs}${col}${rowAbs}${row}`;
  });
  if (parts.some((p) => p === undefined)) return `${sheet}#REF!`;
  return sheet + parts.join(":");
}

/**
 * A formula as a comparison key: without the leading "=", without spaces outside strings, and in upper case
 * outside strings — hosts give back `=sum( a1 )` as `SUM(A1)`, and sheet names compare without case.
 */
export function formulaKey(formula: string): string {
  return tokenize(formula.replace(/^\s*=/, ""))
    .filter((t) => t.kind !== "space")
    .map((t) => (t.kind === "string" ? t.text : t.text.toUpperCase()))
    .join("");
}

const MEMO_SIZE = 4096;
let memo = new Map<string, readonly Token[]>();

/**
 * The formula's tokens, remembered for the last few thousand formulas: checking a plan asks several questions of
 * each of its formulas (functions, arrays, unions, intersections), and tokenizing them once each halves its cost.
 */
function tokensOf(formula: string): readonly Token[] {
  let tokens = memo.get(formula);
  if (!tokens) {
    if (memo.size >= MEMO_SIZE) memo = new Map();
    tokens = tokenize(formula);
    memo.set(formula, tokens);
  }
  return tokens;
}

/** The functions a formula calls, upper case, as written ("_XLFN.LAMBDA" keeps its prefix). */
export function functionsIn(formula: string): string[] {
  return tokensOf(formula)
    .filter((t) => t.kind === "function")
    .map((t) => t.text.slice(0, -1).toUpperCase());
}

export function hasArrayConstant(formula: string): boolean {
  return tokensOf(formula).some((t) => t.kind === "arrayOpen");
}

/**
 * A union: a comma that separates references outside any function's arguments — at the top level of the
 * formula, or inside parentheses that only group ("SUM((A1,B1))").
 */
export function hasUnion(formula: string): boolean {
  const stack: ("function" | "group" | "array")[] = [];
  for (const t of tokensOf(formula)) {
    if (t.kind === "function") stack.push("function");
    else if (t.kind === "open") stack.push("group");
    else if (t.kind === "arrayOpen") stack.push("array");
    else if (t.kind === "close" || t.kind === "arrayClose") stack.pop();
    else if (t.kind === "comma" && (stack.length === 0 || stack[stack.length - 1] === "group"))
      return true;
  }
  return false;
}

/** An intersection: a space between two operands that can be references ("A1:B5 B2:C9"). */
export function hasIntersection(formula: string): boolean {
  const tokens = tokensOf(formula);
  for (let i = 1; i < tokens.length - 1; i++) {
    if (tokens[i].kind !== "space") continue;
    if (endsOperand(tokens[i - 1]) && startsOperand(tokens[i + 1])) return true;
  }
  return false;
}

function endsOperand(t: Token): boolean {
  return t.kind === "ref" || t.kind === "name" || t.kind === "close" || t.kind === "structured";
}

function startsOperand(t: Token): boolean {
  return (
    t.kind === "ref" ||
    t.kind === "name" ||
    t.kind === "open" ||
    t.kind === "function" ||
    t.kind === "structured"
  );
}

/**
 * The formula as written on another sheet: every reference without a sheet gets `sheet`'s ("E12" →
 * "'An Bình'!E12"); names, functions and references that name a sheet stay as they are.
 */
export function qualifyReferences(formula: string, sheet: string): string {
  return tokenize(formula)
    .map((t) => (t.kind === "ref" && !t.text.includes("!") ? sheetRef(sheet, t.text) : t.text))
    .join("");
}

/**
 * The sheets a formula's references name ("'Tổng hợp'!C5+Xã_A!E7" → ["Tổng hợp", "Xã_A"]), each end of a 3-D range
 * ("Sheet1:Sheet3!A1") as written; references into another workbook ("[1]Sheet!A1") are left out.
 */
export function sheetsReferenced(formula: string): string[] {
  const out = new Set<string>();
  const tokens = tokenize(formula);
  for (const [i, t] of tokens.entries()) {
    if (t.kind !== "ref" || !t.text.includes("!")) continue;
    // "[1]Sheet!A1": the workbook index comes as a token of its own.
    if (i > 0 && /^\[\d+\]$/.test(tokens[i - 1].text)) continue;
    const prefix = t.text.slice(0, t.text.lastIndexOf("!"));
    if (prefix.startsWith("'")) {
      const inner = prefix.slice(1, -1).replace(/''/g, "'");
      if (inner.startsWith("[")) continue;
      inner.split(":").forEach((s) => out.add(s));
    } else if (!prefix.startsWith("[")) prefix.split(":").forEach((s) => out.add(s));
  }
  return [...out];
}
