/**
 * What Excel accepts as a rule formula (a conditional format's, or a data validation's: custom formula, a
 * list source given as a formula, formula1/formula2).
 *
 * - No array constants, unions or intersections. MS-XLSB 2.5.56 FRTCFParsedFormula14 (conditional formats,
 *   Excel 2010 on) and 2.5.98.8 DVParsedFormula (data validation): the formula "MUST NOT contain … PtgIsect,
 *   PtgUnion, PtgArray"; MS-XLS 2.5.198.5 CFParsedFormula and 2.5.198.9 DVParsedFormula say the same for
 *   .xls. Excel's Conditional Formatting dialog refuses them too ("You cannot use unions, intersections, or
 *   array constants for Conditional Formatting criteria", as quoted in issue 9; not found in an indexed
 *   Microsoft page). Certain for the file formats, which hold Excel's parsed formulas, so Excel cannot hold
 *   such a rule; what Office.js does when asked is not documented (the fake refuses: InvalidArgument).
 * - Length: "Length of formula contents: 8,192 characters" (support.microsoft.com, "Excel specifications
 *   and limits", Calculation specifications). The fake counts the text with its "=", as it does for cells
 *   (enterInput); certain for cells, applied to rules because they are formulas of the same grammar.
 */
import { formulaChars, FORMULA_MAX_CHARS } from "../../../src/core/excelRules/limits";

export const FORMULA_MAX = FORMULA_MAX_CHARS;

/** Why Excel refuses `formula` (with or without its "=") as a rule formula, or undefined. */
export function ruleFormulaProblem(formula: string): string | undefined {
  const body = formula.replace(/^=/, "");
  // Counted by core's own function (formulaChars), so the fake and core cannot count differently.
  if (formulaChars(body) > FORMULA_MAX)
    return `formula of ${formulaChars(body)} characters (max ${FORMULA_MAX})`;
  return forbiddenOperator(body);
}

const REF_END = /[A-Za-z0-9_$.)'\]!#?]/;
const REF_START = /[A-Za-z$('_]/;

/**
 * An array constant ({…}), a union (a comma outside a function's argument list: "A1,B1" or "(A1,B1)") or an
 * intersection (a space between two operands: "A1:B5 B2:C3") in the formula, outside string literals and
 * quoted sheet names.
 */
function forbiddenOperator(f: string): string | undefined {
  const parens: ("call" | "group")[] = [];
  let i = 0;
  while (i < f.length) {
    const ch = f[i];
    if (ch === '"' || ch === "'") {
      // A string literal, or a quoted sheet name; a doubled quote is one quote inside.
      i++;
      while (i < f.length && !(f[i] === ch && f[i + 1] !== ch)) i += f[i] === ch ? 2 : 1;
      i++;
      continue;
    }
    if (ch === "{") return "an array constant";
    if (ch === "(") parens.push(i > 0 && /[A-Za-z0-9_.]/.test(f[i - 1]) ? "call" : "group");
    else if (ch === ")") parens.pop();
    else if (ch === "," && parens[parens.length - 1] !== "call") return "a union";
    else if (ch === " ") {
      let j = i;
      while (f[j] === " ") j++;
      const before = i > 0 ? f[i - 1] : "";
      const after = f[j] ?? "";
      if (REF_END.test(before) && REF_START.test(after)) return "an intersection";
      i = j;
      continue;
    }
    i++;
  }
  return undefined;
}
