/**
 * The finding rules of the report contract (docs/contracts/report.md), in its table's order, then the ones this
 * project added. Names are a contract: never rename one; add new ones at the end. The registry
 * (findings/rules/index.ts) must hold a rule for each, or the build fails.
 */
export const RULE_IDS = [
  "header-not-found",
  "missing-criterion",
  "unknown-criterion",
  "duplicate-criterion",
  "ambiguous-code",
  "max-mismatch",
  "score-missing",
  "score-not-numeric",
  "number-as-text",
  "score-out-of-range",
  "score-not-allowed",
  "score-ratio-mismatch",
  "not-applicable-not-allowed",
  "formula-error",
  "subtotal-mismatch",
  "missing-evidence",
  "below-threshold",
  "survey-self-scored",
  "appraisal-without-note",
  "appraisal-missing",
  "weak-criterion",
  "not-calculated",
  // Added by this project (the contract allows additions):
  "no-scoring-sheet",
  "merged-score-cells",
  "unit-group-unknown",
  "not-assessed-scored",
] as const;

export type RuleId = (typeof RULE_IDS)[number];
