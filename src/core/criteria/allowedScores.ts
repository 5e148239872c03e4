import { Rule } from "../criteria/model";

const EPS = 1e-6;

function isMultiple(x: number, step: number): boolean {
  const k = x / step;
  return Math.abs(k - Math.round(k)) < 1e-6;
}

/** The finite list of scores a rule can give, or undefined where any value in 0..max (in steps) is allowed. */
export function allowedValues(rule: Rule | undefined, max: number): number[] | undefined {
  if (!rule) return undefined;
  switch (rule.kind) {
    case "binary":
      return uniqSorted([0, max, ...(rule.late !== undefined ? [rule.late] : [])]);
    case "tiers":
      return uniqSorted(rule.tiers.map((t) => t.points));
    case "deduction": {
      const out = [0];
      for (let k = 0; max - k * rule.step >= -EPS && k < 10000; k++)
        out.push(round6(max - k * rule.step));
      return uniqSorted(out.filter((v) => v >= 0));
    }
    case "manual":
      if (rule.step !== undefined && max / rule.step <= 40) {
        const out: number[] = [];
        for (let k = 0; k * rule.step <= max + EPS; k++) out.push(round6(k * rule.step));
        return uniqSorted(out);
      }
      return undefined;
    case "ratio":
      return undefined;
  }
}

/** The smallest step between allowed values where the rule allows a range. */
export function rangeStep(rule: Rule | undefined): number | undefined {
  if (!rule) return undefined;
  if (rule.kind === "manual") return rule.step;
  if (rule.kind === "ratio") return 0.01;
  return undefined;
}

/** What the checks below need of a leaf (an IndexedNode is one; criteria/indexed imports this module). */
export interface ScoredLeaf {
  rule?: Rule;
  innerMax: number;
  allowed?: number[];
}

export function isAllowed(leaf: ScoredLeaf, score: number): boolean {
  const list = leaf.allowed;
  if (list) return list.some((v) => Math.abs(v - score) < EPS);
  if (score < -EPS || score > leaf.innerMax + EPS) return false;
  const step = rangeStep(leaf.rule);
  return step === undefined || isMultiple(score, step);
}

/** Points a tiers leaf must get for an achieved ratio; a ratio leaf's points, to 2 decimals. */
export function pointsForRatio(leaf: ScoredLeaf, ratio: number): number | undefined {
  const rule = leaf.rule;
  if (rule?.kind === "tiers") {
    const tier = rule.tiers.find((t) => (t.above ? ratio > t.from + EPS : ratio + EPS >= t.from));
    return tier ? tier.points : 0;
  }
  if (rule?.kind === "ratio")
    return Math.round(Math.min(1, Math.max(0, ratio)) * leaf.innerMax * 100 + EPS) / 100;
  return undefined;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function uniqSorted(xs: number[]): number[] {
  return [...new Set(xs.map(round6))].sort((a, b) => a - b);
}
