import { snapshotOfPackage } from "../../../src/xlsx/package";
import { WorkbookEditor } from "../../../src/xlsx/package/workbookEditor";
import { readWorkbook } from "../../../src/xlsx/readWorkbook";
import { scoreLoadedWorkbook } from "../../../src/xlsx/scoreXlsx";
import { snapshotBeforeApply } from "../../../src/xlsx/snapshot";
import { loadBook, sampleBytes, sampleSet, scorePlanOf } from "./packageHelpers";
import { richSample } from "./richFixture";

/**
 * The snapshot built from the package holds what today's ExcelJS-built one holds — the same shared format, so
 * either adapter can undo the other's run — on a second run, where there are rules to replace, a summary to
 * rebuild, validations and styles to keep.
 */

const NOW = new Date("2026-11-30T08:00:00Z");

test("on a scored workbook, the package's snapshot agrees with today's adapter's, field by field", async () => {
  const first = await loadBook(sampleBytes());
  const once = (await scoreLoadedWorkbook(first, readWorkbook(first), sampleSet())).bytes;
  const { read, plan } = await scorePlanOf(once);
  const mine = await snapshotOfPackage(await WorkbookEditor.open(once), read, plan, NOW);
  const today = snapshotBeforeApply(await loadBook(once), read, plan, NOW);
  for (const field of [
    "format",
    "createdAt",
    "cells",
    "addedSheets",
    "addedFormats",
    "deletedFormats",
    "validations",
    "styles",
  ] as const)
    expect([field, mine[field]]).toEqual([field, today[field]]);
  expect(
    mine.replacedSheets.map((s) => ({ ...s, columnWidths: s.columnWidths?.slice(0, 18) }))
  ).toEqual(today.replacedSheets);
  expect(mine.deletedFormats.length).toBeGreaterThan(0);
  expect(mine.replacedSheets.map((s) => s.name)).toEqual(["Tổng hợp"]);
  expect(mine.written?.length).toBe(mine.cells.length);
});

test("on a person's workbook it also keeps the rich text of written cells and the array formulas they lay in", async () => {
  const bytes = await richSample();
  const { read, plan } = await scorePlanOf(bytes);
  const mine = await snapshotOfPackage(await WorkbookEditor.open(bytes), read, plan, NOW);
  expect(mine.richText).toEqual([
    {
      sheet: "An Bình",
      cell: "E5",
      runs: [
        {
          text: "Điểm ",
          font: [
            ["b", {}],
            ["sz", { val: "11" }],
            ["color", { rgb: "FFC00000" }],
            ["rFont", { val: "Calibri" }],
          ],
        },
        {
          text: "chưa tính",
          font: [
            ["sz", { val: "11" }],
            ["color", { rgb: "FFC00000" }],
            ["rFont", { val: "Calibri" }],
          ],
        },
      ],
    },
  ]);
  expect(mine.arrayFormulas).toEqual([{ sheet: "An Bình", ref: "G13:G14", formula: "E13:E14" }]);
  const g = mine.cells.find((b) => b.sheet === "An Bình" && b.col === 7)!;
  // G5 and G6 were the shared formula =E5 filled down: each is kept with its own formula.
  expect(g.cells.slice(0, 2)).toEqual([{ f: "E5" }, { f: "E6" }]);
  const e = mine.cells.find((b) => b.sheet === "An Bình" && b.col === 5)!;
  expect(e.cells[0]).toEqual({ v: "Điểm chưa tính" });
  expect(mine.validations.find((v) => v.sheet === "An Bình" && v.previous)).toEqual({
    sheet: "An Bình",
    ranges: ["E7:E9"],
    previous: {
      rule: { wholeNumber: { operator: "Between", formula1: 0, formula2: 10 } },
      ignoreBlanks: true,
      errorAlert: { showAlert: true, title: "Sai", message: "0–10\nthôi" },
    },
  });
});
