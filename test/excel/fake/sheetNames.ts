/**
 * Excel's sheet-name rules, from its rename dialog: not blank, at most 31 characters, none of : \ / ? * [ ],
 * not beginning or ending with an apostrophe; and "History" is reserved.
 */
export function badSheetName(name: string): boolean {
  return (
    name.length === 0 ||
    name.length > 31 ||
    /[[\]:*?/\\]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.toLowerCase() === "history"
  );
}
