import { FORMULA_MAX_CHARS, formulaChars } from "../limits";
import { ExcelRule } from "../rule";

export const formulaLength: ExcelRule = {
  meta: {
    id: "formula-length",
    description: `Every formula (cells, conditional formats, validations, names) has at most ${FORMULA_MAX_CHARS} characters, "=" included.`,
    source:
      'Microsoft Support, "Excel specifications and limits": length of formula contents, 8,192 characters.',
  },
  check(_plan, _read, formulas) {
    const out = [];
    for (const f of formulas)
      if (formulaChars(f.formula) > FORMULA_MAX_CHARS)
        out.push({
          rule: this.meta.id,
          sheet: f.sheet,
          at: f.at,
          message: `${f.place} formula of ${formulaChars(f.formula)} characters`,
        });
    return out;
  },
};
