import { columnBlocks } from "../../../src/core/plan/cellBlocks";
import { runRecord } from "../../../src/core/snapshot/runRecord";
import { savedCells, savedSheet } from "../../../src/core/snapshot/snapshot";
import { snapshotOfPackage } from "../../../src/xlsx/package";
import { WorkbookEditor } from "../../../src/xlsx/package/workbookEditor";
import { scoreXlsx } from "../useCases";
import { sampleBytes, sampleSet, scorePlanOf } from "./packageHelpers";
import { richSample } from "./richFixture";

/**
 * The snapshot built from the package records what the reader reads — the same shared format the Excel adapter
 * writes, so either adapter can undo the other's run — on a second run, where there are rules to replace, a
 * summary and a data sheet to rebuild, validations and styles to keep.
 */

const NOW = new Date("2026-11-30T08:00:00Z");

async function snapshotFor(bytes: Uint8Array) {
  const { read, plan } = await scorePlanOf(bytes);
  const blocks = columnBlocks(plan.ranges, new Set(plan.sheets.map((s) => s.name)));
  const record = runRecord(read, plan, blocks);
  const snapshot = await snapshotOfPackage(
    await WorkbookEditor.open(bytes),
    read,
    plan,
    { written: record.written, sheetMarkers: record.sheetMarkers, names: record.names },
    NOW
  );
  return { read, plan, blocks, snapshot };
}

test("on a scored workbook, the package's snapshot holds what the reader reads there, and the run's record", async () => {
  const { read: first } = await scorePlanOf(sampleBytes());
  const once = (await scoreXlsx(sampleBytes(), first, sampleSet())).bytes;
  const { read, blocks, snapshot: mine } = await snapshotFor(once);
  const grids = new Map(read.sheets.map((g) => [g.name, g]));
  expect(mine.cells).toEqual(savedCells(grids, blocks));
  expect(mine.cells.some((b) => b.cells.some((c) => c !== null && c !== "" && "f" in c))).toBe(
    true
  );
  expect(mine.replacedSheets.map((s) => s.name)).toEqual(["Tổng hợp", "cchc_du_lieu"]);
  for (const s of mine.replacedSheets)
    expect(s.rows).toEqual(savedSheet(grids.get(s.name)!, s.position).rows);
  expect(mine.addedSheets).toEqual([]);
  expect(mine.deletedFormats.length).toBeGreaterThan(0);
  expect(mine.deletedFormats.map((f) => f.formula).sort()).toEqual(
    mine.addedFormats.map((f) => f.formula).sort()
  );
  expect(mine.written?.length).toBe(mine.cells.length);
  expect(mine.sheetMarkers?.map((m) => m.marker)).toContain("_cchc.undo.1");
});

test("on a person's workbook it also keeps the rich text of written cells and the array formulas they lay in", async () => {
  const bytes = await richSample();
  const { snapshot: mine } = await snapshotFor(bytes);
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
