import { CellValue, SheetGrid } from "../../src/core/port";

/** One row of a province's scoring form: its code as the form writes it, name and max. */
export interface FormRow {
  code: CellValue;
  name: string;
  max?: CellValue;
  /** The self-score typed on the row (a filled form). */
  self?: number;
}

export interface FormSpec {
  sheet: string;
  title?: string;
  rows: FormRow[];
  /** "Điểm thẩm định" merged over "Lần 1 | Lần 2", every other header merged down over both rows. */
  twoRowHeader?: boolean;
  /** The (1) (2) (3) … row forms put under the header. */
  columnNumbers?: boolean;
  total?: CellValue;
  bonus?: { code?: string; name: string; max: CellValue };
  penalty?: { code?: string; name: string; max: CellValue };
  headers?: { code?: string; name?: string; max?: string; self?: string };
}

/** Columns: code, name, max, self, evidence, appraised (one or two rounds), note. */
export function buildForm(spec: FormSpec): SheetGrid {
  const h = {
    code: "STT",
    name: "Nội dung tiêu chí",
    max: "Điểm tối đa",
    self: "Điểm tự chấm",
    ...spec.headers,
  };
  const values: CellValue[][] = [["UBND TỈNH AN GIANG"], [spec.title ?? null], []];
  const merges: string[] = [];
  const headerRow = values.length + 1;
  if (spec.twoRowHeader) {
    values.push([
      h.code,
      h.name,
      h.max,
      h.self,
      "Tài liệu kiểm chứng",
      "Điểm thẩm định",
      null,
      "Ghi chú",
    ]);
    values.push([null, null, null, null, null, "Lần 1", "Lần 2", null]);
    for (const c of ["A", "B", "C", "D", "E", "H"])
      merges.push(`${c}${headerRow}:${c}${headerRow + 1}`);
    merges.push(`F${headerRow}:G${headerRow}`);
  } else {
    values.push([
      h.code,
      h.name,
      h.max,
      h.self,
      "Tài liệu kiểm chứng",
      "Điểm thẩm định",
      "Ghi chú",
    ]);
  }
  if (spec.columnNumbers) values.push(values[values.length - 1].map((_, i) => `(${i + 1})`));
  for (const r of spec.rows) values.push([r.code, r.name, r.max ?? null, r.self ?? null]);
  if (spec.total !== undefined) values.push([null, "Tổng cộng", spec.total]);
  for (const a of [spec.bonus, spec.penalty]) if (a) values.push([a.code ?? null, a.name, a.max]);
  return { name: spec.sheet, values, merges };
}

/**
 * Findings that say a criteria set and a sheet do not fit each other (as opposed to findings about the scores):
 * a set drafted from a form must give none of these on that form.
 */
export const STRUCTURAL_RULES: readonly string[] = [
  "header-not-found",
  "missing-criterion",
  "unknown-criterion",
  "duplicate-criterion",
  "ambiguous-code",
  "max-mismatch",
  "no-scoring-sheet",
];
