import { createRule } from "../createRule";

interface Params {
  /** The first few cells as "Sheet!A1". */
  cells: string[];
  /** How many there are in all. */
  count: number;
}

/** "An Bình!E12, An Bình!E15, …": the cells a finding names, an ellipsis when there are more. */
function cellList(p: Params): string {
  return p.cells.join(", ") + (Number(p.count) > p.cells.length ? ", …" : "");
}

/** Decided on a whole file (check/notCalculated.ts): formulas with no calculated value to read. */
export default createRule<Params>()({
  id: "not-calculated",
  severity: "error",
  messages: {
    vi: (p) =>
      `Các công thức trong tệp chưa được tính (tệp do một chương trình ghi ra, chưa từng mở bằng bảng tính) nên không đọc được số liệu của ${p.count} ô: ${cellList(p)}; hãy mở tệp bằng Excel, lưu lại rồi chạy lại`,
    en: (p) =>
      `The file's formulas carry no calculated values (it was written by a program and never opened in a spreadsheet), so ${p.count} ${p.count === 1 ? "cell" : "cells"} cannot be read: ${cellList(p)}; open the file in Excel, save it and run again`,
  },
});
