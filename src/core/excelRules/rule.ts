import { WorkbookRead, WritePlan } from "../port";
import { PlanFormula } from "./planFormulas";

/** One thing in a plan that Excel would refuse, mangle or compute differently. */
export interface Violation {
  rule: string;
  /** The sheet the write is on, where it is on one. */
  sheet?: string;
  /** The cell, range, rule key or name concerned. */
  at?: string;
  message: string;
}

/**
 * One of Excel's rules for what we write, in the shape of an ESLint rule: what it is, where it comes from, and a
 * check over a plan (and the workbook it will be applied to, where that matters).
 */
export interface ExcelRule {
  meta: {
    id: string;
    description: string;
    /** The documentation the rule follows. */
    source: string;
  };
  /** `formulas`: every formula of the plan (planFormulas), made once for all the rules. */
  check(
    plan: WritePlan,
    read: WorkbookRead | undefined,
    formulas: readonly PlanFormula[]
  ): Violation[];
}

/** A plan that breaks Excel's rules: a bug in core, thrown before anything is written. */
export class ExcelRuleError extends Error {
  constructor(readonly violations: Violation[]) {
    super(
      `The write plan breaks Excel's rules (${violations.length}):\n` +
        violations
          .slice(0, 20)
          .map(
            (v) =>
              `- ${v.rule}${v.sheet !== undefined ? ` [${v.sheet}]` : ""}${v.at !== undefined ? ` ${v.at}` : ""}: ${v.message}`
          )
          .join("\n") +
        (violations.length > 20 ? `\n… and ${violations.length - 20} more` : "")
    );
    this.name = "ExcelRuleError";
  }
}
