import { MARKS_NAME } from "../owned/names";
import { a1 } from "../sheet/address";
import { Columns } from "../sheet/layout";

/**
 * Excel expressions for one row of a unit sheet. Only functions every Excel since 2007 and LibreOffice compute:
 * SUM, IF, ISNUMBER, N, MATCH, TRIM, ROUND, TRUNC, MIN, MAX, ABS, COUNT, RANK, LOOKUP, IFERROR (core/excelRules
 * checks every plan against Excel 2007's functions).
 * `prefix` qualifies references with a sheet ("'An Bình'!") when used from another sheet.
 */
export class RowRefs {
  constructor(
    private readonly cols: Columns,
    readonly row: number,
    private readonly prefix = ""
  ) {}

  ref(col: number): string {
    return this.prefix + a1(this.row, col);
  }

  get self(): string | undefined {
    return this.cols.self !== undefined ? this.ref(this.cols.self) : undefined;
  }

  round(k: number): string {
    return this.ref(this.cols.appraised[k]);
  }

  /**
   * The score through appraisal round k (-1: self only): the last number among self, R1 … Rk; a self cell holding
   * anything but a number (text, TRUE, #REF!) counts as no score, as in core. Survey leaves never fall back to self.
   */
  finalThrough(k: number, survey: boolean, empty: '""' | "0", markable = false): string {
    let expr = !survey && this.self ? `IF(ISNUMBER(${this.self}),${this.self},${empty})` : empty;
    for (let i = 0; i <= k; i++) {
      const r = this.round(i);
      expr = markable
        ? `IF(ISNUMBER(${r}),${r},IF(${isMark(r)},${empty},${expr}))`
        : `IF(ISNUMBER(${r}),${r},${expr})`;
    }
    return expr;
  }

  /** TRUE where the cell that counts through round k (default: all) holds a not-applicable mark (KĐG, N/A …). */
  notApplicable(k = this.cols.appraised.length - 1): string {
    const rounds = this.cols.appraised.slice(0, k + 1).map((_, i) => this.round(i));
    let expr = this.self ? isMark(this.self) : "FALSE";
    for (const r of rounds) expr = `IF(OR(ISNUMBER(${r}),${isMark(r)}),${isMark(r)},${expr})`;
    return expr;
  }
}

/**
 * TRUE where the cell holds a not-applicable mark, in cells and in rule formulas alike. The marks are cells of the
 * data sheet reached by name: a rule formula may not hold an array constant (docs/writing-workbooks.md §2).
 * MATCH compares text without case, as core's isNotApplicableMark does.
 */
export function isMark(ref: string): string {
  return `ISNUMBER(MATCH(TRIM(${ref}),${MARKS_NAME},0))`;
}

/** SUM/COUNT take at most 255 arguments: long lists are split and the parts added. */
export function callChunked(fn: "SUM" | "COUNT", args: string[]): string {
  if (args.length === 0) return "0";
  const parts: string[] = [];
  for (let i = 0; i < args.length; i += 250)
    parts.push(`${fn}(${args.slice(i, i + 250).join(",")})`);
  return parts.join("+");
}

/** The index as the set rounds it; the inner ROUND(…,9) mirrors core's snapping of binary noise. */
export function roundedIndex(expr: string, decimals: number, mode: "round" | "truncate"): string {
  const fn = mode === "truncate" ? "TRUNC" : "ROUND";
  return `MIN(100,MAX(0,${fn}(ROUND(${expr},9),${decimals})))`;
}

export function num(n: number): string {
  return String(Math.round(n * 1e9) / 1e9);
}
