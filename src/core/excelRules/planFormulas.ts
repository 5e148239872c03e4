import { validationFormula } from "../plan/validationRule";
import { WritePlan } from "../port";
import { a1, parseA1 } from "../sheet/address";

/** Where a formula of a plan goes. */
export type FormulaPlace = "cell" | "conditionalFormat" | "validation" | "name";

export interface PlanFormula {
  place: FormulaPlace;
  sheet?: string;
  /** The cell, the rule's key, the validated range, or the name. */
  at: string;
  /** Without "=". */
  formula: string;
}

/** Every formula a plan writes: into cells, conditional formats, validations (as the adapters write them) and names. */
export function* planFormulas(plan: WritePlan): Generator<PlanFormula> {
  for (const r of plan.ranges) {
    const { row, col } = parseA1(r.at);
    for (let i = 0; i < r.cells.length; i++)
      for (let j = 0; j < r.cells[i].length; j++) {
        const c = r.cells[i][j];
        if ("formula" in c)
          yield { place: "cell", sheet: r.sheet, at: a1(row + i, col + j), formula: c.formula };
      }
  }
  for (const cf of plan.conditionalFormats)
    yield { place: "conditionalFormat", sheet: cf.sheet, at: cf.key, formula: cf.formula };
  for (const v of plan.validations) {
    const formula = validationFormula(v);
    if (formula !== undefined)
      yield { place: "validation", sheet: v.sheet, at: v.ranges.join(","), formula };
  }
  for (const n of plan.names) yield { place: "name", at: n.name, formula: n.refersTo };
}
