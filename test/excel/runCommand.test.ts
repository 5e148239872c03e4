import { DomainError } from "../../src/core/errors/domainError";
import { runIn } from "./fakeExcel";
import { checkWorkbook } from "../../src/core/check/checkWorkbook";
import { SUMMARY_SHEET } from "../../src/core/check/sheetNames";
import { planScoreWorkbook } from "../../src/core/plan/workbookPlan";
import { applyPlan } from "../../src/excel/applyPlan";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { SNAPSHOT_SHEET } from "../../src/core/snapshot/snapshot";
import {
  checkActiveWorkbook,
  revertActiveWorkbook,
  scoreActiveWorkbook,
  summarizeActiveWorkbook,
} from "./activeWorkbook";
import { SUMMARY_CHART } from "../../src/excel/summaryChart";
import { isAddinWriting, WRITE_EVENT_GRACE_MS } from "../../src/excel/writeGuard";
import { FakeExcelHost, FakeSheet, FakeWorkbook, installRequirementSets } from "./fakeExcel";
import { fakeWorkbook, sampleSet, unitGrids } from "./fixtures";

let restore: () => void;
beforeEach(() => (restore = installRequirementSets(17)));
afterEach(() => restore());

const set = sampleSet();
const runner = runIn;
const withoutSnapshot = (book: FakeWorkbook) =>
  (book.state() as { name: string }[]).filter((s) => s.name !== SNAPSHOT_SHEET);
const withoutCharts = (state: unknown[]) =>
  (state as Record<string, unknown>[]).map((s) => ({ ...s, charts: [] }));
const countFormats = (book: FakeWorkbook) =>
  book.sheets.reduce((n, s) => n + s.conditionalFormats.length, 0);

