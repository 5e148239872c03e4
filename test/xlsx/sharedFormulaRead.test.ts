import { formulaAt } from "../../src/core/sheet/grid";
import { loadWorkbookBytes } from "../../src/xlsx/loadWorkbook";
import { readWorkbook } from "../../src/xlsx/readWorkbook";
import { sharedFormulas } from "../support/realShaped/excelMade";

/**
 * A shared formula (ECMA-376 Part 1 §18.3.1.40) is written once, on its first cell; the others hold only its
 * group number and take it shifted. ExcelJS gives those cells the first cell's address as their "sharedFormula":
 * the reader must give each cell its own formula, as Excel shows it.
 */
test("each cell of a shared formula reads as its own formula, shifted from the first cell's", async () => {
  // "An Bình"!G5:G51 share G5's formula "E5".
  const read = readWorkbook(await loadWorkbookBytes(await sharedFormulas(), { readOnly: true }));
  const grid = read.sheets.find((s) => s.name === "An Bình")!;
  expect(formulaAt(grid, 5, 7)).toBe("E5");
  expect(formulaAt(grid, 6, 7)).toBe("E6");
  expect(formulaAt(grid, 51, 7)).toBe("E51");
});
