import { CellValue, CellWrite, isCellError } from "../core/port";
import { SavedCell } from "../core/snapshot/snapshot";
import { dateToSerial, serialToDate } from "../core/sheet/serialDate";
import { utf8Length } from "./payload";

/**
 * Between Excel's cell data (values, formulas, valueTypes, numberFormat as Office.js gives them) and core's
 * CellValue, and from core's CellWrite to what is put into range.formulas.
 */

/** A number format that shows a date or time: d, m, y, h or s outside quoted text, escapes and [..] sections. */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format || /^general$/i.test(format) || format === "@") return false;
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[[^\]]*\]/g, "");
  return /[dmyhs]/i.test(bare);
}

/** One cell as read: valueType "Error" gives core's {error}, an empty string gives null. */
export function cellValueFrom(
  value: unknown,
  valueType: string | undefined,
  numberFormat?: string | null
): CellValue {
  if (valueType === "Error") return { error: String(value) };
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return isDateFormat(numberFormat) ? serialToDate(value) : value;
  if (typeof value === "string" || typeof value === "boolean") return value;
  return null;
}

/**
 * The formula of a cell, without "=", or undefined. range.formulas also returns constants; a text constant
 * that itself starts with "=" (typed as '=1+2) shows the same text in values, which a real formula cannot.
 */
export function formulaFrom(formula: unknown, value: unknown): string | undefined {
  if (typeof formula !== "string" || formula.length < 2 || formula[0] !== "=") return undefined;
  if (typeof value === "string" && value === formula) return undefined;
  return formula.slice(1);
}

/** What goes into range.formulas for one cell; null leaves the cell as it is (Office.js 2-D array rule). */
export type FormulaInput = string | number | boolean | null;

/**
 * Text is always written as text: every non-empty string gets Excel's apostrophe prefix, so "=1+2",
 * "=HYPERLINK(…)", "-5", "1/2" or "TRUE" stay exactly the text they are. The apostrophe is not part of the value.
 */
export function textInput(text: string): string {
  return text === "" ? "" : "'" + text;
}

export function inputOf(write: CellWrite): FormulaInput {
  if ("formula" in write) return "=" + write.formula;
  const v = write.value;
  if (v === null) return "";
  if (typeof v === "string") return textInput(v);
  if (typeof v === "number" && !Number.isFinite(v)) return "";
  return v;
}

export function inputOfSaved(saved: SavedCell): FormulaInput {
  if (saved === "") return "";
  if ("f" in saved) return "=" + saved.f;
  if ("e" in saved) return saved.e; // a typed error constant such as #N/A is entered as itself
  return typeof saved.v === "string" ? textInput(saved.v) : saved.v;
}

/**
 * Whether what range.formulas now gives for a cell (a formula with "=", else the constant) is the content
 * read earlier. A text constant may come back with or without its apostrophe prefix; both count as the same.
 */
export function sameContent(
  entry: unknown,
  value: CellValue,
  formula: string | null | undefined
): boolean {
  if (formula) return entry === "=" + formula;
  if (value === null) return entry === "" || entry === null || entry === undefined;
  if (isCellError(value)) return entry === value.error;
  const expected = value instanceof Date ? dateToSerial(value) : value;
  if (typeof expected === "number")
    return (
      typeof entry === "number" &&
      Number(entry.toPrecision(12)) === Number(expected.toPrecision(12))
    );
  if (typeof expected === "string") return entry === expected || entry === "'" + expected;
  return entry === expected;
}

/** About how many bytes a cell's formulas entry takes in a response. */
export function contentBytes(value: CellValue, formula: string | null | undefined): number {
  if (formula) return formula.length + 4;
  if (value === null) return 3;
  if (typeof value === "string") return utf8Length(value) + 3;
  return 16;
}