describe("commands on the open workbook", () => {
  it("checks without writing anything", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 3));
    const before = JSON.stringify(book.state());
    const outcome = await checkActiveWorkbook({ criteria: set, run: runner(context) });
    expect(outcome.check.units).toHaveLength(3);
    expect(context.syncs).toBe(2);
    expect(JSON.stringify(book.state())).toBe(before);
  });

  it("is idempotent: scoring twice gives the same cells, the same conditional formats, one summary sheet, one chart", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 4));
    const first = await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    expect(first.status).toBe("written");
    const afterFirst = withoutSnapshot(book);
    const formats = countFormats(book);
    const second = await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    expect(second.status).toBe("written");
    expect(withoutSnapshot(book)).toEqual(afterFirst);
    expect(countFormats(book)).toBe(formats);
    expect(formats).toBeGreaterThan(0);
    expect(book.sheets.filter((s) => s.name === SUMMARY_SHEET)).toHaveLength(1);
    expect(book.sheets.filter((s) => s.name === SNAPSHOT_SHEET)).toHaveLength(1);
    expect(book.sheets.flatMap((s) => s.charts.map((c) => c.name))).toEqual([SUMMARY_CHART]);
    const chart = book.sheet(SUMMARY_SHEET).charts[0];
    expect(chart).toMatchObject({
      type: "BarClustered",
      source: expect.stringMatching(/^[A-Z]+5:[A-Z]+8$/),
      xValues: "B5:B8",
    });
    expect(book.sheet(SUMMARY_SHEET).frozenRows).toBe(4);
  });

  it("deletes a chart of ours that was moved to another sheet instead of adding a second one", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 2));
    await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    book
      .sheet("Xã 001")
      .charts.push({ name: SUMMARY_CHART, type: "BarClustered", source: "A1:A2" });
    await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    expect(book.sheets.flatMap((s) => s.charts.map((c) => `${s.name}/${c.name}`))).toEqual([
      `${SUMMARY_SHEET}/${SUMMARY_CHART}`,
    ]);
  });

  it("reverts a first run to the exact previous state: cells, styles, sheets, conditional formats, validations", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 3));
    // The office had made the label column italic and red; the run makes the total and index labels bold.
    const styles = book.sheet("Xã 001").styles;
    for (let row = 1; row <= 80; row++)
      styles.set(`${row},2`, { italic: true, fontColor: "#C00000" });
    const bold = () => [...styles.values()].filter((s) => s.bold === true).length;
    const before = book.state(true);
    await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    expect(book.state(true)).not.toEqual(before);
    expect(bold()).toBeGreaterThanOrEqual(2);
    const syncs = context.syncs;
    const report = await revertActiveWorkbook({ run: runner(context) });
    console.log(
      `revert of a 3-sheet run: ${context.syncs - syncs} syncs (${report.status === "reverted" ? report.restoredCells : "no"} cells restored)`
    );
    expect(report.status).toBe("reverted");
    expect(book.state(true)).toEqual(before);
    expect(bold()).toBe(0);
    expect(countFormats(book)).toBe(0);
    await expect(revertActiveWorkbook({ run: runner(context) })).rejects.toMatchObject({
      code: "nothing-to-revert",
    });
  });

  it("reverts a run that replaced an existing 'Tổng hợp': the previous summary, formulas and rules come back", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 3));
    await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    // Between runs a person corrects a score and types a note on the summary sheet.
    book.sheet("Xã 002").put(7, 5, { value: 0.5 });
    book.sheet(SUMMARY_SHEET).put(300, 20, { value: "ghi chú của văn phòng" });
    const before = withoutSnapshot(book);
    const formats = countFormats(book);
    const validations = new Map(book.sheet("Xã 001").validations);
    const order = () => book.sheets.map((s) => s.name).filter((n) => n !== SNAPSHOT_SHEET);
    const orderBefore = order();
    await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    expect(book.sheet(SUMMARY_SHEET).cell(300, 20)).toBeUndefined();
    await revertActiveWorkbook({ run: runner(context) });
    // Charts and the formatting of a replaced summary sheet are not restored in Excel (see the report);
    // everything else is.
    expect(withoutCharts(withoutSnapshot(book))).toEqual(withoutCharts(before));
    expect(countFormats(book)).toBe(formats);
    expect(new Map(book.sheet("Xã 001").validations)).toEqual(validations);
    expect(order()).toEqual(orderBefore);
    // The undo sheet held the first run's snapshot before the second: it stays, emptied (undo goes back one run).
    expect(book.sheet(SNAPSHOT_SHEET).contents()).toEqual({});
    await expect(revertActiveWorkbook({ run: runner(context) })).rejects.toMatchObject({
      code: "nothing-to-revert",
    });
  });

  it("a person's formula reading 'Tổng hợp' survives a re-run and a revert (the sheet is emptied, never deleted)", async () => {
    const grids = unitGrids(set, 3);
    const { book, context } = fakeWorkbook([...grids, { name: "Báo cáo", values: [[null]] }]);
    await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    book.sheet("Báo cáo").put(1, 1, { value: 0, formula: `='${SUMMARY_SHEET}'!E5` });
    await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    expect(book.sheet("Báo cáo").cell(1, 1)?.formula).toBe(`='${SUMMARY_SHEET}'!E5`);
    await revertActiveWorkbook({ run: runner(context) });
    expect(book.sheet("Báo cáo").cell(1, 1)?.formula).toBe(`='${SUMMARY_SHEET}'!E5`);
    expect(book.sheet(SUMMARY_SHEET).charts.length).toBeLessThanOrEqual(1);
    // What deleting the sheet would have done, as Excel does it (and as this fake models it):
    const ws = context.asExcel().workbook.worksheets.getItem(SUMMARY_SHEET);
    ws.delete();
    await context.asExcel().sync();
    expect(book.sheet("Báo cáo").cell(1, 1)?.formula).toBe("=#REF!");
  });

  it("writes a unit called =HYPERLINK(…) into the summary as text", async () => {
    const grids = unitGrids(set, 2);
    grids[0].values[1] = ['Đơn vị: =HYPERLINK("http://x","y")'];
    grids[1].values[1] = ["Đơn vị: =1+2"];
    const { book, context } = fakeWorkbook(grids);
    const outcome = await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    expect(outcome.check.units.map((u) => u.name).sort()).toEqual([
      "=1+2",
      '=HYPERLINK("http://x","y")',
    ]);
    const summary = book.sheet(SUMMARY_SHEET);
    const names = [5, 6].map((row) => summary.cell(row, 2));
    expect(names.map((c) => c?.formula)).toEqual([undefined, undefined]);
    expect(names.map((c) => c?.value).sort()).toEqual(["=1+2", '=HYPERLINK("http://x","y")']);
  });

  it("shows typed values that would become formulas and writes nothing unless confirmed", async () => {
    const grids = unitGrids(set, 2);
    grids[0].values[4][4] = 9; // a typed subtotal on field 1's row, where the plan puts a SUM
    const { book, context } = fakeWorkbook(grids);
    const before = JSON.stringify(book.state());
    const shown: string[] = [];
    const refused = await scoreActiveWorkbook({
      criteria: set,
      run: runner(context),
      confirmTypedCells: (c) => (
        shown.push(...c.map((x) => `${x.sheet}!${x.cell}=${x.value}`)),
        false
      ),
    });
    expect(refused.status).toBe("cancelled");
    expect(shown).toEqual(["Xã 001!E5=9"]);
    expect(JSON.stringify(book.state())).toBe(before);
    const accepted = await scoreActiveWorkbook({
      criteria: set,
      run: runner(context),
      confirmTypedCells: () => true,
    });
    expect(accepted.status).toBe("written");
    expect(book.sheet("Xã 001").cell(5, 5)?.formula).toMatch(/^=SUM\(/);
  });

  it("summary only rebuilds 'Tổng hợp' once the unit sheets are scored, else scores them too", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 2));
    await summarizeActiveWorkbook({ criteria: set, run: runner(context) });
    expect(book.sheet("Xã 001").conditionalFormats.length).toBeGreaterThan(0);
    const unitCells = JSON.stringify(book.sheet("Xã 001").contents());
    book.sheet("Xã 001").conditionalFormats = [];
    await summarizeActiveWorkbook({ criteria: set, run: runner(context) });
    expect(book.sheet("Xã 001").conditionalFormats).toEqual([]);
    expect(JSON.stringify(book.sheet("Xã 001").contents())).toBe(unitCells);
    expect(book.sheets.filter((s) => s.name === SUMMARY_SHEET)).toHaveLength(1);
  });

  it("says the add-in is writing while it writes, and before ExcelApi 1.14 for a moment after (change events arrive late)", async () => {
    restore();
    restore = installRequirementSets(13);
    const { context } = fakeWorkbook(unitGrids(set, 1));
    const seen: boolean[] = [];
    const sync = context.sync.bind(context);
    context.sync = async () => {
      seen.push(isAddinWriting());
      return sync();
    };
    await new Promise((resolve) => setTimeout(resolve, WRITE_EVENT_GRACE_MS + 50)); // earlier tests' writes
    expect(isAddinWriting()).toBe(false);
    await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    expect(seen.slice(0, 2)).toEqual([false, false]); // the read
    expect(seen.slice(-2)).toEqual([true, true]); // the writes and the recalculation
    expect(isAddinWriting()).toBe(true);
    expect(isAddinWriting(Date.now() + 60_000)).toBe(false);
    // Where change events carry their triggerSource (ExcelApi 1.14), only while it writes.
    restore();
    restore = installRequirementSets(14);
    expect(isAddinWriting()).toBe(false);
  });
});

