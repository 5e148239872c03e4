/**
 * The pane's Excel mode over core's use cases and src/excel, with the use cases replaced by fakes: what the
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
import { DomainError } from "../../src/core/errors/domainError";
import * as checkUseCase from "../../src/core/usecases/check";
import * as revertUseCase from "../../src/core/usecases/revert";
import * as scoreUseCase from "../../src/core/usecases/score";
import { ExcelNotice } from "../../src/excel/notices";
import * as writeGuard from "../../src/excel/writeGuard";
import { createExcelSession } from "../../src/taskpane/modes/excelSession";
import { reasonOf } from "../../src/taskpane/session";
import { projectRoot } from "../support/paths";
import { fixtureSet } from "../support/sample";
import { unitSheet } from "../support/workbookBuilder";

jest.mock("../../src/core/usecases/check", () => ({
  ...jest.requireActual("../../src/core/usecases/check"),
  check: jest.fn(),
}));
jest.mock("../../src/core/usecases/score", () => ({ score: jest.fn(), summarize: jest.fn() }));
jest.mock("../../src/core/usecases/revert", () => ({ revert: jest.fn() }));
// The Excel port re-exports the criteria sheet's functions: here they reach the criteria sheet's mock below.
jest.mock("../../src/excel/excelWorkbookPort", () => {
  const sheet = () => jest.requireMock("../../src/excel/criteriaSheet");
  return {
    withActiveWorkbook: jest.fn((work: (port: unknown) => unknown) => work({ fake: "port" })),
    criteriaSheetOf: (...args: unknown[]) => sheet().criteriaSheetOf(...args),
    writeCriteriaSheet: (...args: unknown[]) => sheet().writeCriteriaSheet(...args),
  };
});
jest.mock("../../src/excel/writeGuard", () => ({ isAddinWriting: jest.fn(() => false) }));
jest.mock("../../src/excel/navigation", () => ({ goToCell: jest.fn(async () => undefined) }));
jest.mock("../../src/excel/changeEvents", () => ({
  onWorkbookChanged: jest.fn(async () => async () => undefined),
}));
jest.mock("../../src/excel/criteriaSheet", () => ({
  ...jest.requireActual("../../src/excel/criteriaSheet"),
  writeCriteriaSheet: jest.fn(async () => "Bộ tiêu chí"),
}));

const mockedCheck = checkUseCase as jest.Mocked<typeof checkUseCase>;
const mockedScore = scoreUseCase as jest.Mocked<typeof scoreUseCase>;
const mockedRevert = revertUseCase as jest.Mocked<typeof revertUseCase>;
const mockedGuard = writeGuard as jest.Mocked<typeof writeGuard>;
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
    mockedCheck.check.mockResolvedValue(checked() as never);
    const outcome = await createExcelSession().check("vi");
    expect(mockedCheck.check).toHaveBeenCalledWith(
      { fake: "port" },
      { lang: "vi", onStep: expect.any(Function) }
    );
    expect(outcome.report?.units.map((u) => u.name)).toEqual(["UBND xã Thử"]);
    expect(outcome.criteria).toMatchObject({
      status: "ok",
      summary: { source: { kind: "sheet", sheet: "Bộ tiêu chí" } },
    });
  });

  test("no criteria sheet, or a refused one, is a criteria state, not a failure", async () => {
    mockedCheck.check.mockRejectedValueOnce(new DomainError("no-criteria"));
    expect(await createExcelSession().check("vi")).toEqual({ criteria: { status: "none" } });
    const problem = { code: "required", path: "id", message: "Thiếu id", params: {} };
    mockedCheck.check.mockRejectedValueOnce(
      new DomainError("criteria-refused", { count: 1, sheet: "Criteria", problems: [problem] })
    );
    // The sheet it read, as the workbook names it.
    expect(await createExcelSession().check("vi")).toEqual({
      criteria: {
        status: "refused",
        source: { kind: "sheet", sheet: "Criteria" },
        problems: [{ path: "id", message: "Thiếu id" }],
      },
    });
    mockedCheck.check.mockRejectedValueOnce(new Error("Excel is busy"));
    await expect(createExcelSession().check("vi")).rejects.toThrow("Excel is busy");
  });

  test("score asks the pane before typed values are replaced, and reports a cancel", async () => {
    mockedScore.score.mockImplementation(async (_port, options) => {
      const yes = await options.confirmTypedCells([CONFLICT]);
      return {
        status: yes ? "written" : "cancelled",
        conflicts: [CONFLICT],
        ...(yes
          ? {
              applied: {
                notices: [new ExcelNotice("formats-not-updated", { sheets: '"Xã Thử"', count: 1 })],
              },
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
    mockedCheck.check.mockResolvedValue(checked() as never);
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
    mockedRevert.revert.mockResolvedValue({
      status: "reverted",
      conflicts: [],
      run: { snapshot: {}, now: { sheets: [] } },
      reverted: { syncs: 2, restoredCells: 10, notices: [] },
    } as never);
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
    const refused = new DomainError("criteria-refused", {
      count: 0,
      sheet: "Criteria",
      problems: [],
    });
    expect(reasonOf(refused, "en")).toBe(
      'The criteria set on sheet "Criteria" is refused (0 problems).'
    );
    expect(reasonOf(refused, "vi")).toBe('Bộ tiêu chí trên trang "Criteria" bị từ chối (0 lỗi).');
    mockedRevert.revert.mockRejectedValueOnce(new DomainError("nothing-to-revert"));
    const error = await createExcelSession()
      .revertLastRun("vi")
      .catch((e: unknown) => e);
    expect(reasonOf(error, "en")).toBe("There is no run to undo in this workbook.");
    expect(reasonOf(error)).toBe("Không có lần chạy nào để hoàn tác trong sổ tính này.");
    // Other errors keep their own message.
    expect(reasonOf(new Error("Excel is busy"), "en")).toBe("Excel is busy");
  });

  test("the add-in's own writes are told apart through src/excel", () => {
    mockedGuard.isAddinWriting.mockReturnValueOnce(true);
    expect(createExcelSession().isAddinWriting()).toBe(true);
  });
});
