import { UnitFacts } from "../../facts/types";
import { Report } from "../createRule";
import { RuleId } from "../ruleIds";
import { Finding, Where } from "../types";
import { isNotAssessed } from "../../facts/notAssessed";

/**
 * Reports the findings of matching codes to the set (sheet/resolveCodes.ts) that are `rule`'s, but none about a
 * criterion the unit's group is not assessed on (its rows may well be left out).
 */
export function reportCodeFindings<P>(rule: RuleId, facts: UnitFacts, report: Report<P>): void {
  for (const f of facts.codeFindings)
    if (
      f.rule === rule &&
      !(f.criterion !== undefined && isNotAssessed(facts.set, facts.group, f.criterion))
    )
      report(whereOf(f), f.params as P);
}

/** A finding's place, its keys in their order (the report keeps it). */
function whereOf(f: Finding): Where {
  const at: Partial<Finding> = { ...f };
  delete at.rule;
  delete at.severity;
  delete at.params;
  return at;
}