describe("conditional formats by priority id (Excel.ConditionalFormat.id is a position)", () => {
  it("a second run and a revert delete exactly our rules: a person's own rule on the sheet stays", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 2));
    const own = { formula: "=$E7>100", ranges: ["E7:E20"], fill: "#FF0000" };
    book.sheet("Xã 001").conditionalFormats.push({ ...own });
    await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    const afterFirst = book.sheet("Xã 001").conditionalFormats.map((c) => c.formula);
    expect(afterFirst.length).toBeGreaterThan(2);
    await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    expect(
      book
        .sheet("Xã 001")
        .conditionalFormats.map((c) => c.formula)
        .sort()
    ).toEqual([...afterFirst].sort());
    await revertActiveWorkbook({ run: runner(context) });
    expect(
      book
        .sheet("Xã 001")
        .conditionalFormats.map((c) => c.formula)
        .sort()
    ).toEqual([...afterFirst].sort());
    expect(book.sheet("Xã 001").conditionalFormats).toContainEqual(own);

    const once = fakeWorkbook(unitGrids(set, 2));
    once.book.sheet("Xã 001").conditionalFormats.push({ ...own });
    await scoreActiveWorkbook({ criteria: set, run: runner(once.context) });
    await revertActiveWorkbook({ run: runner(once.context) });
    expect(once.book.sheet("Xã 001").conditionalFormats).toEqual([own]);
  });

  it("writes nothing when a person added a rule between the read and the write (every id moved)", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 2));
    await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    const read = await readWorkbook(context.asExcel());
    const { plan } = planScoreWorkbook(set, read, checkWorkbook(set, read).units);
    book.sheet("Xã 002").conditionalFormats.unshift({ formula: "=$E7>100", ranges: ["E7"] });
    const before = JSON.stringify(book.state());
    const error = await applyPlan(context.asExcel(), plan, { read }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "workbook-changed" });
    expect((error as DomainError<"workbook-changed">).params.changed).toContainEqual({
      sheet: "Xã 002",
      cell: "",
    });
    expect(JSON.stringify(book.state())).toBe(before);
  });
});

