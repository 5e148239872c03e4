import { FORMULA_MAX_CHARS } from "../excelRules/limits";
import { qualifyReferences } from "../formula/formulaText";
import { HelperColumn } from "./dataSheet";
import { callChunked } from "./expressions";

/** How a formula writes its long sums: inline, or parts of them in helper cells on the data sheet. */
export interface Sums {
  /** SUM over the terms (in chunks of 250 arguments, Excel's cap). */
  sum(terms: string[]): string;
  /** The terms added with "+". */
  plus(terms: string[]): string;
}

export const INLINE: Sums = {
  sum: (terms) => callChunked("SUM", terms),
  plus: (terms) => terms.join("+"),
};

/** Room left in a helper cell's formula for what surrounds a chunk; well under Excel's 8,192. */
const HELPER_BUDGET = FORMULA_MAX_CHARS - 192;
const MAX_ARGS = 250;
/** Sums longer than this go to helper cells, trying the longest first: most formulas need one step. */
const THRESHOLDS = [4096, 2048, 1024, 512, 256, 0];

/**
 * A cell's formula within Excel's 8,192 characters: built inline as it always was if that fits; otherwise built
 * again with every sum longer than a threshold moved into helper cells (chunks that each fit, their references
 * naming the unit sheet), lowering the threshold until the formula fits. What the cell computes is unchanged:
 * the same terms, added in chunks.
 */
export function fittedFormula(
  build: (sums: Sums) => string,
  unitSheet: string,
  helpers: () => HelperColumn
): string {
  const inline = build(INLINE);
  if (fits(inline)) return inline;
  let last = inline;
  for (const threshold of THRESHOLDS) {
    const column = helpers();
    const mark = column.mark();
    last = build(spilling(threshold, unitSheet, column));
    if (fits(last)) return last;
    column.rollback(mark);
  }
  return last; // still too long: core/excelRules refuses the plan, naming the cell
}

function fits(formula: string): boolean {
  return formula.length + 1 <= FORMULA_MAX_CHARS;
}

function spilling(threshold: number, unitSheet: string, column: HelperColumn): Sums {
  const spill = (terms: string[], kind: "sum" | "plus"): string => {
    const chunks: string[][] = [];
    let chunk: string[] = [];
    let size = 0;
    for (const term of terms.map((t) => qualifyReferences(t, unitSheet))) {
      if (
        chunk.length &&
        (size + term.length + 1 > HELPER_BUDGET || (kind === "sum" && chunk.length >= MAX_ARGS))
      ) {
        chunks.push(chunk);
        chunk = [];
        size = 0;
      }
      chunk.push(term);
      size += term.length + 1;
    }
    if (chunk.length) chunks.push(chunk);
    const refs = chunks.map((c) =>
      column.put(kind === "sum" ? `SUM(${c.join(",")})` : c.join("+"))
    );
    if (refs.length === 1) return refs[0];
    return kind === "sum" ? callChunked("SUM", refs) : refs.join("+");
  };
  return {
    sum: (terms) => {
      const inline = INLINE.sum(terms);
      return inline.length <= threshold || terms.length === 0 ? inline : spill(terms, "sum");
    },
    plus: (terms) => {
      const inline = INLINE.plus(terms);
      return inline.length <= threshold || terms.length === 0 ? inline : spill(terms, "plus");
    },
  };
}
