/** The criteria set (bộ tiêu chí) as docs/contracts/criteria-set.md describes it. */

export type RoundingMode = "round" | "truncate";
export type Source = "self" | "survey";

export interface Tier {
  /** The ratio from which the tier applies: at or above it, or strictly above it with `above`. */
  from: number;
  /** The bound itself belongs to the tier below ("trên 90%"); absent: it belongs to this one ("từ 90%"). */
  above?: boolean;
  points: number;
}

export type Rule =
  | { kind: "manual"; step?: number }
  | { kind: "binary"; late?: number }
  | { kind: "tiers"; tiers: Tier[] }
  | { kind: "deduction"; step: number }
  | { kind: "ratio" };

export type RuleKind = Rule["kind"];

export interface CriteriaNode {
  code: string;
  name: string;
  max?: number;
  weight?: number;
  rule?: Rule;
  evidence?: boolean;
  source?: Source;
  mayBeNotApplicable?: boolean;
  threshold?: number;
  children?: CriteriaNode[];
}

export interface Band {
  min: number;
  label: string;
}

export interface Adjustment {
  code: string;
  name: string;
  kind: "bonus" | "penalty";
  max: number;
}

/**
 * A kind of unit the set does not assess on some criteria at all (communes without administrative procedures skip
 * a whole field): those nodes' max leaves such a unit's denominator, declared once here rather than marked on each
 * leaf. A unit sheet names its group in a "Nhóm đơn vị" cell.
 */
export interface UnitGroup {
  id: string;
  name: string;
  /** Codes of the nodes (any level) the group is not assessed on. */
  notAssessed: string[];
}

export interface CriteriaSet {
  format: "cchc-criteria/1";
  id: string;
  title: string;
  year?: number;
  unitType?: string;
  rounding: { decimals: number; mode: RoundingMode };
  threshold: number;
  bands: Band[];
  nodes: CriteriaNode[];
  adjustments: Adjustment[];
  /** Absent: every unit is assessed on every criterion. */
  unitGroups?: UnitGroup[];
}

export const CRITERIA_FORMAT = "cchc-criteria/1";
