/**
 * Our conditional formats are known by their formula: the same formula on the same sheet is the rule an earlier
 * run added. Compared without "=" and spaces, as hosts give them back either way.
 */
export function ruleFormulaKey(formula: string): string {
  return formula.replace(/^=/, "").replace(/\s+/g, "");
}
