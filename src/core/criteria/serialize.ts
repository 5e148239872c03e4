import { Adjustment, Band, CriteriaNode, CriteriaSet, Rule } from "./model";

/**
 * The canonical JSON text of a set: keys in the order docs/contracts/criteria-set.md shows them, 2-space indent,
 * absent optional keys left out. parseCriteriaJson reads it back to an equal set.
 */
export function criteriaToJson(set: CriteriaSet): string {
  return JSON.stringify(canonicalSet(set), null, 2) + "\n";
}

function canonicalSet(set: CriteriaSet): Record<string, unknown> {
  return withoutUndefined({
    format: set.format,
    id: set.id,
    title: set.title,
    year: set.year,
    unitType: set.unitType,
    rounding: { decimals: set.rounding.decimals, mode: set.rounding.mode },
    threshold: set.threshold,
    bands: set.bands.map((b: Band) => ({ min: b.min, label: b.label })),
    nodes: set.nodes.map(canonicalNode),
    adjustments: set.adjustments.map((a: Adjustment) => ({
      code: a.code,
      name: a.name,
      kind: a.kind,
      max: a.max,
    })),
    unitGroups: set.unitGroups?.map((g) => ({
      id: g.id,
      name: g.name,
      notAssessed: [...g.notAssessed],
    })),
  });
}

function canonicalNode(node: CriteriaNode): Record<string, unknown> {
  return withoutUndefined({
    code: node.code,
    name: node.name,
    max: node.max,
    weight: node.weight,
    rule: node.rule && canonicalRule(node.rule),
    evidence: node.evidence,
    source: node.source,
    mayBeNotApplicable: node.mayBeNotApplicable,
    threshold: node.threshold,
    children:
      node.children && node.children.length > 0 ? node.children.map(canonicalNode) : undefined,
  });
}

function canonicalRule(rule: Rule): Record<string, unknown> {
  switch (rule.kind) {
    case "manual":
      return withoutUndefined({ kind: rule.kind, step: rule.step });
    case "binary":
      return withoutUndefined({ kind: rule.kind, late: rule.late });
    case "tiers":
      return {
        kind: rule.kind,
        tiers: rule.tiers.map((t) => ({
          from: t.from,
          ...(t.above ? { above: true } : {}),
          points: t.points,
        })),
      };
    case "deduction":
      return { kind: rule.kind, step: rule.step };
    case "ratio":
      return { kind: rule.kind };
  }
}

function withoutUndefined(o: Record<string, unknown>): Record<string, unknown> {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}
