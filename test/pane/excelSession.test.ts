/**
 * The pane's Excel mode over src/excel, with the Excel adapter's entry points replaced by fakes: what the
 * pane shows for a workbook without, or with a refused, criteria sheet, how the typed-cell question, the
 * criteria import, go-to-cell and change events reach the adapter, and its errors in the pane's language.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { checkWorkbook } from "../../src/core/check/checkWorkbook";
import { TypedCellConflict } from "../../src/core/plan/unitPlan";
import * as changeEvents from "../../src/excel/changeEvents";
import * as criteriaSheet from "../../src/excel/criteriaSheet";
import * as navigation from "../../src/excel/navigation";
import * as runCommand from "../../src/excel/runCommand";
import { createExcelSession } from "../../src/taskpane/modes/excelSession";
import { reasonOf } from "../../src/taskpane/session";
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
jest.mock("../../src/excel/navigation", () => ({ goToCell: jest.fn(async () => undefined) }));
jest.mock("../../src/excel/changeEvents", () => ({
  onWorkbookChanged: jest.fn(async () => async () => undefined),
}));
jest.mock("../../src/excel/criteriaSheet", () => ({
  ...jest.requireActual("../../src/excel/criteriaSheet"),
  writeCriteriaSheet: jest.fn(async () => "Bộ tiêu chí"),
}));

const mocked = runCommand as jest.Mocked<typeof runCommand>;
const mockedSheet = criteriaSheet as jest.Mocked<typeof criteriaSheet>;
const mockedNavigation = navigation as jest.Mocked<typeof navigation>;
const mockedEvents = changeEvents as jest.Mocked<typeof changeEvents>;
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
      new runCommand.CriteriaRefusedError([problem], "Criteria")
    );
    // The sheet it read, as the workbook names it.
    expect(await createExcelSession().check("vi")).toEqual({
      criteria: {
        status: "refused",
        source: { kind: "sheet", sheet: "Criteria" },
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
        ...(yes
          ? {
              notices: [
                new runCommand.ExcelNotice("formats-not-updated", { sheets: '"Xã Thử"', count: 1 }),
              ],
            }
          : {}),
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
      notices: [
        expect.stringContaining('Excel không đọc được định dạng có điều kiện trên trang "Xã Thử"'),
      ],
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
    expect(mockedSheet.writeCriteriaSheet).toHaveBeenCalledTimes(1);
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
    expect(mockedSheet.writeCriteriaSheet).toHaveBeenCalledTimes(1);
    // After a revert the sheet may hold the previous set again.
    mocked.revertActiveWorkbook.mockResolvedValue({
      status: "reverted",
      syncs: 2,
      restoredCells: 10,
      notices: [],
      conflicts: [],
    });
    expect(await session.revertLastRun("vi")).toEqual({
      status: "reverted",
      notices: [],
      left: [],
    });
    expect((await session.check("vi")).criteria).toMatchObject({
      summary: { source: { kind: "sheet" } },
    });
  });

  test("going to a cell and change events go through src/excel", async () => {
    const session = createExcelSession();
    await session.goTo("Xã Thử", "E40");
    expect(mockedNavigation.goToCell).toHaveBeenCalledWith("Xã Thử", "E40", { unhide: undefined });
    await session.goTo("Xã Thử", "E40", { unhide: true });
    expect(mockedNavigation.goToCell).toHaveBeenLastCalledWith("Xã Thử", "E40", { unhide: true });
    const onChange = jest.fn();
    const off = await session.watchChanges(onChange);
    expect(mockedEvents.onWorkbookChanged).toHaveBeenCalledWith(onChange);
    await off();
  });

  test("src/excel's errors are shown in the pane's language", async () => {
    const refused = new runCommand.CriteriaRefusedError([], "Criteria");
    expect(reasonOf(refused, "en")).toBe(
      'The criteria set on sheet "Criteria" is refused (0 problems).'
    );
    expect(reasonOf(refused, "vi")).toBe('Bộ tiêu chí trên trang "Criteria" bị từ chối (0 lỗi).');
    mocked.revertActiveWorkbook.mockRejectedValueOnce(new runCommand.NothingToRevertError());
    const error = await createExcelSession()
      .revertLastRun("vi")
      .catch((e: unknown) => e);
    expect(reasonOf(error, "en")).toBe("There is no run to undo in this workbook.");
    expect(reasonOf(error)).toBe("Không có lần chạy nào để hoàn tác trong sổ tính này.");
    // Other errors keep their own message.
    expect(reasonOf(new Error("Excel is busy"), "en")).toBe("Excel is busy");
  });

  test("the add-in's own writes are told apart through src/excel", () => {
    mocked.isAddinWriting.mockReturnValueOnce(true);
    expect(createExcelSession().isAddinWriting()).toBe(true);
  });
});
