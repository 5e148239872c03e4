import { hasArrayConstant, hasIntersection, hasUnion } from "../../formula/formulaText";
import { ExcelRule, Violation } from "../rule";

export const ruleFormulaOperands: ExcelRule = {
  meta: {
    id: "rule-formula-operands",
    description:
      "Conditional-format and data-validation formulas (a list's source included) hold no array constant, union or intersection.",
    source:
      'MS-XLSX / ISO/IEC 29500 CT_CfRule and CT_DataValidation formulas as Excel reads them; Excel\'s own refusal: "You cannot use unions, intersections, or array constants for Conditional Formatting criteria."',
  },
  check(_plan, _read, formulas) {
    const out: Violation[] = [];
    // Each sheet repeats the same rule formulas: each distinct one is judged once.
    const judged = new Map<string, string | undefined>();
    const judge = (formula: string) =>
      hasArrayConstant(formula)
        ? "an array constant"
        : hasUnion(formula)
          ? "a union"
          : hasIntersection(formula)
            ? "an intersection"
            : undefined;
    for (const f of formulas) {
      if (f.place !== "conditionalFormat" && f.place !== "validation") continue;
      if (!judged.has(f.formula)) judged.set(f.formula, judge(f.formula));
      const what = judged.get(f.formula);
      if (what)
        out.push({
          rule: this.meta.id,
          sheet: f.sheet,
          at: f.at,
          message: `${f.place} formula holds ${what}`,
        });
    }
    return out;
  },
};
