/**
 * What Excel accepts as a rule formula (a conditional format's or a data validation's).
 *
 * Length: "Length of formula contents: 8,192 characters" (support.microsoft.com, "Excel specifications and
 * limits", Calculation specifications). The fake counts the text with its "=", as it does for cells
 * (enterInput); certain for cells, applied to rules because they are formulas of the same grammar.
 */
export const FORMULA_MAX = 8192;

/** Why Excel refuses `formula` as a rule formula, or undefined. */
export function ruleFormulaProblem(formula: string): string | undefined {
  if (formula.length > FORMULA_MAX)
    return `formula of ${formula.length} characters (max ${FORMULA_MAX})`;
  return undefined;
}
