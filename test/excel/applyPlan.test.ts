import { DomainError } from "../../src/core/errors/domainError";
import { checkWorkbook } from "../../src/core/check/checkWorkbook";
import { IndexedSet } from "../../src/core/criteria/indexed";
import { planScoreWorkbook } from "../../src/core/plan/workbookPlan";
import { emptyPlan, WritePlan } from "../../src/core/port";
import { applyPlan } from "../../src/excel/applyPlan";
import { SNAPSHOT_SHEET } from "../../src/core/snapshot/snapshot";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { revertIn } from "./activeWorkbook";
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
    expect(error).toMatchObject({
      code: "sheet-protected",
      params: { sheets: "Xã 002", count: 1 },
    });
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
    expect(error).toMatchObject({ code: "workbook-changed" });
    expect((error as DomainError<"workbook-changed">).params.changed).toEqual([
      { sheet: "Xã 002", cell: target.at },
    ]);
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
    ).rejects.toMatchObject({ code: "host-too-old" });
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
    expect(error).toMatchObject({ code: "workbook-changed" });
    expect((error as DomainError<"workbook-changed">).params.changed).toEqual([
      { sheet: "Xã 001", cell: "" },
    ]);
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

describe("validation texts within Excel's lengths", () => {
  const plan = (text: string): WritePlan => ({
    ...emptyPlan(),
    validations: [
      { sheet: "S", ranges: ["E7:E9"], kind: "decimal", min: 0, max: 2, prompt: text, error: text },
    ],
  });

  it("sends an error message of 224 characters and a prompt of 255 whole, titles empty", async () => {
    const { book, context } = fakeWorkbook([{ name: "S", values: [[null]] }]);
    const long = "Điểm phải nằm trong khung điểm của tiêu chí; ".repeat(10);
    const p = plan(long.slice(0, 224));
    (p.validations[0] as { prompt: string }).prompt = long.slice(0, 255);
    const read = await readWorkbook(context.asExcel());
    await applyPlan(context.asExcel(), p, { read });
    const v = book.sheet("S").validations.get("7,5")!;
    expect(v.errorAlert!.message).toBe(long.slice(0, 224));
    expect(v.prompt!.message).toBe(long.slice(0, 255));
    expect([v.errorAlert!.title, v.prompt!.title]).toEqual(["", ""]);
  });

  it("refuses a plan with longer texts before writing anything (core's Excel rules)", async () => {
    const { book, context } = fakeWorkbook([{ name: "S", values: [[null]] }]);
    const read = await readWorkbook(context.asExcel());
    const before = JSON.stringify(book.state());
    const error = await applyPlan(context.asExcel(), plan("x".repeat(450)), { read }).catch(
      (e: unknown) => e
    );
    expect(String(error)).toMatch(/validation-text/);
    expect(JSON.stringify(book.state())).toBe(before);
  });
});

describe("formulas into Text-formatted cells", () => {
  const set = sampleSet();

  it("sets the cells it writes formulas into to General first, so they compute; undo puts '@' back", async () => {
    const grids = unitGrids(set, 2);
    const { book, context } = fakeWorkbook(grids);
    // The office had formatted the score column of Xã 001 as Text.
    const sheet = book.sheet("Xã 001");
    for (let row = 1; row <= 80; row++) {
      const cell = sheet.cell(row, 5);
      sheet.put(row, 5, { ...(cell ?? { value: null }), numberFormat: "@" });
    }
    const before = book.state(true);
    const { plan } = await scoreOnce(set, book, context);
    const formulaCells = plan.ranges
      .filter((r) => r.sheet === "Xã 001")
      .flatMap((r) => {
        const [, col, row] = /^([A-Z]+)(\d+)$/.exec(r.at)!;
        return r.cells.flatMap((line, i) =>
          line.map((c, j) => ({ c, row: Number(row) + i, col: col.charCodeAt(0) - 64 + j }))
        );
      })
      .filter(({ c, col }) => "formula" in c && col === 5);
    expect(formulaCells.length).toBeGreaterThan(3);
    for (const { row } of formulaCells) {
      const cell = sheet.cell(row, 5)!;
      expect([row, cell.formula?.startsWith("=")]).toEqual([row, true]);
      expect(cell.numberFormat).toBe("General");
    }
    await revertIn(context.asExcel());
    for (const { row } of formulaCells) expect(sheet.cell(row, 5)?.numberFormat).toBe("@");
    expect(book.state(true)).toEqual(before);
  });
});

describe("list validations longer than an inline list holds", () => {
  it("take their items from the data sheet through a name, which Excel accepts (no array constant, no 255 cap)", async () => {
    const { book, context } = fakeWorkbook([{ name: "S", values: [[null]] }]);
    const values = [...Array.from({ length: 120 }, (_, i) => i / 2), "KĐG", 'có "ngoặc", phẩy'];
    const plan: WritePlan = {
      ...emptyPlan(),
      sheets: [{ name: "cchc_du_lieu", role: "data", owned: true, visibility: "veryHidden" }],
      ranges: [{ sheet: "cchc_du_lieu", at: "A1", cells: values.map((value) => [{ value }]) }],
      names: [
        { name: "_cchc.sheet.data", refersTo: "cchc_du_lieu!$A$1" },
        { name: "_cchc.list.1", refersTo: `cchc_du_lieu!$A$1:$A$${values.length}` },
      ],
      validations: [
        { sheet: "S", ranges: ["E7:E9", "E12"], kind: "list", values, source: "_cchc.list.1" },
      ],
    };
    const read = await readWorkbook(context.asExcel());
    await applyPlan(context.asExcel(), plan, { read });
    const rule = book.sheet("S").validations.get("12,5")!.rule!;
    expect(rule.list?.source).toBe("=_cchc.list.1");
    expect(book.findName("_cchc.list.1")?.formula).toBe("=cchc_du_lieu!$A$1:$A$122");
    expect(book.sheet("cchc_du_lieu").cell(122, 1)?.value).toBe('có "ngoặc", phẩy');
  });
});
