import { WorkbookRead, WritePlan } from "../port";
import { planFormulas } from "./planFormulas";
import { ExcelRule, ExcelRuleError, Violation } from "./rule";
import { definedNames } from "./rules/definedNames";
import { excel2007FunctionsOnly } from "./rules/excel2007FunctionsOnly";
import { formulaLength } from "./rules/formulaLength";
import { ownedSheetsOnly } from "./rules/ownedSheetsOnly";
import { ruleFormulaOperands } from "./rules/ruleFormulaOperands";
import { sheetNames } from "./rules/sheetNames";
import { validationText } from "./rules/validationText";

export { ExcelRuleError };
export type { ExcelRule, Violation };

/** Every rule a plan must follow before an adapter applies it (docs/writing-workbooks.md §3). */
export const EXCEL_RULES: readonly ExcelRule[] = [
  formulaLength,
  ruleFormulaOperands,
  excel2007FunctionsOnly,
  validationText,
  sheetNames,
  definedNames,
  ownedSheetsOnly,
];

/** What in a plan breaks Excel's rules; `read` (the workbook it will be applied to) adds the checks that need it. */
export function checkPlan(plan: WritePlan, read?: WorkbookRead): Violation[] {
  const formulas = planFormulas(plan);
  return EXCEL_RULES.flatMap((rule) => rule.check(plan, read, formulas));
}

/** Throws an ExcelRuleError listing every violation: a plan that breaks a rule never reaches a workbook. */
export function assertPlanFollowsExcel(plan: WritePlan, read?: WorkbookRead): void {
  const violations = checkPlan(plan, read);
  if (violations.length) throw new ExcelRuleError(violations);
}
