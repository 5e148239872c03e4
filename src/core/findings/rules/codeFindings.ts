import { UnitFacts } from "../../facts/types";
import { Report } from "../createRule";
import { RuleId } from "../ruleIds";
import { Finding, Where } from "../types";

/** Reports the findings of matching codes to the set (sheet/resolveCodes.ts) that are `rule`'s. */
export function reportCodeFindings<P>(rule: RuleId, facts: UnitFacts, report: Report<P>): void {
  for (const f of facts.codeFindings) if (f.rule === rule) report(whereOf(f), f.params as P);
}

/** A finding's place, its keys in their order (the report keeps it). */
function whereOf(f: Finding): Where {
  const at: Partial<Finding> = { ...f };
  delete at.rule;
  delete at.severity;
  delete at.params;
  return at;
}
