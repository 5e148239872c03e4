import { validationFormula } from "../plan/validationRule";
import { WritePlan } from "../port";
import { a1, parseA1 } from "../sheet/address";

/** Where a formula of a plan goes. */
export type FormulaPlace = "cell" | "conditionalFormat" | "validation" | "name";

export interface PlanFormula {
  readonly place: FormulaPlace;
  readonly sheet?: string;
  /** The cell, the rule's key, the validated range, or the name. */
  readonly at: string;
  /** Without "=". */
  readonly formula: string;
}

/**
 * One formula of a plan, every kind in the one shape (the rules read tens of thousands of them). Its place is spelt
 * only when a violation names it: a cell's address, or a validation's ranges joined.
 */
class Found implements PlanFormula {
  constructor(
    readonly place: FormulaPlace,
    readonly sheet: string | undefined,
    readonly formula: string,
    private readonly where: string | readonly string[],
    private readonly row = 0,
    private readonly col = 0
  ) {}
  get at(): string {
    if (this.place === "cell") return a1(this.row, this.col);
    return typeof this.where === "string" ? this.where : this.where.join(",");
  }
}

/**
 * Every formula a plan writes: into cells, conditional formats, validations (as the adapters write them) and names.
 * Made once per check and shared by the rules that read formulas.
 */
export function planFormulas(plan: WritePlan): PlanFormula[] {
  const out: PlanFormula[] = [];
  for (const r of plan.ranges) {
    const { row, col } = parseA1(r.at);
    for (let i = 0; i < r.cells.length; i++)
      for (let j = 0; j < r.cells[i].length; j++) {
        const c = r.cells[i][j];
        if ("formula" in c) out.push(new Found("cell", r.sheet, c.formula, "", row + i, col + j));
      }
  }
  for (const cf of plan.conditionalFormats)
    out.push(new Found("conditionalFormat", cf.sheet, cf.formula, cf.key));
  for (const v of plan.validations) {
    const formula = validationFormula(v);
    if (formula !== undefined) out.push(new Found("validation", v.sheet, formula, v.ranges));
  }
  for (const n of plan.names) out.push(new Found("name", undefined, n.refersTo, n.name));
  return out;
}
