import { listName, MARKS_NAME } from "../owned/names";
import { CellWrite, RangeWrite, WritePlan } from "../port";
import { NOT_APPLICABLE_MARKS } from "../facts/scoreCell";
import { absA1, columnLetter, sheetRef } from "../sheet/address";

/** The marks in both Unicode forms, as people's keyboards type them (MATCH compares code points, not forms). */
export const MARK_TEXTS: readonly string[] = NOT_APPLICABLE_MARKS.flatMap((m) => [
  m.normalize("NFC"),
  m.normalize("NFD"),
]).filter((m, i, xs) => xs.indexOf(m) === i);

const FIRST_ROW = 2; // row 1 holds a header, for whoever unhides the sheet

/**
 * The veryHidden data sheet (role "data"): column A the not-applicable marks (`_cchc.marks`), then one column per
 * distinct allowed-score list (`_cchc.list.<n>`, numbers as numbers), then one column of helper cells per unit sheet
 * whose formulas would pass Excel's length limit. Lists are registered first, in the criteria set's order, so the
 * same input always gives the same sheet. See docs/writing-workbooks.md §2.
 */
export class DataSheetPlan {
  private readonly lists: { key: string; values: (number | string)[] }[] = [];
  private readonly helperColumns: HelperColumn[] = [];

  constructor(readonly name: string) {}

  /** The name of the list holding these items, registered on first use. */
  listFor(values: (number | string)[]): string {
    const key = JSON.stringify(values);
    let i = this.lists.findIndex((l) => l.key === key);
    if (i < 0) {
      if (this.helperColumns.length)
        throw new Error("lists must be registered before helper cells");
      i = this.lists.push({ key, values }) - 1;
    }
    return listName(i + 1);
  }

  /** Helper cells for one unit sheet's formulas: a column of its own, made on first use. */
  helpersFor(unitSheet: string): HelperColumn {
    let h = this.helperColumns.find((c) => c.unitSheet === unitSheet);
    if (!h) {
      const col = 2 + this.lists.length + this.helperColumns.length;
      h = new HelperColumn(this.name, unitSheet, col);
      this.helperColumns.push(h);
    }
    return h;
  }

  plan(): WritePlan {
    const sheet = this.name;
    const column = (col: number, header: string, cells: CellWrite[]): RangeWrite => ({
      sheet,
      at: `${columnLetter(col)}1`,
      cells: [[{ value: header }], ...cells.map((c) => [c])],
    });
    const area = (col: number, n: number) =>
      sheetRef(sheet, `${absA1(FIRST_ROW, col)}:${absA1(FIRST_ROW + n - 1, col)}`);
    const helpers = this.helperColumns.filter((h) => h.size > 0);
    return {
      sheets: [{ name: sheet, role: "data", owned: true, visibility: "veryHidden" }],
      ranges: [
        column(
          1,
          "Dấu không đánh giá",
          MARK_TEXTS.map((m) => ({ value: m }))
        ),
        ...this.lists.map((l, i) =>
          column(
            2 + i,
            `Mức điểm ${i + 1}`,
            l.values.map((v) => ({ value: v }))
          )
        ),
        ...helpers.map((h) =>
          column(
            h.col,
            h.unitSheet,
            h.formulas.map((f) => ({ formula: f }))
          )
        ),
      ],
      styles: [
        {
          sheet,
          range: `A1:${columnLetter(Math.max(1, 1 + this.lists.length, ...helpers.map((h) => h.col)))}1`,
          style: { bold: true },
        },
      ],
      conditionalFormats: [],
      validations: [],
      names: [
        { name: MARKS_NAME, refersTo: area(1, MARK_TEXTS.length) },
        ...this.lists.map((l, i) => ({
          name: listName(i + 1),
          refersTo: area(2 + i, l.values.length),
        })),
      ],
    };
  }
}

/**
 * Helper cells of one unit sheet, down one column of the data sheet. A formula tried with helpers and found still
 * too long gives its cells back (mark / rollback), so only what a plan uses is written.
 */
export class HelperColumn {
  readonly formulas: string[] = [];

  constructor(
    private readonly dataSheet: string,
    readonly unitSheet: string,
    readonly col: number
  ) {}

  get size(): number {
    return this.formulas.length;
  }

  /** Puts a formula (its references already naming their sheets) in the next cell; gives that cell's reference. */
  put(formula: string): string {
    this.formulas.push(formula);
    return sheetRef(this.dataSheet, absA1(FIRST_ROW + this.formulas.length - 1, this.col));
  }

  mark(): number {
    return this.formulas.length;
  }

  rollback(mark: number): void {
    this.formulas.length = mark;
  }
}
