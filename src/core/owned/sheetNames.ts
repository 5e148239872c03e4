/**
 * Sheet names compared as Excel compares them: without regard to case. Excel also takes the composed and the
 * decomposed forms of a Vietnamese letter ("ổ" as one code point or as "o" with two marks) for the same name, so
 * they are compared in one form (NFC) too.
 */
export function sheetNameKey(name: string): string {
  return name.normalize("NFC").toLowerCase();
}

export function sameSheetName(a: string, b: string): boolean {
  return sheetNameKey(a) === sheetNameKey(b);
}

/** Excel's sheet-name rules (also checked by core/excelRules): what is wrong with a name, or undefined. */
export function sheetNameProblem(name: string): string | undefined {
  if (name.length === 0) return "is empty";
  if (name.length > SHEET_NAME_MAX)
    return `has ${name.length} characters (at most ${SHEET_NAME_MAX})`;
  const bad = /[[\]:*?/\\]/.exec(name);
  if (bad) return `holds "${bad[0]}"`;
  if (name.startsWith("'") || name.endsWith("'")) return "starts or ends with an apostrophe";
  if (sameSheetName(name, RESERVED_SHEET_NAME))
    return `is "${RESERVED_SHEET_NAME}", which Excel keeps for itself`;
  return undefined;
}

/** Excel: "Sheet names cannot … exceed 31 characters" ("Rename a worksheet", Microsoft Support). */
export const SHEET_NAME_MAX = 31;
/** Excel reserves "History" (the change-tracking sheet of a shared workbook). */
export const RESERVED_SHEET_NAME = "History";
