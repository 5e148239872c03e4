import { FORMULA_MAX_CHARS } from "../limits";
import { planFormulas } from "../planFormulas";
import { ExcelRule } from "../rule";

export const formulaLength: ExcelRule = {
  meta: {
    id: "formula-length",
    description: `Every formula (cells, conditional formats, validations, names) has at most ${FORMULA_MAX_CHARS} characters, "=" included.`,
    source:
      'Microsoft Support, "Excel specifications and limits": length of formula contents, 8,192 characters.',
  },
  check(plan) {
    const out = [];
    for (const f of planFormulas(plan))
      if (f.formula.length + 1 > FORMULA_MAX_CHARS)
        out.push({
          rule: this.meta.id,
          sheet: f.sheet,
          at: f.at,
          message: `${f.place} formula of ${f.formula.length + 1} characters`,
        });
    return out;
  },
};