describe("Excel.run while the person edits a cell", () => {
  it("asks Excel to wait until edit mode ends (delayForCellEdit) instead of failing", async () => {
    const book = new FakeWorkbook(unitGrids(set, 2));
    const host = new FakeExcelHost(book);
    const put = host.install();
    try {
      book.startCellEdit();
      let done = false;
      const scoring = scoreActiveWorkbook({ criteria: set }).then((o) => ((done = true), o));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(done).toBe(false);
      book.endCellEdit();
      expect((await scoring).status).toBe("written");
      expect(host.runOptions).toEqual([{ delayForCellEdit: true }]);
    } finally {
      put();
    }
  });
});

describe("workbook structure protection (ExcelApi 1.7)", () => {
  it("is read; a first run, which must add sheets, and its undo, which must delete them, refuse before writing anything", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 2));
    book.structureProtected = true;
    const read = await readWorkbook(context.asExcel());
    expect(read.structureProtected).toBe(true);
    const untouched = JSON.stringify(book.state());
    for (const attempt of [
      () => scoreActiveWorkbook({ criteria: set, run: runner(context) }),
      () => summarizeActiveWorkbook({ criteria: set, run: runner(context) }),
    ]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "structure-protected" });
      expect(JSON.stringify(book.state())).toBe(untouched);
    }
    book.structureProtected = false;
    await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    book.structureProtected = true;
    const scored = JSON.stringify(book.state());
    const error = await revertActiveWorkbook({ run: runner(context) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "structure-protected" });
    expect(JSON.stringify(book.state())).toBe(scored);
    // A check writes nothing, so it still works.
    expect(
      (await checkActiveWorkbook({ criteria: set, run: runner(context) })).check.units
    ).toHaveLength(2);
  });

  it("lets a later run and its undo through: the tool's sheets, the undo sheet too, are emptied in place and keep their markers", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 2));
    await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    const undo = book.sheet(SNAPSHOT_SHEET);
    book.structureProtected = true;
    const again = await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    expect(again.status).toBe("written");
    expect(book.sheet(SNAPSHOT_SHEET)).toBe(undo); // the same sheet, not deleted and added again
    expect(book.findName("_cchc.sheet.undo")?.formula).toBe(`='${SNAPSHOT_SHEET}'!$A$1`);
    const afterSecond = JSON.stringify(withoutCharts(withoutSnapshot(book)));
    const summarized = await summarizeActiveWorkbook({ criteria: set, run: runner(context) });
    expect(summarized.status).toBe("written");
    const reverted = await revertActiveWorkbook({ run: runner(context) });
    expect(reverted.status).toBe("reverted");
    // Back to the second run's result (undo goes back one run); the undo sheet kept, empty, still marked.
    expect(JSON.stringify(withoutCharts(withoutSnapshot(book)))).toBe(afterSecond);
    expect(book.sheet(SNAPSHOT_SHEET)).toBe(undo);
    expect(undo.contents()).toEqual({});
    expect(book.findName("_cchc.sheet.undo")?.formula).toBe(`='${SNAPSHOT_SHEET}'!$A$1`);
    await expect(revertActiveWorkbook({ run: runner(context) })).rejects.toMatchObject({
      code: "nothing-to-revert",
    });
  });

  it("is noticed when it is turned on between the read and the write", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 2));
    const read = await readWorkbook(context.asExcel());
    const { plan } = planScoreWorkbook(set, read, checkWorkbook(set, read).units);
    book.structureProtected = true;
    const before = JSON.stringify(book.state());
    const error = await applyPlan(context.asExcel(), plan, { read }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "structure-protected" });
    expect(JSON.stringify(book.state())).toBe(before);
  });
});

