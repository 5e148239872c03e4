import { ruleFormulaKey } from "../../core/plan/ruleFormula";
import { WORKSHEET_ORDER } from "./worksheetOrder";
import {
  appendNew,
  attr,
  child,
  children,
  createLike,
  descendants,
  insertInOrder,
  remove,
  setAttr,
  setText,
  textOf,
  type Element,
} from "../xml";

/**
 * Conditional formats of one worksheet (ECMA-376 Part 1 §18.3.1.18). Ours are expression rules known by their
 * formula (core/plan/ruleFormula): removing ours takes only those `<cfRule>`s — a `<conditionalFormatting>` that
 * also holds a person's rule keeps it — and drops a `<conditionalFormatting>` left empty. New ones go after the
 * sheet's existing ones, with priorities after every priority on the sheet (those in extLst's x14 rules too),
 * so the person's rules keep theirs.
 */

export interface FoundRule {
  ranges: string[];
  formula: string;
  dxfId?: number;
}

function ourRules(
  worksheet: Element,
  formulas: string[]
): { cf: Element; rule: Element; found: FoundRule }[] {
  const keys = new Set(formulas.map(ruleFormulaKey));
  const out: { cf: Element; rule: Element; found: FoundRule }[] = [];
  if (!keys.size) return out;
  for (const cf of children(worksheet, "conditionalFormatting"))
    for (const rule of children(cf, "cfRule")) {
      const fs = children(rule, "formula").map(textOf);
      if (!fs.some((f) => keys.has(ruleFormulaKey(f)))) continue;
      const dxf = attr(rule, "dxfId");
      out.push({
        cf,
        rule,
        found: {
          ranges: (attr(cf, "sqref") ?? "").split(/\s+/).filter(Boolean),
          formula: fs[0] ?? "",
          ...(dxf !== null && dxf !== "" ? { dxfId: Number(dxf) } : {}),
        },
      });
    }
  return out;
}

/** The rules with one of these formulas, as they are. */
export function rulesWithFormulas(worksheet: Element, formulas: string[]): FoundRule[] {
  return ourRules(worksheet, formulas).map((r) => r.found);
}

/** Removes the rules with one of these formulas; returns whether anything was removed. */
export function removeRulesWithFormulas(worksheet: Element, formulas: string[]): boolean {
  const rules = ourRules(worksheet, formulas);
  for (const { cf, rule } of rules) {
    remove(rule);
    if (children(cf, "cfRule").length === 0) remove(cf);
  }
  return rules.length > 0;
}

/** One past the highest priority of any rule on the sheet: its own, and the x14 ones in its extLst. */
export function nextPriority(worksheet: Element): number {
  let max = 0;
  const see = (rule: Element) => {
    const p = Number(attr(rule, "priority"));
    if (Number.isFinite(p) && p > max) max = p;
  };
  for (const cf of children(worksheet, "conditionalFormatting"))
    children(cf, "cfRule").forEach(see);
  const ext = child(worksheet, "extLst");
  if (ext) descendants(ext, "cfRule").forEach(see);
  return max + 1;
}

/** Adds one expression rule over its areas. */
export function addRule(
  worksheet: Element,
  ranges: string[],
  formula: string,
  dxfId: number,
  priority: number
): void {
  const cf = createLike(worksheet, "conditionalFormatting");
  setAttr(cf, "sqref", ranges.join(" ").toUpperCase());
  const rule = appendNew(cf, "cfRule", { type: "expression", dxfId, priority });
  const f = appendNew(rule, "formula");
  setText(f, formula.replace(/^=/, ""));
  insertInOrder(worksheet, cf, WORKSHEET_ORDER);
}
