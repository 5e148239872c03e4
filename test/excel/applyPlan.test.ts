import { checkWorkbook } from "../../src/core/check/checkWorkbook";
import { IndexedSet } from "../../src/core/criteria/indexed";
import { planScoreWorkbook } from "../../src/core/plan/workbookPlan";
import { emptyPlan, WritePlan } from "../../src/core/port";
import { applyPlan } from "../../src/excel/applyPlan";
import { ProtectedSheetsError, WorkbookChangedError } from "../../src/excel/errors";
import { SNAPSHOT_SHEET } from "../../src/core/snapshot/snapshot";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { HostTooOldError } from "../../src/excel/requirements";
import { FakeContext, FakeOptions, FakeWorkbook, installRequirementSets } from "./fakeExcel";
import { fakeWorkbook, sampleSet, unitGrids, WEB_LIMIT } from "./fixtures";

let restore: () => void;
beforeEach(() => (restore = installRequirementSets(17)));
afterEach(() => restore());

async function scoreOnce(
  set: IndexedSet,
  book: FakeWorkbook,
  context: FakeContext,
  payloadBudget?: number
) {
  const start = context.syncs;
  const read = await readWorkbook(context.asExcel());
  const readSyncs = context.syncs - start;
  const { plan } = planScoreWorkbook(set, read, checkWorkbook(set, read).units);
  const report = await applyPlan(context.asExcel(), plan, { read, payloadBudget });
  return { read, plan, report, readSyncs, applySyncs: context.syncs - start - readSyncs };
}

