import { runIn } from "./fakeExcel";
import { criteriaFromWorkbook } from "../../src/core/criteria/fromWorkbook";
import { criteriaToRows } from "../../src/core/criteria/sheetForm";
import { writeCriteriaSheet } from "../../src/excel/criteriaSheet";
import { SNAPSHOT_SHEET } from "../../src/core/snapshot/snapshot";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { revertActiveWorkbook } from "./activeWorkbook";
import { useRequirementSets } from "./fakeExcel";
import { fakeWorkbook, sampleSet, unitGrids } from "./fixtures";

useRequirementSets(17);

const set = sampleSet();
const runner = runIn;

describe("writeCriteriaSheet", () => {
  it("adds 'Bộ tiêu chí' through applyPlan: the set reads back, and revert removes the sheet", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 2));
    const before = book.state();
    const sheet = await writeCriteriaSheet(set.set, { run: runner(context) });
    expect(sheet).toBe("Bộ tiêu chí");
    expect(book.sheets.map((s) => s.name)).toEqual([
      "Xã 001",
      "Xã 002",
      SNAPSHOT_SHEET,
      "Bộ tiêu chí",
    ]);
    expect(book.sheet(SNAPSHOT_SHEET).visibility).toBe("VeryHidden");
    expect(book.sheet("Bộ tiêu chí").columnWidths.size).toBeGreaterThan(0);
    const read = await readWorkbook(context.asExcel());
    const back = criteriaFromWorkbook(read, "vi");
    expect(back?.ok && back.set).toEqual(set.set);

    await revertActiveWorkbook({ run: runner(context) });
    expect(book.find("Bộ tiêu chí")).toBeUndefined();
    expect(book.find(SNAPSHOT_SHEET)).toBeUndefined();
    expect(book.state()).toEqual(before);
  });

  it("replaces an existing criteria sheet under its own name ('Criteria'); revert puts the old one back", async () => {
    const old = { name: "Criteria", values: [["an older set"], ["1", "Lĩnh vực cũ"]] };
    const { book, context } = fakeWorkbook([old, ...unitGrids(set, 1)]);
    const before = book.state();
    const sheet = await writeCriteriaSheet(set.set, { run: runner(context) });
    expect(sheet).toBe("Criteria");
    expect(book.find("Bộ tiêu chí")).toBeUndefined();
    const rows = criteriaToRows(set.set);
    expect(book.sheet("Criteria").cell(1, 1)?.value).toBe(rows[0][0]);
    // In the old sheet's place.
    expect(book.sheets.map((s) => s.name)).toEqual(["Criteria", "Xã 001", SNAPSHOT_SHEET]);

    await revertActiveWorkbook({ run: runner(context) });
    expect(book.state()).toEqual(before);
  });

  it("writes nothing to a protected criteria sheet", async () => {
    const old = { name: "Bộ tiêu chí", values: [["an older set"]], protected: true };
    const { book, context } = fakeWorkbook([old, ...unitGrids(set, 1)]);
    const before = JSON.stringify(book.state());
    const error = await writeCriteriaSheet(set.set, { run: runner(context) }).catch(
      (e: unknown) => e
    );
    expect(error).toMatchObject({
      code: "sheet-protected",
      params: { sheets: "Bộ tiêu chí", count: 1 },
    });
    expect(JSON.stringify(book.state())).toBe(before);
  });
});
