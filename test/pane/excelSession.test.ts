/**
 * The pane's Excel mode over src/excel, with the Excel adapter's entry points replaced by fakes: what the
 * pane shows for a workbook without, or with a refused, criteria sheet, and how the typed-cell question and
 * the criteria import reach the adapter.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { checkWorkbook } from "../../src/core/check/checkWorkbook";
import { TypedCellConflict } from "../../src/core/plan/unitPlan";
import * as runCommand from "../../src/excel/runCommand";
import * as glue from "../../src/taskpane/modes/excelGlue";
import { createExcelSession } from "../../src/taskpane/modes/excelSession";
import { projectRoot } from "../support/paths";
import { fixtureSet } from "../support/sample";
import { unitSheet } from "../support/workbookBuilder";

jest.mock("../../src/excel/runCommand", () => ({
  ...jest.requireActual("../../src/excel/runCommand"),
  checkActiveWorkbook: jest.fn(),
  scoreActiveWorkbook: jest.fn(),
  summarizeActiveWorkbook: jest.fn(),
  revertActiveWorkbook: jest.fn(),
  isAddinWriting: jest.fn(() => false),
}));
jest.mock("../../src/taskpane/modes/excelGlue", () => ({
  goToCell: jest.fn(async () => undefined),
  onWorkbookChanged: jest.fn(async () => async () => undefined),
  writeCriteriaSheet: jest.fn(async () => "Bộ tiêu chí"),
}));

const mocked = runCommand as jest.Mocked<typeof runCommand>;
const mockedGlue = glue as jest.Mocked<typeof glue>;
const SET = fixtureSet();

function checked() {
  const grid = {
    ...unitSheet(SET, { sheet: "Xã Thử", unitName: "UBND xã Thử" }),
    position: 1,
    conditionalFormats: [],
    charts: [],
  };
  const criteria = {
    name: "Bộ tiêu chí",
    values: [],
    position: 0,
    conditionalFormats: [],
    charts: [],
  };
  const read = { sheets: [criteria, grid], mergesKnown: true, syncs: 2 };
  return { set: SET, read, check: checkWorkbook(SET, read) };
}

const CONFLICT: TypedCellConflict = {
  sheet: "Xã Thử",
  cell: "E40",
  value: "95",
  formula: "SUM(E6:E39)",
};

beforeEach(() => jest.clearAllMocks());

describe("Excel session", () => {
  test("a check gives the report and the set's facts", async () => {
    mocked.checkActiveWorkbook.mockResolvedValue(checked() as never);
    const outcome = await createExcelSession().check("vi");
    expect(mocked.checkActiveWorkbook).toHaveBeenCalledWith({ lang: "vi" });
    expect(outcome.report?.units.map((u) => u.name)).toEqual(["UBND xã Thử"]);
    expect(outcome.criteria).toMatchObject({
      status: "ok",
      summary: { source: { kind: "sheet", sheet: "Bộ tiêu chí" } },
    });
  });

  test("no criteria sheet, or a refused one, is a criteria state, not a failure", async () => {
    mocked.checkActiveWorkbook.mockRejectedValueOnce(new runCommand.CriteriaMissingError());
    expect(await createExcelSession().check("vi")).toEqual({ criteria: { status: "none" } });
    const problem = { code: "required", path: "id", message: "Thiếu id", params: {} };
    mocked.checkActiveWorkbook.mockRejectedValueOnce(
      new runCommand.CriteriaRefusedError([problem])
    );
    expect(await createExcelSession().check("vi")).toEqual({
      criteria: {
        status: "refused",
        source: { kind: "sheet", sheet: "Bộ tiêu chí" },
        problems: [{ path: "id", message: "Thiếu id" }],
      },
    });
    mocked.checkActiveWorkbook.mockRejectedValueOnce(new Error("Excel is busy"));
    await expect(createExcelSession().check("vi")).rejects.toThrow("Excel is busy");
  });

  test("score asks the pane before typed values are replaced, and reports a cancel", async () => {
    mocked.scoreActiveWorkbook.mockImplementation(async (options) => {
      const yes = await options!.confirmTypedCells!([CONFLICT]);
      return {
        status: yes ? "written" : "cancelled",
        conflicts: [CONFLICT],
        ...checked(),
      } as never;
    });
    const confirm = jest.fn(async () => false);
    expect(await createExcelSession().score("vi", confirm)).toEqual({ done: false });
    expect(confirm).toHaveBeenCalledWith([
      { sheet: "Xã Thử", cell: "E40", value: "95", formula: "SUM(E6:E39)" },
    ]);
    confirm.mockResolvedValue(true);
    expect(await createExcelSession().score("vi", confirm)).toEqual({
      done: true,
      conflicts: [expect.objectContaining({ cell: "E40" })],
    });
  });

  test("an imported set is written to the criteria sheet and said to come from the file", async () => {
    mocked.checkActiveWorkbook.mockResolvedValue(checked() as never);
    const session = createExcelSession();
    const json = readFileSync(
      path.join(projectRoot(), "examples", "xa-mau-2025.criteria.json"),
      "utf8"
    );
    const outcome = await session.importCriteria(json, "xa.criteria.json", "vi");
    expect(mockedGlue.writeCriteriaSheet).toHaveBeenCalledTimes(1);
    expect(outcome).toMatchObject({
      ok: true,
      check: {
        criteria: {
          summary: { source: { kind: "file", name: "xa.criteria.json", writtenToSheet: true } },
        },
      },
    });
    // A refused set writes nothing.
    const refused = await session.importCriteria("{}", "rong.json", "vi");
    expect(refused.ok).toBe(false);
    expect(mockedGlue.writeCriteriaSheet).toHaveBeenCalledTimes(1);
    // After a revert the sheet may hold the previous set again.
    mocked.revertActiveWorkbook.mockResolvedValue({ syncs: 2, restoredCells: 10 });
    await session.revertLastRun();
    expect((await session.check("vi")).criteria).toMatchObject({
      summary: { source: { kind: "sheet" } },
    });
  });

  test("the add-in's own writes are told apart through src/excel", () => {
    mocked.isAddinWriting.mockReturnValueOnce(true);
    expect(createExcelSession().isAddinWriting()).toBe(true);
  });
});
