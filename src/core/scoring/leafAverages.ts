import { IndexedSet, roundPoints } from "../criteria/indexed";
import { finalIsNotApplicable, finalPoints, LeafValues } from "../facts/leafValues";
import { FLOAT_NOISE } from "../facts/tolerances";
import { Finding } from "../findings/finding";
import weakCriterion from "../findings/rules/weak-criterion";

export interface LeafAverage {
  code: string;
  name: string;
  max: number;
  /** Units for which the leaf applies. */
  units: number;
  average: number;
  share: number;
  sharePercent: number;
  threshold: number;
  weak: boolean;
}

/**
 * Each leaf's average final score across the units it applies to and that scored it, as a share of its max. A leaf is weak when
 * that share is under its threshold; the comparison is on exact sums (no rounding before it), as it has
 * consequences for the people responsible.
 */
export function leafAverages(set: IndexedSet, units: Map<string, LeafValues>[]): LeafAverage[] {
  return set.leaves.map((leaf) => {
    let sum = 0;
    let n = 0;
    for (const values of units) {
      const v = values.get(leaf.code);
      if (finalIsNotApplicable(v) || !hasScore(v)) continue;
      sum += finalPoints(v);
      n++;
    }
    const average = n ? sum / n : 0;
    const weak = n > 0 && sum < leaf.threshold * leaf.innerMax * n - FLOAT_NOISE;
    return {
      code: leaf.code,
      name: leaf.name,
      max: leaf.innerMax,
      units: n,
      average: roundPoints(Math.round(average * 1e4) / 1e4),
      share: n ? sum / n / leaf.innerMax : 0,
      sharePercent: n ? Math.round((sum / n / leaf.innerMax) * 1e4) / 100 : 0,
      threshold: leaf.threshold,
      weak,
    };
  });
}

export function weakCriterionFindings(leaves: LeafAverage[]): Finding[] {
  return leaves
    .filter((l) => l.weak)
    .map((l) =>
      weakCriterion.finding(
        { criterion: l.code },
        { average: l.average, max: l.max, share: l.share, threshold: l.threshold, units: l.units }
      )
    );
}

function hasScore(v: LeafValues | undefined): boolean {
  return v !== undefined && (v.hasAppraisal ? v.appraised !== undefined : v.self !== undefined);
}
