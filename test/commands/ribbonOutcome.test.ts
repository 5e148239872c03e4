import { runIn } from "../excel/fakeExcel";
/** The ribbon commands on the fake Excel: what each says it did matches what it did to the workbook. */
import { checkWorkbook } from "../../src/core/check/checkWorkbook";
import { countFindings } from "../../src/commands/outcomeText";
import { runRibbonCommand } from "../../src/commands/ribbonOutcome";
import { writeCriteriaSheet } from "../../src/excel/criteriaSheet";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { useRequirementSets } from "../excel/fakeExcel";
import { fakeWorkbook, sampleSet, unitGrids } from "../excel/fixtures";

useRequirementSets(17);

const set = sampleSet();
const runner = runIn;

async function bookWithCriteria(
  units: number,
  edit?: (grids: ReturnType<typeof unitGrids>) => void
) {
  const grids = unitGrids(set, units);
  edit?.(grids);
  const made = fakeWorkbook(grids);
  await writeCriteriaSheet(set.set, { run: runner(made.context) });
  return made;
}

describe("ribbon command outcomes", () => {
  it("'Kiểm tra' gives the unit count and the findings by severity, writing nothing", async () => {
    const { book, context } = await bookWithCriteria(3, (grids) => {
      grids[1].values[6][5] = null; // an evidence cell emptied: a finding
    });
    const before = JSON.stringify(book.state());
    const outcome = await runRibbonCommand("check", { lang: "vi", run: runner(context) });
    const expected = checkWorkbook(set, await readWorkbook(context.asExcel()));
    expect(outcome).toEqual({
      command: "check",
      status: "checked",
      units: 3,
      findings: countFindings(expected.findings),
    });
    expect(expected.findings.length).toBeGreaterThan(0);
    expect(JSON.stringify(book.state())).toBe(before);
  });

  it("'Tính điểm' says how many sheets it wrote", async () => {
    const { book, context } = await bookWithCriteria(2);
    const outcome = await runRibbonCommand("score", { lang: "en", run: runner(context) });
    expect(outcome).toMatchObject({ command: "score", status: "written", units: 2, notices: [] });
    expect(book.sheet("Xã 001").conditionalFormats.length).toBeGreaterThan(0);
  });

  it("'Tính điểm' over typed values writes nothing and names the cells", async () => {
    const { book, context } = await bookWithCriteria(2, (grids) => {
      grids[0].values[4][4] = 9; // a typed subtotal where the plan puts a SUM
    });
    const before = JSON.stringify(book.state());
    const outcome = await runRibbonCommand("score", { lang: "vi", run: runner(context) });
    expect(outcome).toEqual({
      command: "score",
      status: "typed-cells",
      conflicts: [{ sheet: "Xã 001", cell: "E5" }],
    });
    expect(JSON.stringify(book.state())).toBe(before);
  });

  it("a failure is an outcome with its reason in the person's language, not a throw", async () => {
    const { context } = fakeWorkbook(unitGrids(set, 1)); // no criteria sheet
    for (const [lang, text] of [
      ["vi", 'Sổ tính không có trang "Bộ tiêu chí"'],
      ["en", 'The workbook has no "Bộ tiêu chí"'],
    ] as const) {
      const outcome = await runRibbonCommand("summary", { lang, run: runner(context) });
      expect(outcome.status).toBe("failed");
      expect(outcome.status === "failed" && outcome.reason).toContain(text);
    }
  });
});
