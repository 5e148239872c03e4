import { UnitResult } from "../check/checkWorkbook";
import { IndexedSet } from "../criteria/indexed";
import { Finding } from "../findings/finding";
import { planGatheredSummary } from "../plan/workbookPlan";
import { WritePlan } from "../port";
import { leafAverages, weakCriterionFindings } from "../scoring/leafAverages";

/**
 * "Tổng hợp" of many checked workbooks (cchc summary): the plan of a new workbook holding the summary of every
 * unit, and the findings with the criteria most units scored low on.
 */
export function gatheredSummary(
  set: IndexedSet,
  units: UnitResult[],
  findings: Finding[]
): { plan: WritePlan; findings: Finding[] } {
  const leaves = leafAverages(
    set,
    units.map((u) => u.check.values)
  );
  return {
    plan: planGatheredSummary(set, units, leaves),
    findings: [...findings, ...weakCriterionFindings(leaves)],
  };
}
