import { hasArrayConstant, hasIntersection, hasUnion } from "../../formula/formulaText";
import { planFormulas } from "../planFormulas";
import { ExcelRule, Violation } from "../rule";

export const ruleFormulaOperands: ExcelRule = {
  meta: {
    id: "rule-formula-operands",
    description:
      "Conditional-format and data-validation formulas (a list's source included) hold no array constant, union or intersection.",
    source:
      'MS-XLSX / ISO/IEC 29500 CT_CfRule and CT_DataValidation formulas as Excel reads them; Excel\'s own refusal: "You cannot use unions, intersections, or array constants for Conditional Formatting criteria."',
  },
  check(plan) {
    const out: Violation[] = [];
    for (const f of planFormulas(plan)) {
      if (f.place !== "conditionalFormat" && f.place !== "validation") continue;
      const what = hasArrayConstant(f.formula)
        ? "an array constant"
        : hasUnion(f.formula)
          ? "a union"
          : hasIntersection(f.formula)
            ? "an intersection"
            : undefined;
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