describe("applyPlan", () => {
  const set = sampleSet();

  it("writes the score plan for 5 and 300 sheets in the same number of syncs; only payload splitting adds any", async () => {
    const lines: string[] = [];
    const measure = async (
      n: number,
      options: FakeOptions,
      payloadBudget: number | undefined,
      label: string
    ) => {
      const { book, context } = fakeWorkbook(unitGrids(set, n), options);
      const first = await scoreOnce(set, book, context, payloadBudget);
      context.requestBytes.length = 0;
      const second = await scoreOnce(set, book, context, payloadBudget);
      const largest = Math.max(...context.requestBytes);
      lines.push(
        `${label}, ${n} sheets: run 1 = read ${first.readSyncs} + apply ${first.applySyncs} (verify ${first.report.verifySyncs}, write batches ${first.report.batchBytes.length}, recalc 1); ` +
          `run 2 = read ${second.readSyncs} + apply ${second.applySyncs} (verify ${second.report.verifySyncs}, write batches ${second.report.batchBytes.length}, recalc 1); ` +
          `snapshot ${second.report.snapshotChars} chars, largest request ${largest} B`
      );
      for (const run of [first, second]) {
        expect(run.applySyncs).toBe(run.report.verifySyncs + run.report.batchBytes.length + 1);
        if (payloadBudget === undefined)
          expect(run.report.batchBytes.every((b) => b <= 4_000_000)).toBe(true);
      }
      if (options.payloadLimit) expect(largest).toBeLessThanOrEqual(options.payloadLimit);
      expect(context.suspendedSyncs).toBeGreaterThan(0);
      return [first.applySyncs, second.applySyncs];
    };
    // The default 4 MB budget (Excel on the web refuses requests over 5 MB): only the payload adds batches.
    const web5 = await measure(5, { payloadLimit: WEB_LIMIT }, undefined, "web, 4 MB budget");
    const web300 = await measure(300, { payloadLimit: WEB_LIMIT }, undefined, "web, 4 MB budget");
    // Without a payload budget the count does not move with the number of sheets at all.
    const open5 = await measure(5, {}, Number.POSITIVE_INFINITY, "no budget");
    const open300 = await measure(300, {}, Number.POSITIVE_INFINITY, "no budget");
    console.log(lines.join("\n"));
    expect(web5).toEqual([3, 3]);
    expect(open5).toEqual([3, 3]);
    expect(open300).toEqual([3, 3]);
    expect(web300[0]).toBeGreaterThan(3);
  });

  it("writes text as text: a unit called =HYPERLINK(…) or =1+2 does not become a formula", async () => {
    const { book, context } = fakeWorkbook([{ name: "Tổng hợp", values: [] }]);
    const texts = [
      '=HYPERLINK("http://x","y")',
      "=1+2",
      "+84 912 345 678",
      "-5",
      "@me",
      "1/2",
      "TRUE",
      "00123",
      "'quoted",
    ];
    const plan: WritePlan = {
      ...emptyPlan(),
      ranges: [
        { sheet: "Tổng hợp", at: "B2", cells: texts.map((t) => [{ value: t }]) },
        {
          sheet: "Tổng hợp",
          at: "C2",
          cells: [[{ formula: "1+2" }], [{ value: 3 }], [{ value: null }]],
        },
      ],
    };
    const read = await readWorkbook(context.asExcel());
    await applyPlan(context.asExcel(), plan, { read });
    const sheet = book.sheet("Tổng hợp");
    texts.forEach((t, i) => expect(sheet.cell(2 + i, 2)).toEqual({ value: t }));
    expect(sheet.cell(2, 3)).toEqual({ value: null, formula: "=1+2" });
    expect(sheet.cell(3, 3)).toEqual({ value: 3 });
    // Read back, core sees the same text and no formula.
    const again = await readWorkbook(context.asExcel());
    expect(
      again.sheets
        .find((s) => s.name === "Tổng hợp")!
        .values.slice(1)
        .map((r) => r[1])
    ).toEqual(texts);
    expect(again.sheets.find((s) => s.name === "Tổng hợp")!.formulas?.[1]?.[1]).toBeUndefined();
  });

  it("stores the undo snapshot as text on a veryHidden sheet, in cells of at most 30,000 characters", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 40));
    await scoreOnce(set, book, context);
    await scoreOnce(set, book, context);
    const snap = book.sheet(SNAPSHOT_SHEET);
    expect(snap.visibility).toBe("VeryHidden");
    const texts = [...snap.cells.values()].map((c) => c.value);
    expect(texts.every((t) => typeof t === "string" && t.length <= 30_000)).toBe(true);
    expect(texts.length).toBeGreaterThan(2);
    expect(book.sheets.filter((s) => s.name === SNAPSHOT_SHEET)).toHaveLength(1);
  });

  it("writes nothing and names the sheets when a sheet the plan touches is protected", async () => {
    const grids = unitGrids(set, 3);
    grids[1].protected = true;
    const { book, context } = fakeWorkbook(grids);
    const before = JSON.stringify(book.state());
    const read = await readWorkbook(context.asExcel());
    const { plan } = planScoreWorkbook(set, read, checkWorkbook(set, read).units);
    const syncs = context.syncs;
    const error = await applyPlan(context.asExcel(), plan, { read }).catch((e) => e);
    expect(error).toBeInstanceOf(ProtectedSheetsError);
    expect((error as ProtectedSheetsError).sheets).toEqual(["Xã 002"]);
    expect(context.syncs).toBe(syncs);
    expect(JSON.stringify(book.state())).toBe(before);
  });

  it("writes nothing when a target cell was edited between the read and the write, and lists the cell", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 3));
    const read = await readWorkbook(context.asExcel());
    const { plan } = planScoreWorkbook(set, read, checkWorkbook(set, read).units);
    const target = plan.ranges.find((r) => r.sheet === "Xã 002")!;
    const [, col, row] = /^([A-Z]+)(\d+)$/.exec(target.at)!;
    // Someone types into a cell the run is about to fill.
    book.sheet("Xã 002").put(Number(row), col.charCodeAt(0) - 64, { value: 9 });
    const before = JSON.stringify(book.state());
    const error = await applyPlan(context.asExcel(), plan, { read }).catch((e) => e);
    expect(error).toBeInstanceOf(WorkbookChangedError);
    expect((error as WorkbookChangedError).cells).toEqual([{ sheet: "Xã 002", cell: target.at }]);
    expect(JSON.stringify(book.state())).toBe(before);
  });

  it("refuses on a host without ExcelApi 1.9 before reading or writing anything", async () => {
    restore();
    restore = installRequirementSets(8);
    const { book, context } = fakeWorkbook(unitGrids(set, 1));
    const before = JSON.stringify(book.state());
    await expect(
      applyPlan(context.asExcel(), emptyPlan(), {
        read: { sheets: [], mergesKnown: false, syncs: 0 },
      })
    ).rejects.toBeInstanceOf(HostTooOldError);
    expect(context.syncs).toBe(0);
    expect(JSON.stringify(book.state())).toBe(before);
  });

  it("writes nothing when a sheet it writes to was deleted meanwhile", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 2));
    const read = await readWorkbook(context.asExcel());
    const { plan } = planScoreWorkbook(set, read, checkWorkbook(set, read).units);
    book.sheets = book.sheets.filter((s) => s.name !== "Xã 001");
    const before = JSON.stringify(book.state());
    const error = await applyPlan(context.asExcel(), plan, { read }).catch((e) => e);
    expect(error).toBeInstanceOf(WorkbookChangedError);
    expect((error as WorkbookChangedError).cells).toEqual([{ sheet: "Xã 001", cell: "" }]);
    expect(JSON.stringify(book.state())).toBe(before);
  });

  it("sets each validation once over all its areas and clears before setting, so a second run does not stack rules", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 1));
    await scoreOnce(set, book, context);
    const first = new Map(book.sheet("Xã 001").validations);
    await scoreOnce(set, book, context);
    expect(new Map(book.sheet("Xã 001").validations)).toEqual(first);
    const rules = [...first.values()].map((v) => v.rule);
    // Lists come from the data sheet through a name, so a picked score is a number in any locale.
    expect(rules.some((r) => /^=_cchc\.list\.\d+$/.test(String(r?.list?.source)))).toBe(true);
  });
});
