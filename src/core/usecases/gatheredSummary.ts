import { UnitResult } from "../check/checkWorkbook";
import { IndexedSet } from "../criteria/indexed";
import { Finding } from "../findings/finding";
import { planGatheredSummary } from "../plan/workbookPlan";
import { WritePlan } from "../port";
import { leafAverages, weakCriterionFindings } from "../scoring/leafAverages";

/** Last year's index and rank per unit, in the order of the units (null: not found last year). */
export type PreviousFigures = ({ index: number; rank: number } | null)[];

/**
 * "Tổng hợp" of many checked workbooks (cchc summary): the findings with the criteria most units scored low on,
 * and the plan of a new workbook holding the summary of every unit — with last year's figures beside them where
 * given (`summary --previous`, which matches units on the report built from these findings, hence a function).
 */
export function gatheredSummary(
  set: IndexedSet,
  units: UnitResult[],
  findings: Finding[]
): { findings: Finding[]; plan: (previous?: PreviousFigures) => WritePlan } {
  const leaves = leafAverages(
    set,
    units.map((u) => u.check.values)
  );
  return {
    findings: [...findings, ...weakCriterionFindings(leaves)],
    plan: (previous) => planGatheredSummary(set, units, leaves, undefined, previous),
  };
}