describe("recalculation after writing", () => {
  it("undo, too, recalculates the person's sheets that read what it puts back, after the sheets it wrote", async () => {
    const { book, context } = fakeWorkbook([
      ...unitGrids(set, 2),
      { name: "Riêng", values: [[1]] },
    ]);
    await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    // The person adds a report reading the summary, a note reading the report and one reading a unit sheet.
    book.sheets.push(
      FakeSheet.fromGrid({
        name: "Báo cáo",
        values: [[null]],
        formulas: [[`'${SUMMARY_SHEET}'!C5*2`]],
      }),
      FakeSheet.fromGrid({ name: "Ghi chú", values: [[null]], formulas: [["'Báo cáo'!A1+1"]] }),
      FakeSheet.fromGrid({ name: "Xem", values: [[null]], formulas: [["'Xã 002'!E10"]] })
    );
    book.calculations.length = 0;
    const report = await revertActiveWorkbook({ run: runner(context) });
    expect(report.status).toBe("reverted");
    const sheets = book.calculations.map((c) => (c.scope === "worksheet" ? c.sheet : ""));
    // The sheets undo wrote, then the person's that read them: the note after the report it reads.
    expect(sheets).toEqual([
      "Xã 001",
      "Xã 002",
      SUMMARY_SHEET,
      "cchc_du_lieu",
      "Báo cáo",
      "Xem",
      "Ghi chú",
    ]);
  });

  it("also recalculates the person's sheets that read the sheets written, after them, found in the read (no extra sync)", async () => {
    const { book, context } = fakeWorkbook([
      ...unitGrids(set, 2),
      { name: "Riêng", values: [[1]] },
    ]);
    const first = await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    // The person then adds a report reading the summary, and a note reading the report.
    book.sheets.push(
      FakeSheet.fromGrid({
        name: "Báo cáo",
        values: [[null]],
        formulas: [[`'${SUMMARY_SHEET}'!C5*2`]],
      }),
      FakeSheet.fromGrid({ name: "Ghi chú", values: [[null]], formulas: [["'Báo cáo'!A1+1"]] })
    );
    book.calculations.length = 0;
    const again = await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    expect(again.status === "written" && first.status === "written").toBe(true);
    if (again.status === "written" && first.status === "written")
      expect(again.apply.syncs).toBe(first.apply.syncs);
    const sheets = book.calculations.map((c) => (c.scope === "worksheet" ? c.sheet : ""));
    expect(sheets).toEqual([
      "cchc_du_lieu",
      "Xã 001",
      "Xã 002",
      SUMMARY_SHEET,
      "Báo cáo",
      "Ghi chú",
    ]);
  });

  it("recalculates only the sheets written (ExcelApi 1.6), units before the summary, never every open workbook", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 3));
    await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    expect(book.calculations.filter((c) => c.scope === "application")).toEqual([]);
    const sheets = book.calculations.map((c) => (c.scope === "worksheet" ? c.sheet : ""));
    // The data sheet first: the unit sheets' rules and lists read it.
    expect(sheets).toEqual(["cchc_du_lieu", "Xã 001", "Xã 002", "Xã 003", SUMMARY_SHEET]);
    book.calculations.length = 0;
    await revertActiveWorkbook({ run: runner(context) });
    expect(book.calculations.filter((c) => c.scope === "application")).toEqual([]);
    expect(book.calculations.map((c) => (c.scope === "worksheet" ? c.sheet : ""))).toEqual([
      "Xã 001",
      "Xã 002",
      "Xã 003",
    ]);
  });
});

