import { ValidationWrite } from "../port";
import { a1, parseArea } from "../sheet/address";
import { isMark } from "./expressions";

/**
 * What a validation is, as both adapters write it: a list from its source, a custom formula, or a decimal
 * range. Formulas are without "=" and relative to `cell` (the first area's top-left cell unless given).
 */
export type ValidationRule =
  | { kind: "list"; source: string }
  | { kind: "custom"; formula: string }
  | { kind: "decimal"; min: number; max: number };

export function validationRule(v: ValidationWrite, cell?: string): ValidationRule {
  if (v.kind === "list") return { kind: "list", source: v.source };
  if (!v.orText?.length) return { kind: "decimal", min: v.min, max: v.max };
  const first = parseArea(v.ranges[0]);
  const ref = cell ?? a1(first.top, first.left);
  // The only text a decimal cell may hold is a not-applicable mark: the marks are the data sheet's, by name.
  return {
    kind: "custom",
    formula: `OR(AND(ISNUMBER(${ref}),${ref}>=${v.min},${ref}<=${v.max}),${isMark(ref)})`,
  };
}

/** The formula text a rule carries (the list source, or the custom formula); none for a decimal range. */
export function validationFormula(v: ValidationWrite): string | undefined {
  const rule = validationRule(v);
  return rule.kind === "list" ? rule.source : rule.kind === "custom" ? rule.formula : undefined;
}
