import { RuleId } from "./ruleIds";
import { RULES } from "./rules";
import { Finding, Where } from "./types";

export type { Finding, ScoreColumn, Severity, Where } from "./types";

/** Rule names are a contract (docs/contracts/report.md): the ids of findings/ruleIds.ts. */
export type RuleName = RuleId;

/** Each rule's severity, read from the registry. */
export const RULE_SEVERITY = Object.fromEntries(
  Object.values(RULES).map((r) => [r.id, r.severity])
) as { [K in RuleId]: (typeof RULES)[K]["severity"] };

/** A finding of `rule` with untyped params; a rule's own `finding` types them (findings/rules/<rule>.ts). */
export function finding(rule: RuleName, at: Where & { params: Record<string, unknown> }): Finding {
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
