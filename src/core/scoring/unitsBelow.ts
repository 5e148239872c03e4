import { finalIsNotApplicable, finalPoints, LeafValues } from "../facts/leafValues";
import { IndexedNode, roundPoints } from "../criteria/indexed";

export interface UnitBelow {
  name: string;
  points: number;
}

/**
 * The units whose final score on a leaf is under its threshold × max, by the rule of the `below-threshold`
 * finding (the limit rounded as points, compared exactly); units that marked the leaf not applicable or left it
 * unscored are not counted, as in leafAverages.
 */
export function unitsBelowThreshold(
  leaf: IndexedNode,
  units: { name: string; values: Map<string, LeafValues> }[]
): UnitBelow[] {
  const limit = roundPoints(leaf.threshold * leaf.innerMax);
  const out: UnitBelow[] = [];
  for (const u of units) {
    const v = u.values.get(leaf.code);
    if (!v || finalIsNotApplicable(v)) continue;
    if (v.hasAppraisal ? v.appraised === undefined : v.self === undefined) continue;
    const points = finalPoints(v);
    if (points < limit - 1e-9) out.push({ name: u.name, points });
  }
  return out;
}
