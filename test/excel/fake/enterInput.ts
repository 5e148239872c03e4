import { formulaChars, FORMULA_MAX_CHARS } from "../../../src/core/excelRules/limits";
import { OfficeError } from "./errors";
import type { FakeCell, FakeSheet } from "./model";

/** What Excel does with a value entered into a cell (range.values or range.formulas), as typing does. */
export function enterInput(sheet: FakeSheet, row: number, col: number, input: unknown): void {
  if (input === null || input === undefined) return; // null in a 2-D array leaves the cell as it is
  const keepFormat = sheet.cell(row, col)?.numberFormat;
  const put = (cell: FakeCell) =>
    sheet.put(row, col, { ...cell, ...(keepFormat ? { numberFormat: keepFormat } : {}) });
  if (typeof input === "number" || typeof input === "boolean") return put({ value: input });
  if (typeof input !== "string")
    throw new OfficeError("InvalidArgument", `cannot enter ${typeof input}`);
  if (input === "") return put({ value: null });
  if (input.startsWith("'")) return put({ value: input.slice(1) });
  // A cell formatted as Text keeps what is entered as text, a formula too: "Text — Treats the content of a
  // cell as text and displays the content exactly as you type it, even when you type numbers"
  // (support.microsoft.com, "Available number formats in Excel"). Certain for typing; range.formulas enters
  // values as typing does (Range.formulas: "Represents the formula in A1-style notation").
  if (keepFormat === "@") return put({ value: input });
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(input.trim()))
    return put({ value: Number(input) });
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(input.trim()))
    return put({ value: Number(input.trim().slice(0, -1)) / 100 });
  if (/^(true|false)$/i.test(input)) return put({ value: input.toLowerCase() === "true" });
  if (/^#(REF!|VALUE!|N\/A|NAME\?|DIV\/0!|NUM!|NULL!)$/.test(input))
    return put({ value: { error: input } });
  if (input.length > 1 && /^[=+\-@]/.test(input)) {
    // Stored with one "=" ("+A1" becomes "=+A1"), counted as core counts it (formulaChars; limits.ts cites
    // "Excel specifications and limits").
    const formula = input[0] === "=" ? input : "=" + input;
    if (formulaChars(formula.slice(1)) > FORMULA_MAX_CHARS)
      throw new OfficeError("FormulaLengthExceedsLimit", "formula too long");
    return put({ value: null, formula });
  }
  if (input.length > 32767)
    throw new OfficeError("InvalidArgument", "text longer than a cell holds");
  put({ value: input });
}
