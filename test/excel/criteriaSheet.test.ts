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

  it("gives the sheet dropdowns of the Vietnamese words, wrapped names, readable widths and a frozen header", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 1));
    await writeCriteriaSheet(set.set, { run: runner(context) });
    const ws = book.sheet("Bộ tiêu chí");
    const rows = criteriaToRows(set.set);
    const header = rows.findIndex((r) => r[0] === "Mã") + 1;
    const first = header + 1;
    expect(ws.frozenRows).toBe(header);
    // The rule column's dropdown: a list over cells of the sheet that hold the words the sheet writes.
    const rule = ws.validations.get(`${first},6`);
    expect(rule?.rule?.list?.inCellDropDown).toBe(true);
    expect(rule?.errorAlert).toMatchObject({ showAlert: true, style: "Warning" });
    const source = String(rule?.rule?.list?.source);
    const m = /^='Bộ tiêu chí'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(source);
    expect(m).not.toBeNull();
    const col = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const words = [];
    for (let c = col(m![1]); c <= col(m![3]); c++) words.push(ws.cell(Number(m![2]), c)?.value);
    expect(words).toEqual(["Đạt/Không đạt", "Theo mức", "Trừ điểm", "Tỷ lệ", "Tự do"]);
    // Every node row has it; the adjustments' rows have their own list.
    const nodes = rows.findIndex((r) => r[1] === "Điểm thưởng, điểm trừ") - header;
    for (let r = first; r < first + nodes; r++)
      expect(ws.validations.get(`${r},6`)?.rule).toEqual(rule?.rule);
    const bonus = ws.validations.get(`${first + nodes + 1},6`)?.rule?.list?.source;
    expect(bonus).toBeDefined();
    expect(bonus).not.toBe(source);
    for (const [r, c] of [
      [first, 8],
      [first, 9],
      [first, 10],
      [4, 2],
      [6, 2],
    ])
      expect([r, c, ws.validations.get(`${r},${c}`)?.rule?.list?.inCellDropDown]).toEqual([
        r,
        c,
        true,
      ]);
    // Names, parameters and the header wrapped; the header bold.
    for (const [r, c] of [
      [first, 2],
      [first + 3, 2],
      [first + 2, 7],
      [header, 8],
    ])
      expect([r, c, ws.styles.get(`${r},${c}`)?.wrap]).toEqual([r, c, true]);
    expect(ws.styles.get(`${header},1`)?.bold).toBe(true);
    // Widths in points: the rule column fits "Đạt/Không đạt" and the arrow; the names column is wide.
    const points = (chars: number) => (chars * 7 + 5) * 0.75;
    expect(ws.columnWidths.get(6)).toBeGreaterThanOrEqual(points("Đạt/Không đạt".length + 2));
    expect(ws.columnWidths.get(2)).toBeGreaterThanOrEqual(points(40));
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
