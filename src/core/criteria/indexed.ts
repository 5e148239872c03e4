import { allowedValues } from "./allowedScores";
import { canonicalCode } from "../sheet/codes";
import { Adjustment, CriteriaNode, CriteriaSet, Rule, Source } from "./model";

/** One node of a set, flattened with everything inherited or derived already worked out. */
export interface IndexedNode {
  code: string;
  name: string;
  depth: number;
  /** Position in depth-first order: the order rows are expected on a sheet. */
  order: number;
  parent?: IndexedNode;
  children: IndexedNode[];
  isLeaf: boolean;
  /** Leaf: its max. Parent: the sum of its children's contributions. */
  innerMax: number;
  /** What the node adds to its parent's max: the weight when given, else innerMax. */
  max: number;
  weight?: number;
  rule?: Rule;
  evidence: boolean;
  source: Source;
  mayBeNotApplicable: boolean;
  threshold: number;
  field: IndexedNode;
  /** Leaf: the finite list of scores its rule can give (see allowedValues), worked out once. */
  allowed?: number[];
}

export interface IndexedSet {
  set: CriteriaSet;
  nodes: IndexedNode[];
  /** By canonical code (see canonicalCode). */
  byCode: Map<string, IndexedNode>;
  leaves: IndexedNode[];
  fields: IndexedNode[];
  adjustments: Adjustment[];
  maxTotal: number;
}

/** Builds the lookup form of a set that has already passed validation. */
export function indexSet(set: CriteriaSet): IndexedSet {
  const nodes: IndexedNode[] = [];
  const byCode = new Map<string, IndexedNode>();

  const visit = (
    raw: CriteriaNode,
    depth: number,
    parent: IndexedNode | undefined,
    inheritedSource: Source
  ): IndexedNode => {
    const source = raw.source ?? inheritedSource;
    const node: IndexedNode = {
      code: raw.code,
      name: raw.name,
      depth,
      order: nodes.length,
      parent,
      children: [],
      isLeaf: !raw.children || raw.children.length === 0,
      innerMax: 0,
      max: 0,
      weight: raw.weight,
      rule: raw.rule,
      evidence: raw.evidence ?? false,
      source,
      mayBeNotApplicable: raw.mayBeNotApplicable ?? false,
      threshold: raw.threshold ?? parent?.threshold ?? set.threshold,
      field: undefined as unknown as IndexedNode,
    };
    node.field = parent ? parent.field : node;
    nodes.push(node);
    byCode.set(canonicalCode(node.code), node);
    for (const child of raw.children ?? [])
      node.children.push(visit(child, depth + 1, node, source));
    node.innerMax = node.isLeaf
      ? (raw.max ?? 0)
      : roundPoints(node.children.reduce((s, c) => s + c.max, 0));
    node.max = node.weight !== undefined && !node.isLeaf ? node.weight : node.innerMax;
    if (node.isLeaf) node.allowed = allowedValues(node.rule, node.innerMax);
    return node;
  };

  const fields = set.nodes.map((n) => visit(n, 0, undefined, "self"));
  return {
    set,
    nodes,
    byCode,
    leaves: nodes.filter((n) => n.isLeaf),
    fields,
    adjustments: set.adjustments,
    maxTotal: roundPoints(fields.reduce((s, f) => s + f.max, 0)),
  };
}

/** Points carry at most a few decimals; sums of binary floats are snapped back to them. */
export function roundPoints(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
