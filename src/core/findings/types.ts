import { RuleId } from "./ruleIds";

export type Severity = "error" | "warning" | "info";

/** Which score column a finding is about. */
export type ScoreColumn = "self" | "appraised" | "max" | "ratio" | "total";

export interface Finding {
  rule: RuleId;
  severity: Severity;
  file?: string;
  sheet?: string;
  cell?: string;
  criterion?: string;
  params: Record<string, unknown>;
  /** For ordering only (file, sheet, row, rule); not part of the report. */
  row?: number;
}

/** Where a finding is: everything but its rule, severity and params. */
export type Where = Omit<Finding, "rule" | "severity" | "params">;
