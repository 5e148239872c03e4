import type { UnitFacts } from "../facts/types";
import { Lang } from "../i18n/lang";
import { RuleId } from "./ruleIds";
import { Finding, Severity, Where } from "./types";

/** One message of a rule: its typed params, the finding (for its criterion) and a number formatter. */
export type Render<P> = (p: P, f: Pick<Finding, "criterion">, n: (x: number) => string) => string;

/** Reports one finding of the rule that was handed it. */
export type Report<P> = (where: Where, params: P) => void;

export interface RuleSpec<Id extends RuleId, S extends Severity, P> {
  id: Id;
  severity: S;
  /** Vietnamese first, with English. */
  messages: Record<Lang, Render<P>>;
  /**
   * The check over one unit sheet's facts (facts/unitFacts.ts). Absent for the rules decided on a whole sheet, a
   * file or a run (header-not-found, merged-score-cells, not-calculated, no-scoring-sheet, weak-criterion): their
   * code builds the finding with `rule.finding`, so params are typed there too.
   */
  check?: (facts: UnitFacts, report: Report<P>) => void;
}

export interface Rule<
  Id extends RuleId = RuleId,
  S extends Severity = Severity,
  P = any,
> extends RuleSpec<Id, S, P> {
  /** This rule's finding at `where` with `params`. */
  finding(where: Where, params: P): Finding;
}

/**
 * Makes a finding rule (after typescript-eslint's createRule and ESLint's `{ meta, create }`): the params type is
 * given, the id and severity are inferred as literals, so the registry can check each id maps to its own rule.
 *
 *   export default createRule<{ score: number }>()({ id: "missing-evidence", severity: "error", messages, check })
 */
export function createRule<P>() {
  return <Id extends RuleId, S extends Severity>(spec: RuleSpec<Id, S, P>): Rule<Id, S, P> => ({
    ...spec,
    finding: (where, params) => ({
      rule: spec.id,
      severity: spec.severity,
      ...where,
      params: params as Record<string, unknown>,
    }),
  });
}
