import { finalIsNotApplicable, finalPoints, LeafValues } from "../facts/leafValues";
import { IndexedNode, IndexedSet, roundPoints } from "../criteria/indexed";
import { nodeSum } from "./unitScores";

export interface FieldAverage {
  code: string;
  name: string;
  max: number;
  /** Units counted: those with a final score on at least one of the field's applicable leaves. */
  units: number;
  /** Average final points over those units. */
  average: number;
  /** Average over those units of points ÷ the field's applicable max (not-applicable leaves leave it), in %. */
  sharePercent: number;
}

/**
 * Each field's average final points and share of its max across units. As for leaves (leafAverages), a unit counts
 * only where it has a score in the field: survey points nobody has filled yet do not pull the average down.
 */
export function fieldAverages(set: IndexedSet, units: Map<string, LeafValues>[]): FieldAverage[] {
  return set.fields.map((field) => {
    let points = 0;
    let share = 0;
    let n = 0;
    for (const values of units) {
      if (!hasScoreIn(field, values)) continue;
      const s = nodeSum(
        field,
        (l) => finalPoints(values.get(l.code)),
        (l) => finalIsNotApplicable(values.get(l.code))
      );
      if (s.max <= 0) continue;
      points += s.points;
      share += s.points / s.max;
      n++;
    }
    return {
      code: field.code,
      name: field.name,
      max: field.max,
      units: n,
      average: n ? roundPoints(Math.round((points / n) * 1e4) / 1e4) : 0,
      sharePercent: n ? Math.round((share / n) * 1e4) / 100 : 0,
    };
  });
}

function hasScoreIn(node: IndexedNode, values: Map<string, LeafValues>): boolean {
  if (node.isLeaf) {
    const v = values.get(node.code);
    if (!v || finalIsNotApplicable(v)) return false;
    return v.hasAppraisal ? v.appraised !== undefined : v.self !== undefined;
  }
  return node.children.some((c) => hasScoreIn(c, values));
}