describe("conditional formats Excel cannot read (office-js #6827, #6835)", () => {
  /** A person's rule on `sheet` that Excel fails to give back. */
  const markUnreadable = (book: FakeWorkbook, sheet: string) =>
    book
      .sheet(sheet)
      .conditionalFormats.push({ formula: "=$E7>1", ranges: ["E7:E9"], unreadable: true });

  it("a check does not read conditional formats at all: it works, in two syncs", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 3));
    markUnreadable(book, "Xã 002");
    const outcome = await checkActiveWorkbook({ criteria: set, run: runner(context) });
    expect(outcome.check.units).toHaveLength(3);
    expect(context.syncs).toBe(2);
  });

  it("scoring writes everything else, leaves that sheet's rules alone and says so", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 3));
    markUnreadable(book, "Xã 002");
    const outcome = await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    expect(outcome.status).toBe("written");
    expect(outcome.read.unreadableFormats).toEqual(["Xã 002"]);
    expect(book.sheet("Xã 002").conditionalFormats).toHaveLength(1); // the person's, none of ours
    expect(book.sheet("Xã 001").conditionalFormats.length).toBeGreaterThan(0);
    expect(book.sheet("Xã 002").cell(5, 5)?.formula).toMatch(/^=SUM\(/); // cells are scored
    const notices = outcome.status === "written" ? outcome.notices : [];
    expect(notices.map((n) => n.code)).toEqual(["formats-not-updated"]);
    expect(notices[0].messageFor("vi")).toContain("Xã 002");
    expect(notices[0].messageFor("en")).toContain("Xã 002");
    // A second run still works and still leaves the sheet's rules alone.
    await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    expect(book.sheet("Xã 002").conditionalFormats).toHaveLength(1);
  });

  it("undo puts back everything else when a sheet's rules cannot be read, and says which", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 2));
    const before = JSON.stringify(
      withoutSnapshot(book).map((s) => ({ ...s, conditionalFormats: [] }))
    );
    await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    markUnreadable(book, "Xã 002");
    const report = await revertActiveWorkbook({ run: runner(context) });
    expect(report.notices.map((n) => n.code)).toEqual(["formats-not-reverted"]);
    expect(report.notices[0].messageFor("en")).toContain(`"Xã 002"`);
    expect(
      JSON.stringify(withoutSnapshot(book).map((s) => ({ ...s, conditionalFormats: [] })))
    ).toBe(before);
    expect(book.sheet("Xã 001").conditionalFormats).toEqual([]);
  });
});

describe("sheet names, compared as Excel does (without regard to case)", () => {
  it("beside a person's 'TỔNG HỢP' and a visible 'CCHC_HOAN_TAC', ours take free names and theirs stay as they were", async () => {
    const { book, context } = fakeWorkbook([
      ...unitGrids(set, 2),
      { name: "TỔNG HỢP", values: [["ghi chú của văn phòng"]] },
      { name: "CCHC_HOAN_TAC", values: [["sổ theo dõi hoàn tác của văn phòng"]] },
    ]);
    const theirs = ["TỔNG HỢP", "CCHC_HOAN_TAC"].map((n) => book.sheet(n).contents());
    const outcome = await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    expect(outcome.status).toBe("written");
    expect(["TỔNG HỢP", "CCHC_HOAN_TAC"].map((n) => book.sheet(n).contents())).toEqual(theirs);
    expect(book.findName("_cchc.sheet.summary")?.formula).toBe("='Tổng hợp (2)'!$A$1");
    expect(book.findName("_cchc.sheet.undo")?.formula).toBe("='cchc_hoan_tac_2'!$A$1");
    // The person is told where the summary went (the hidden undo sheet's name is no concern of theirs).
    const notices = outcome.status === "written" ? outcome.notices : [];
    expect(notices.map((n) => [n.code, n.params])).toEqual([
      ["owned-sheet-free-name", { sheet: "Tổng hợp (2)", taken: "Tổng hợp" }],
    ]);
    expect(notices[0].messageFor("vi")).toContain('"Tổng hợp (2)"');
    // A second run finds its sheet by its marker: nothing new to say.
    const again = await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    expect(again.status === "written" && again.notices).toEqual([]);
    await revertActiveWorkbook({ run: runner(context) });
    await revertActiveWorkbook({ run: runner(context) }).catch(() => undefined);
    expect(["TỔNG HỢP", "CCHC_HOAN_TAC"].map((n) => book.sheet(n).contents())).toEqual(theirs);
  });
});
