import { roundPoints } from "./indexed";
import { CriteriaNode, CriteriaSet } from "./model";
import { paramsText } from "./ruleParams";
import {
  ADJUSTMENT_SECTION,
  ADJUSTMENT_TEXT,
  COLUMNS,
  Column,
  CriteriaSheetCell,
  HEADER_ALIASES,
  META_LABEL,
  MODE_TEXT,
  NO,
  RULE_TEXT,
  SOURCE_TEXT,
  UNIT_TYPE_TEXT,
  YES,
} from "./sheetLayout";

/** Writes a criteria set as the rows of the "Bộ tiêu chí" sheet: settings, a header row, nodes depth-first, adjustments. */
export function criteriaToRows(set: CriteriaSet): CriteriaSheetCell[][] {
  const rows: CriteriaSheetCell[][] = [
    [META_LABEL.title, set.title],
    [META_LABEL.id, set.id],
    [META_LABEL.year, set.year ?? null],
    [META_LABEL.unitType, unitTypeText(set.unitType)],
    [META_LABEL.decimals, set.rounding.decimals],
    [META_LABEL.mode, MODE_TEXT[set.rounding.mode]],
    [META_LABEL.threshold, set.threshold],
    ...set.bands.map((b) => [META_LABEL.band, b.min, b.label]),
    // A unit group: its name, its id, the codes it is not assessed on.
    ...(set.unitGroups ?? []).map((g) => [
      META_LABEL.unitGroup,
      g.name,
      g.id,
      g.notAssessed.join("; "),
    ]),
    [],
    COLUMNS.map((c) => HEADER_ALIASES[c][0]),
  ];
  const visit = (node: CriteriaNode, level: number): void => {
    rows.push(nodeRow(node, level));
    for (const child of node.children ?? []) visit(child, level + 1);
  };
  for (const node of set.nodes) visit(node, 1);
  if (set.adjustments.length > 0) rows.push([null, ADJUSTMENT_SECTION]);
  for (const a of set.adjustments)
    rows.push([a.code, a.name, null, a.max, null, ADJUSTMENT_TEXT[a.kind]]);
  // Rectangular, so an adapter can write it as one range.
  return rows.map((r) => [...r, ...Array<null>(COLUMNS.length - r.length).fill(null)]);
}

function nodeRow(node: CriteriaNode, level: number): CriteriaSheetCell[] {
  const cells: Record<Column, CriteriaSheetCell> = {
    code: node.code,
    name: node.name,
    level,
    max: node.max ?? (node.children?.length ? sumOfChildren(node) : null),
    weight: node.weight ?? null,
    rule: node.rule ? RULE_TEXT[node.rule.kind] : null,
    params: node.rule ? paramsText(node.rule) : null,
    evidence: yesNo(node.evidence),
    source: node.source ? SOURCE_TEXT[node.source] : null,
    notApplicable: yesNo(node.mayBeNotApplicable),
    threshold: node.threshold ?? null,
  };
  return COLUMNS.map((c) => cells[c]);
}

function sumOfChildren(node: CriteriaNode): number {
  const contribution = (n: CriteriaNode): number =>
    n.children?.length ? (n.weight ?? n.max ?? sumOfChildren(n)) : (n.max ?? 0);
  return roundPoints((node.children ?? []).reduce((s, c) => s + contribution(c), 0));
}

function yesNo(b: boolean | undefined): string | null {
  return b === undefined ? null : b ? YES : NO;
}

/** A known unit type in Vietnamese ("commune" → "Cấp xã"); any other text as it is. */
function unitTypeText(unitType: string | undefined): string | null {
  return unitType === undefined ? null : (UNIT_TYPE_TEXT.get(unitType) ?? unitType);
}
