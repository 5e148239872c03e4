import type { Fill, Worksheet } from "exceljs";
import { ruleFormulaKey } from "../core/plan/ruleFormula";
import { SavedConditionalFormat } from "../core/snapshot/snapshot";
import { argbOf, hexOf } from "./colors";

/** ExcelJS's conditional formatting entries, as far as we use them. */
interface Rule {
  type?: string;
  priority?: number;
  formulae?: unknown[];
  style?: {
    fill?: { type?: string; bgColor?: { argb?: string }; fgColor?: { argb?: string } };
    font?: { bold?: boolean; color?: { argb?: string } };
  };
}
interface Entry {
  ref: string;
  rules: Rule[];
}

const entriesOf = (ws: Worksheet) =>
  (ws as unknown as { conditionalFormattings: Entry[] }).conditionalFormattings;

function isOurs(rule: Rule, keys: ReadonlySet<string>): boolean {
  return (rule.formulae ?? []).some((f) => keys.has(ruleFormulaKey(String(f))));
}

/** The rules with one of these formulas, as the snapshot keeps them. */
export function rulesWithFormulas(ws: Worksheet, formulas: string[]): SavedConditionalFormat[] {
  const keys = new Set(formulas.map(ruleFormulaKey));
  return entriesOf(ws).flatMap((e) =>
    e.rules
      .filter((r) => isOurs(r, keys))
      .map((r) => ({
        sheet: ws.name,
        ranges: e.ref.split(/\s+/).filter(Boolean),
        formula: String(r.formulae?.[0] ?? ""),
        style: styleOf(r),
      }))
  );
}

function styleOf(r: Rule): SavedConditionalFormat["style"] {
  const fill = hexOf(r.style?.fill?.bgColor?.argb ?? r.style?.fill?.fgColor?.argb);
  const fontColor = hexOf(r.style?.font?.color?.argb);
  return {
    ...(fill ? { fill } : {}),
    ...(fontColor ? { fontColor } : {}),
    ...(r.style?.font?.bold ? { bold: true } : {}),
  };
}

/** Removes only the rules with one of these formulas; the user's own rules, even in the same entry, stay. */
export function removeRulesWithFormulas(ws: Worksheet, formulas: string[]): void {
  const keys = new Set(formulas.map(ruleFormulaKey));
  const entries = entriesOf(ws);
  const kept = entries
    .map((e) => ({ ...e, rules: e.rules.filter((r) => !isOurs(r, keys)) }))
    .filter((e) => e.rules.length);
  entries.splice(0, entries.length, ...kept);
}

/** One expression rule over its areas, drawn above the sheet's existing rules. */
export function addRule(
  ws: Worksheet,
  cf: { ranges: string[]; formula: string; style: SavedConditionalFormat["style"] },
  priority: number
): void {
  const { fill, fontColor, bold } = cf.style;
  ws.addConditionalFormatting({
    ref: cf.ranges.join(" ").toUpperCase(),
    rules: [
      {
        type: "expression",
        priority,
        formulae: [cf.formula.replace(/^=/, "")],
        style: {
          ...(fill
            ? {
                fill: {
                  type: "pattern",
                  pattern: "solid",
                  bgColor: { argb: argbOf(fill) },
                } as Fill,
              }
            : {}),
          ...(fontColor || bold
            ? {
                font: {
                  ...(bold ? { bold: true } : {}),
                  ...(fontColor ? { color: { argb: argbOf(fontColor) } } : {}),
                },
              }
            : {}),
        },
      },
    ],
  });
}
