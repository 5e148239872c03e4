import { functionsIn } from "../../formula/formulaText";
import { EXCEL_2007_FUNCTIONS, FUTURE_FUNCTION_PREFIX } from "../excel2007Functions";
import { ExcelRule, Violation } from "../rule";

export const excel2007FunctionsOnly: ExcelRule = {
  meta: {
    id: "excel-2007-functions",
    description:
      'Formulas call only functions Excel 2007 computes, or later ones under their "_xlfn." prefix.',
    source:
      'MS-XLSX 2.2.2 "Formulas" (future functions carry "_xlfn."); ECMA-376 Part 1 §18.17.7; Microsoft Support "Excel functions (alphabetical)". The list: core/excelRules/excel2007Functions.ts.',
  },
  check(_plan, _read, formulas) {
    const out: Violation[] = [];
    // A plan repeats its formulas across sheets (a few thousand distinct in tens of thousands): each is judged once.
    const unknownIn = new Map<string, string[]>();
    for (const f of formulas) {
      let unknown = unknownIn.get(f.formula);
      if (!unknown) {
        unknown = [...new Set(functionsIn(f.formula))].filter(
          (fn) => !EXCEL_2007_FUNCTIONS.has(fn) && !fn.startsWith(FUTURE_FUNCTION_PREFIX)
        );
        unknownIn.set(f.formula, unknown);
      }
      for (const fn of unknown)
        out.push({
          rule: this.meta.id,
          sheet: f.sheet,
          at: f.at,
          message: `${fn} is not an Excel 2007 function (write it as _xlfn.${fn} if Excel has it since)`,
        });
    }
    return out;
  },
};
