import { IndexedNode, IndexedSet, roundPoints } from "../criteria/indexed";
import { finalIsNotApplicable, finalPoints } from "../facts/leafValues";
import { UnitFacts } from "../facts/types";
import { roundIndex } from "./rounding";
import { Part, parentPart } from "../facts/sumOfParts";

export interface FieldScores {
  code: string;
  name: string;
  max: number;
  self: number;
  appraised: number | null;
  /** Final points on the self-scored leaves only (null without appraisal): `self`'s like for like. */
  appraisedSelfScored: number | null;
  /** Final points on the survey leaves, which only appraisers fill (null without appraisal). */
  survey: number | null;
}

export interface UnitScores {
  max: number;
  maxApplicable: number;
  self: number;
  /** Sum of final points (appraised where given, else self); null where the sheet has no appraised score. */
  appraised: number | null;
  /** Final points on the self-scored leaves only (null without appraisal): `self`'s like for like. */
  appraisedSelfScored: number | null;
  /** Final points on the survey leaves, which only appraisers fill (null without appraisal). */
  survey: number | null;
  bonus: number;
  penalty: number;
  index: number;
  fields: FieldScores[];
}

/**
 * A node's points and applicable max in its parent's terms: a not-applicable leaf leaves both, a weighted
 * parent contributes (points ÷ applicable max) × weight, and its weight leaves too when nothing under it applies.
 */
export function nodeSum(
  node: IndexedNode,
  leafPoints: (leaf: IndexedNode) => number,
  notApplicable: (leaf: IndexedNode) => boolean
): Part {
  if (node.isLeaf)
    return notApplicable(node)
      ? { points: 0, max: 0 }
      : { points: leafPoints(node), max: node.innerMax };
  return parentPart(
    node,
    node.children.map((c) => nodeSum(c, leafPoints, notApplicable))
  );
}

/** A unit's scores from the facts its sheet gives: the leaves' values and the adjustments. */
export function unitScores(
  set: IndexedSet,
  { values, adjustments }: Pick<UnitFacts, "values" | "adjustments">
): UnitScores {
  const hasAppraisal = [...values.values()].some((v) => v.hasAppraisal);
  const naFinal = (l: IndexedNode) => finalIsNotApplicable(values.get(l.code));
  const naSelf = (l: IndexedNode) => values.get(l.code)?.selfNA ?? false;
  const selfPoints = (l: IndexedNode) =>
    l.source === "survey" ? 0 : (values.get(l.code)?.self ?? 0);
  const finalOf = (l: IndexedNode) => finalPoints(values.get(l.code));
  const finalSelfScored = (l: IndexedNode) => (l.source === "survey" ? 0 : finalOf(l));
  const never = () => false;

  let self = 0;
  let fin = 0;
  let finSelfScored = 0;
  let maxApplicable = 0;
  const fields: FieldScores[] = set.fields.map((f) => {
    // The self column is what the unit claimed: its own not-applicable marks, not the appraisers'.
    const s = nodeSum(f, selfPoints, naSelf);
    const a = nodeSum(f, finalOf, naFinal);
    // The same sum without the survey leaves: linear in the leaf points, so the rest is the survey's share.
    const aSelf = nodeSum(f, finalSelfScored, naFinal);
    self += s.points;
    fin += a.points;
    finSelfScored += aSelf.points;
    maxApplicable += a.max;
    return {
      code: f.code,
      name: f.name,
      max: f.max,
      self: roundPoints(s.points),
      appraised: hasAppraisal ? roundPoints(a.points) : null,
      appraisedSelfScored: hasAppraisal ? roundPoints(aSelf.points) : null,
      survey: hasAppraisal ? roundPoints(a.points - aSelf.points) : null,
    };
  });
  const max = set.fields.reduce((m, f) => m + nodeSum(f, () => 0, never).max, 0);
  const raw =
    maxApplicable > 0 ? ((fin + adjustments.bonus - adjustments.penalty) / maxApplicable) * 100 : 0;
  return {
    max: roundPoints(max),
    maxApplicable: roundPoints(maxApplicable),
    self: roundPoints(self),
    appraised: hasAppraisal ? roundPoints(fin) : null,
    appraisedSelfScored: hasAppraisal ? roundPoints(finSelfScored) : null,
    survey: hasAppraisal ? roundPoints(fin - finSelfScored) : null,
    bonus: roundPoints(adjustments.bonus),
    penalty: roundPoints(adjustments.penalty),
    index: Math.min(100, Math.max(0, roundIndex(raw, set.set.rounding))),
    fields,
  };
}
