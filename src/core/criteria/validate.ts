import { Lang } from "../i18n/lang";
import { Problem } from "../problem";
import { canonicalCode, matchableCode } from "../sheet/codes";
import { Checker, Json, join } from "./criteriaChecker";
import {
  adjustmentShape,
  bandShape,
  nodeShape,
  rootShape,
  roundingShape,
  ruleKind,
  ruleShapes,
  tierShape,
} from "./criteriaSchema";
import { roundPoints } from "./indexed";
import { criteriaProblem } from "./messages";
import { Adjustment, Band, CRITERIA_FORMAT, CriteriaNode, CriteriaSet, Rule, Tier } from "./model";
import { readUnitGroups } from "./unitGroups";

/** Reads a criteria set (docs/contracts/criteria-set.md) and lists every problem in it, never only the first. */

export type CriteriaResult = { ok: true; set: CriteriaSet } | { ok: false; problems: Problem[] };

export const DEFAULT_ROUNDING: CriteriaSet["rounding"] = { decimals: 2, mode: "round" };
export const DEFAULT_THRESHOLD = 0.8;

export function defaultBands(): Band[] {
  return [
    { min: 90, label: "Xuất sắc" },
    { min: 80, label: "Tốt" },
    { min: 70, label: "Khá" },
    { min: 50, label: "Trung bình" },
    { min: 0, label: "Yếu" },
  ];
}

const TOLERANCE = 1e-6;
/**
 * How deep criteria may nest: real sets go three or four levels (field, criterion, component). Far deeper is no
 * set anyone scores, and reading it would recurse without bound.
 */
export const MAX_DEPTH = 10;

export function parseCriteriaJson(text: string, lang: Lang = "vi"): CriteriaResult {
  const body = text.replace(/^\uFEFF/, "");
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    // V8 gives a position for most errors but not for "Unexpected token …"; the end of input is the text's end.
    const at = /position (\d+)/.exec(detail);
    const position = at
      ? Number(at[1])
      : /end of JSON input/i.test(detail)
        ? body.length
        : undefined;
    const params: Record<string, unknown> = { detail };
    if (position !== undefined) Object.assign(params, { position }, lineAndColumn(body, position));
    return { ok: false, problems: [criteriaProblem("not-json", "", params, lang)] };
  }
  return validateCriteria(data, lang);
}

