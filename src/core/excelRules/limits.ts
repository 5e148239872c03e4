/**
 * Excel's limits for what we write. Each with where it is documented.
 */

/** "Length of formula contents: 8,192 characters" (Microsoft Support, "Excel specifications and limits"); the
 * count includes the leading "=" as the formula bar shows it. */
export const FORMULA_MAX_CHARS = 8192;

/** MS-XLS 2.5.37 DValStrings: the error alert's message ≤ 225 characters, the input prompt's ≤ 255, each title ≤ 32. */
export const VALIDATION_ERROR_MAX_CHARS = 225;
export const VALIDATION_PROMPT_MAX_CHARS = 255;
export const VALIDATION_TITLE_MAX_CHARS = 32;

/** An explicit list typed into a list validation's Source: at most 255 characters ("Apply data validation to
 * cells", Microsoft Support; MS-XLSX stores it as a quoted string formula). */
export const VALIDATION_LIST_MAX_CHARS = 255;

/** A defined name: at most 255 characters ("Names in formulas", Microsoft Support). */
export const NAME_MAX_CHARS = 255;
