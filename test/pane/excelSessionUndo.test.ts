/**
 * The pane's Excel session over the real src/excel and the fake Excel (test/excel/fake, installed as
 * Excel.run): what the person is told after a run (notices), what undo says when the workbook changed since
 * the run (conflicts, nothing written) and restoring what is safe, and going to a finding on a hidden sheet.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { SNAPSHOT_SHEET } from "../../src/core/snapshot/snapshot";
import { createExcelSession } from "../../src/taskpane/modes/excelSession";
import { isSheetHidden, reasonOf } from "../../src/taskpane/session";
import { FakeExcelHost, FakeSheet, FakeWorkbook, installRequirementSets } from "../excel/fakeExcel";
import { sampleSet, unitGrids } from "../excel/fixtures";

const CRITERIA = readFileSync(join(__dirname, "../fixtures/xa-2025-mau.criteria.json"), "utf8");
const set = sampleSet();

let undo: (() => void)[] = [];
afterEach(() => {
  undo.forEach((f) => f());
  undo = [];
});

/** Two unit sheets beside a person's own "TỔNG HỢP", the criteria imported through the session. */
async function scoredBook() {
  const book = new FakeWorkbook(unitGrids(set, 2));
  book.sheets.push(FakeSheet.fromGrid({ name: "TỔNG HỢP", values: [["Báo cáo của văn phòng"]] }));
  undo.push(installRequirementSets(17), new FakeExcelHost(book).install());
  const session = createExcelSession();
  const imported = await session.importCriteria(CRITERIA, "xa.json", "vi");
  expect(imported.ok).toBe(true);
  const scored = await session.score("en", async () => true);
  return { book, session, scored };
}

describe("the Excel session over the fake Excel", () => {
  test("a run's notices reach the pane in its language: the summary took a free name beside the person's", async () => {
    const { scored } = await scoredBook();
    expect(scored.done).toBe(true);
    expect(scored.done && scored.notices).toEqual([
      'The workbook already has a sheet "Tổng hợp" of its own, so CCHC left it alone and wrote the summary to a new sheet "Tổng hợp (2)".',
    ]);
  });

  test("undo after a row was inserted: the conflicts, nothing written; then 'restore what is safe'", async () => {
    const { book, session } = await scoredBook();
    book.insertRows("Xã 001", 3, 1);
    const moved = book.sheet("Xã 001").contents();
    const stored = book.sheet(SNAPSHOT_SHEET).contents();
    const first = await session.revertLastRun("vi");
    if (first.status !== "conflicts") throw new Error(`expected conflicts, got ${first.status}`);
    expect(first.conflicts.length).toBeGreaterThan(0);
    for (const c of first.conflicts) {
      expect(c.sheet).toBe("Xã 001");
      if ("missing" in c) throw new Error("no sheet is missing");
      expect(c.wrote).not.toBe(c.now);
    }
    expect(book.sheet("Xã 001").contents()).toEqual(moved);
    expect(book.sheet(SNAPSHOT_SHEET).contents()).toEqual(stored);

    const second = await session.revertLastRun("en", { restoreSafe: true });
    if (second.status !== "reverted") throw new Error(`expected reverted, got ${second.status}`);
    expect(second.left).toEqual(first.conflicts);
    expect(second.notices.join("\n")).toContain('"Xã 001" changed after the run');
    const after = book.sheet("Xã 001").contents();
    for (const c of second.left) if ("cell" in c) expect(after[c.cell]).toBe(moved[c.cell]);
    // Xã 002 was not touched by the person: its run is undone.
    expect(book.sheet("Xã 002").conditionalFormats).toEqual([]);
  });

  test("a finding on a hidden sheet: the error says hidden, and going there again with unhide shows it", async () => {
    const { book, session } = await scoredBook();
    book.sheet("Xã 002").visibility = "Hidden";
    const error = await session.goTo("Xã 002", "E10").catch((e: unknown) => e);
    expect(isSheetHidden(error)).toBe(true);
    expect(reasonOf(error, "en")).toContain("Xã 002");
    expect(isSheetHidden(new Error("other"))).toBe(false);
    await session.goTo("Xã 002", "E10", { unhide: true });
    expect(book.sheet("Xã 002").visibility).toBe("Visible");
    expect(book.activeSheet).toBe("Xã 002");
  });
});