export function validateCriteria(data: unknown, lang: Lang = "vi"): CriteriaResult {
  const c = new Checker(lang);
  const root = c.object(data, "");
  if (!root) return { ok: false, problems: c.problems };
  c.keys(root, rootShape, "");
  c.field(root, rootShape, "$schema", "");

  c.field(root, rootShape, "format", "");
  const id = c.field(root, rootShape, "id", "");
  const title = c.field(root, rootShape, "title", "");
  const year = c.field(root, rootShape, "year", "");
  const unitType = c.field(root, rootShape, "unitType", "");
  const rounding = readRounding(c, root.rounding);
  const threshold = readThreshold(c, root, "", undefined) ?? DEFAULT_THRESHOLD;
  const bands = readBands(c, root.bands);

  const codes = new Map<string, string>();
  const nodeList = root.nodes === undefined ? c.missing("nodes", "") : c.array(root.nodes, "nodes");
  const read = (nodeList ?? []).map((raw, i) => readNode(c, raw, `nodes[${i}]`, codes, 1));
  const adjustments = readAdjustments(c, root.adjustments, codes);
  const unitGroups = readUnitGroups(c, root.unitGroups, codes, adjustments);

  if (nodeList && read.every((r) => r?.contribution !== undefined)) {
    const total = roundPoints(read.reduce((s, r) => s + (r?.contribution ?? 0), 0));
    if (total <= 0) c.report("total-max-zero", "nodes", { total });
  }

  if (c.problems.length > 0) return { ok: false, problems: c.problems };
  const set: CriteriaSet = {
    format: CRITERIA_FORMAT,
    id: id as string,
    title: title as string,
    ...(year !== undefined && { year }),
    ...(unitType !== undefined && { unitType }),
    rounding,
    threshold,
    bands,
    nodes: read.map((r) => (r as ReadNode).node),
    adjustments,
    ...(unitGroups && { unitGroups }),
  };
  return { ok: true, set };
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function readRounding(c: Checker, raw: unknown): CriteriaSet["rounding"] {
  if (raw === undefined) return { ...DEFAULT_ROUNDING };
  const o = c.object(raw, "rounding");
  if (!o) return { ...DEFAULT_ROUNDING };
  c.keys(o, roundingShape, "rounding");
  const decimals = c.field(o, roundingShape, "decimals", "rounding");
  if (decimals !== undefined && !(Number.isInteger(decimals) && decimals >= 0 && decimals <= 4))
    c.report("rounding-decimals", "rounding.decimals", { value: decimals });
  const mode = c.field(o, roundingShape, "mode", "rounding");
  return { decimals: decimals ?? DEFAULT_ROUNDING.decimals, mode: mode ?? DEFAULT_ROUNDING.mode };
}

function readThreshold(
  c: Checker,
  o: Json,
  path: string,
  node: string | undefined
): number | undefined {
  const t = c.field(o, { threshold: rootShape.threshold }, "threshold", path);
  if (t !== undefined && (t < 0 || t > 1))
    c.report("threshold-range", join(path, "threshold"), { value: t, ...(node && { node }) });
  return t;
}

function readBands(c: Checker, raw: unknown): Band[] {
  if (raw === undefined) return defaultBands();
  const list = c.array(raw, "bands");
  if (!list) return [];
  if (list.length === 0) c.report("bands-empty", "bands");
  const mins = new Map<number, string>();
  const labels = new Map<string, string>();
  const bands: Band[] = [];
  list.forEach((item, i) => {
    const path = `bands[${i}]`;
    const o = c.object(item, path);
    if (!o) return;
    c.keys(o, bandShape, path);
    const min = c.field(o, bandShape, "min", path);
    const label = c.field(o, bandShape, "label", path);
    if (min !== undefined) {
      if (min < 0 || min > 100) c.report("band-min-range", `${path}.min`, { value: min });
      const first = mins.get(min);
      if (first) c.report("bands-not-distinct", `${path}.min`, { field: "min", value: min, first });
      else mins.set(min, `${path}.min`);
    }
    if (label) {
      const folded = label.toLowerCase();
      const first = labels.get(folded);
      if (first)
        c.report("bands-not-distinct", `${path}.label`, { field: "label", value: label, first });
      else labels.set(folded, `${path}.label`);
    }
    if (min !== undefined && label !== undefined) bands.push({ min, label });
  });
  return bands.sort((a, b) => b.min - a.min);
}

interface ReadNode {
  node: CriteriaNode;
  /** What the node adds to its parent's max; undefined when a problem makes it unknown. */
  contribution: number | undefined;
}

function registerCode(
  c: Checker,
  codes: Map<string, string>,
  code: string | undefined,
  path: string
): void {
  if (!code) return;
  const first = codes.get(code);
  if (first !== undefined) c.report("duplicate-code", path, { node: code, first });
  else codes.set(code, path);
}

function readNode(
  c: Checker,
  raw: unknown,
  path: string,
  codes: Map<string, string>,
  depth: number,
  parent?: string
): ReadNode | undefined {
  const o = c.object(raw, path);
  if (!o) return undefined;
  if (depth > MAX_DEPTH) {
    // Reported once for the branch: nothing below it is read.
    c.report("too-deep", path, {
      node: typeof o.code === "string" && o.code ? o.code : path,
      depth,
      max: MAX_DEPTH,
    });
    return undefined;
  }
  c.keys(o, nodeShape, path);
  const written = c.field(o, nodeShape, "code", path);
  // A letter item is kept under its parent ("a)" under 1.2 is "1.2.a"); a code no sheet row can match is refused.
  const code = written && (matchableCode(written, parent) ?? written);
  if (written && !matchableCode(written, parent))
    c.report("code-unmatchable", join(path, "code"), {
      node: written,
      name: typeof o.name === "string" ? o.name : undefined,
    });
  registerCode(c, codes, code && canonicalCode(code), join(path, "code"));
  const label = code || path;
  const name = c.field(o, nodeShape, "name", path);
  const childList =
    o.children === undefined ? undefined : c.array(o.children, join(path, "children"));
  const isParent = !!childList && childList.length > 0;

  const max = c.field(o, nodeShape, "max", path);
  if (!isParent && o.max === undefined) c.report("leaf-max", join(path, "max"), { node: label });
  if (!isParent && max !== undefined && max <= 0)
    c.report("leaf-max", join(path, "max"), { node: label, max });

  const weight = c.field(o, nodeShape, "weight", path);
  if (weight !== undefined && !isParent)
    c.report("weight-on-leaf", join(path, "weight"), { node: label, weight });
  else if (weight !== undefined && weight <= 0)
    c.report("weight-not-positive", join(path, "weight"), { node: label, weight });

  let rule: Rule | undefined;
  if (o.rule !== undefined && isParent)
    c.report("rule-on-parent", join(path, "rule"), { node: label });
  else if (o.rule !== undefined)
    rule = readRule(
      c,
      o.rule,
      join(path, "rule"),
      max !== undefined && max > 0 ? max : undefined,
      label
    );

  const evidence = c.field(o, nodeShape, "evidence", path);
  const source = c.field(o, nodeShape, "source", path);
  const mayBeNotApplicable = c.field(o, nodeShape, "mayBeNotApplicable", path);
  for (const key of ["evidence", "mayBeNotApplicable"])
    if (isParent && o[key] !== undefined)
      c.report("leaf-only-key", join(path, key), { node: label, key });
  const threshold = readThreshold(c, o, path, label);

  const children = (childList ?? []).map((child, i) =>
    readNode(c, child, `${path}.children[${i}]`, codes, depth + 1, code)
  );

  let contribution: number | undefined;
  let fullMax = max;
  if (!isParent) {
    contribution = max !== undefined && max > 0 ? max : undefined;
  } else {
    const sum = children.every((r) => r?.contribution !== undefined)
      ? roundPoints(children.reduce((s, r) => s + (r?.contribution ?? 0), 0))
      : undefined;
    if (max !== undefined && sum !== undefined && Math.abs(max - sum) > TOLERANCE)
      c.report("parent-max-mismatch", join(path, "max"), { node: label, max, sum });
    // A parent always carries its max in the result: readers of the set need not add it up again.
    fullMax = sum ?? max;
    contribution = weight !== undefined ? (weight > 0 ? weight : undefined) : sum;
  }

  const node: CriteriaNode = { code: code ?? "", name: name ?? "" };
  if (fullMax !== undefined) node.max = fullMax;
  if (weight !== undefined) node.weight = weight;
  if (rule) node.rule = rule;
  if (evidence !== undefined) node.evidence = evidence;
  if (source !== undefined) node.source = source;
  if (mayBeNotApplicable !== undefined) node.mayBeNotApplicable = mayBeNotApplicable;
  if (threshold !== undefined) node.threshold = threshold;
  if (isParent) node.children = children.filter((r): r is ReadNode => !!r).map((r) => r.node);
  return { node, contribution };
}

function readRule(
  c: Checker,
  raw: unknown,
  path: string,
  max: number | undefined,
  node: string
): Rule | undefined {
  const o = c.object(raw, path);
  if (!o) return undefined;
  const kind = c.field(o, { kind: ruleKind }, "kind", path);
  if (!kind) return undefined;
  c.keys(o, ruleShapes[kind], path);
  const exceeds = (x: number) => max !== undefined && x > max + TOLERANCE;
  switch (kind) {
    case "manual": {
      const step = c.field(o, ruleShapes.manual, "step", path);
      if (step !== undefined && (step <= 0 || exceeds(step)))
        c.report("manual-step", join(path, "step"), { node, step, max });
      return step === undefined ? { kind } : { kind, step };
    }
    case "binary": {
      const late = c.field(o, ruleShapes.binary, "late", path);
      if (late !== undefined && late < 0)
        c.report("negative-value", join(path, "late"), { node, key: "late", value: late });
      if (late !== undefined && exceeds(late))
        c.report("late-exceeds-max", join(path, "late"), { node, late, max });
      return late === undefined ? { kind } : { kind, late };
    }
    case "deduction": {
      const step = c.field(o, ruleShapes.deduction, "step", path);
      if (step !== undefined && (step <= 0 || exceeds(step)))
        c.report("deduction-step", join(path, "step"), { node, step, max });
      return { kind, step: step ?? 0 };
    }
    case "tiers":
      return { kind, tiers: readTiers(c, o, path, max, node) };
    case "ratio":
      return { kind };
  }
}

function readTiers(
  c: Checker,
  rule: Json,
  path: string,
  max: number | undefined,
  node: string
): Tier[] {
  const list =
    rule.tiers === undefined ? c.missing("tiers", path) : c.array(rule.tiers, join(path, "tiers"));
  if (!list) return [];
  if (list.length === 0) c.report("tiers-empty", join(path, "tiers"), { node });
  const tiers: Tier[] = [];
  let previous: { from: number; above: boolean } | undefined;
  list.forEach((item, i) => {
    const at = `${path}.tiers[${i}]`;
    const o = c.object(item, at);
    if (!o) return;
    c.keys(o, tierShape, at);
    const from = c.field(o, tierShape, "from", at);
    const above = c.field(o, tierShape, "above", at) ?? false;
    const points = c.field(o, tierShape, "points", at);
    // Descending bounds; one bound may carry two tiers, the one strictly above it first ("trên 90%", then "90%").
    const below =
      previous === undefined ||
      from === undefined ||
      from < previous.from ||
      (from === previous.from && previous.above && !above);
    if (!below)
      c.report("tiers-order", `${at}.from`, {
        node,
        reason: "not-descending",
        from,
        previous: previous?.from,
      });
    if (from !== undefined && i === list.length - 1 && (from !== 0 || above))
      c.report("tiers-order", `${at}.from`, { node, reason: "last-not-zero", from });
    if (points !== undefined && (points < 0 || (max !== undefined && points > max + TOLERANCE)))
      c.report("tier-points", `${at}.points`, { node, from, points, max });
    if (from !== undefined) previous = { from, above };
    if (from !== undefined && points !== undefined)
      tiers.push(above ? { from, above, points } : { from, points });
  });
  return tiers;
}

function readAdjustments(c: Checker, raw: unknown, codes: Map<string, string>): Adjustment[] {
  if (raw === undefined) return [];
  const list = c.array(raw, "adjustments");
  if (!list) return [];
  const out: Adjustment[] = [];
  list.forEach((item, i) => {
    const path = `adjustments[${i}]`;
    const o = c.object(item, path);
    if (!o) return;
    c.keys(o, adjustmentShape, path);
    const code = c.field(o, adjustmentShape, "code", path);
    registerCode(c, codes, code, `${path}.code`);
    const name = c.field(o, adjustmentShape, "name", path);
    const kind = c.field(o, adjustmentShape, "kind", path);
    const max = c.field(o, adjustmentShape, "max", path);
    if (max !== undefined && max <= 0)
      c.report("adjustment-max", `${path}.max`, { node: code || path, max });
    if (code && name && kind && max !== undefined) out.push({ code, name, kind, max });
  });
  return out;
}
