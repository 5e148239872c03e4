/**
 * Excel's limits for what we write. Each with where it is documented.
 */

/**
 * "Length of formula contents: 8,192 characters" (Microsoft Support, "Excel specifications and limits"), which does
 * not say whether the "=" counts; in an .xlsx "Excel restricts the contents of [ST_Formula] to be at most 8192
 * characters" (MS-OI29500 2.1.1085), stored without "=". Counted here with the "=", the stricter reading, so one
 * formula fits both; the fake Excel (test/excel/fake/formulaRules.ts, enterInput.ts) counts the same way.
 */
export const FORMULA_MAX_CHARS = 8192;

/**
 * The characters of a formula as Excel's limit counts them here: `body` is the formula without its leading "="
 * (as plans hold it; the fake passes what follows the "=" it stores), and the "=" is counted. The one count used
 * by core's rule, core's formula fitting and the fake Excel, so they cannot drift apart. JavaScript's length
 * counts UTF-16 code units, as Excel stores text; a character outside the BMP counts 2 (Microsoft does not say
 * how the limit counts those: the stricter reading).
 */
export function formulaChars(body: string): number {
  return body.length + 1;
}

/**
 * MS-XLS 2.5.37 DValStrings: the error alert's message ≤ 225 characters, the input prompt's ≤ 255, each title ≤ 32.
 * The error stays at 224: "Office restricts the length of the value of the error attribute to 224 characters"
 * in an .xlsx (MS-OI29500 2.1.613), so one plan is safe for Excel and for the file a person saves or cchc writes.
 */
export const VALIDATION_ERROR_MAX_CHARS = 224;
export const VALIDATION_PROMPT_MAX_CHARS = 255;
export const VALIDATION_TITLE_MAX_CHARS = 32;

/** An explicit list typed into a list validation's Source: at most 255 characters ("Apply data validation to
 * cells", Microsoft Support; MS-XLSX stores it as a quoted string formula). */
export const VALIDATION_LIST_MAX_CHARS = 255;

/** A defined name: at most 255 characters ("Names in formulas", Microsoft Support). */
export const NAME_MAX_CHARS = 255;
