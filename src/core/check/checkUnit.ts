import { IndexedSet } from "../criteria/indexed";
import { UnitFacts } from "../facts/types";
import { readUnitFacts } from "../facts/unitFacts";
import { Finding } from "../findings/finding";
import { UNIT_RULES } from "../findings/rules";
import { Rule } from "../findings/createRule";
import { UnitSheet } from "../sheet/unitSheet";

export type { AdjustmentValues } from "../facts/types";

/** One unit sheet's facts that scoring, planning and reports use, and what the rules found on it. */
export type UnitCheck = Pick<
  UnitFacts,
  "unit" | "rows" | "values" | "adjustments" | "hasAppraisalColumn"
> & { findings: Finding[] };

/** Every per-sheet rule of docs/contracts/report.md on one unit sheet: facts first, then each rule over them. */
export function checkUnit(set: IndexedSet, unit: UnitSheet): UnitCheck {
  const facts = readUnitFacts(set, unit);
  const { rows, values, adjustments, hasAppraisalColumn } = facts;
  return { unit, rows, values, adjustments, hasAppraisalColumn, findings: runRules(facts) };
}

/** The findings of `rules` (by default every rule with a check over unit facts), rule by rule. */
export function runRules(facts: UnitFacts, rules: Rule[] = UNIT_RULES): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules)
    rule.check?.(facts, (where, params) => findings.push(rule.finding(where, params)));
  return findings;
}
