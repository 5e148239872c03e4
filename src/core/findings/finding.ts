export type Severity = "error" | "warning" | "info";

/** Rule names are a contract (docs/contracts/report.md): never rename one; add new ones at the end. */
export const RULE_SEVERITY = {
  "header-not-found": "error",
  "missing-criterion": "error",
  "unknown-criterion": "error",
  "duplicate-criterion": "error",
  "ambiguous-code": "warning",
  "max-mismatch": "error",
  "score-missing": "warning",
  "score-not-numeric": "error",
  "number-as-text": "warning",
  "score-out-of-range": "error",
  "score-not-allowed": "error",
  "score-ratio-mismatch": "error",
  "not-applicable-not-allowed": "error",
  "formula-error": "error",
  "subtotal-mismatch": "error",
  "missing-evidence": "error",
  "below-threshold": "warning",
  "survey-self-scored": "warning",
  "appraisal-without-note": "warning",
  "appraisal-missing": "info",
  "weak-criterion": "warning",
  "not-calculated": "error",
  // Added by this project (the contract allows additions):
  "no-scoring-sheet": "error",
  "merged-score-cells": "warning",
} as const satisfies Record<string, Severity>;

export type RuleName = keyof typeof RULE_SEVERITY;

/** Which score column a finding is about. */
export type ScoreColumn = "self" | "appraised" | "max" | "ratio" | "total";

export interface Finding {
  rule: RuleName;
  severity: Severity;
  file?: string;
  sheet?: string;
  cell?: string;
  criterion?: string;
  params: Record<string, unknown>;
  /** For ordering only (file, sheet, row, rule); not part of the report. */
  row?: number;
}

export function finding(rule: RuleName, at: Omit<Finding, "rule" | "severity">): Finding {
  return { rule, severity: RULE_SEVERITY[rule], ...at };
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.file ?? "", b.file ?? "") ||
    cmp(a.sheet ?? "", b.sheet ?? "") ||
    (a.row ?? 0) - (b.row ?? 0) ||
    cmp(a.rule, b.rule) ||
    cmp(a.cell ?? "", b.cell ?? "")
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
