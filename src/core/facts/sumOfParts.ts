import { IndexedNode } from "../criteria/indexed";

/** Points and the max they are out of. */
export interface Part {
  points: number;
  max: number;
}

/**
 * A parent's points in its own parent's terms: unweighted, the sum of its parts; weighted, that sum as a share of
 * `outOf` times the weight, and 0 when `outOf` is 0 (nothing under it applies). The scoring divides by the
 * applicable max, the subtotal check by the nominal one (a person's subtotal may be either); the plan writes the
 * same arithmetic as formula text (plan/unitPlan.ts, parentExpr).
 */
export function inParentTerms(node: IndexedNode, points: number, outOf: number): number {
  if (node.weight === undefined) return points;
  return outOf === 0 ? 0 : (points / outOf) * node.weight;
}

/** A parent's points and applicable max from its parts': a weighted parent's weight leaves when its max is 0. */
export function parentPart(node: IndexedNode, parts: Part[]): Part {
  let points = 0;
  let max = 0;
  for (const p of parts) {
    points += p.points;
    max += p.max;
  }
  const weighted = node.weight !== undefined && max !== 0;
  return {
    points: inParentTerms(node, points, max),
    max: weighted ? node.weight! : node.weight === undefined ? max : 0,
  };
}
