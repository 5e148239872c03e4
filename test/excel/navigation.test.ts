import { goToCell } from "../../src/excel/navigation";
import { HostTooOldError } from "../../src/excel/requirements";
import { FakeContext, installRequirementSets, OfficeError } from "./fakeExcel";
import { fakeWorkbook, sampleSet, unitGrids } from "./fixtures";

let restore: () => void;
beforeEach(() => (restore = installRequirementSets(17)));
afterEach(() => restore());

const set = sampleSet();
const runner = (context: FakeContext) => ({
  run: <T>(batch: (c: Excel.RequestContext) => Promise<T>) => batch(context.asExcel()),
});

describe("goToCell", () => {
  it("activates the sheet and selects the cell, in one sync", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 3));
    await goToCell("Xã 002", "E40", runner(context));
    expect(book.activeSheet).toBe("Xã 002");
    expect(book.selection).toEqual({ sheet: "Xã 002", address: "E40" });
    expect(context.syncs).toBe(1);
  });

  it("only activates the sheet when there is no cell (a finding about the whole sheet)", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 3));
    await goToCell("Xã 001", "B2", runner(context));
    await goToCell("Xã 003", undefined, runner(context));
    expect(book.activeSheet).toBe("Xã 003");
    expect(book.selection).toEqual({ sheet: "Xã 001", address: "B2" });
  });

  it("passes on Excel's error for a sheet that is not there", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 1));
    const error = await goToCell("Xã 404", "A1", runner(context)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeError);
    expect((error as OfficeError).code).toBe("ItemNotFound");
    expect(book.activeSheet).toBeUndefined();
  });

  it("refuses on a host without the requirement set, before any sync", async () => {
    restore();
    restore = installRequirementSets(0);
    const { context } = fakeWorkbook(unitGrids(set, 1));
    await expect(goToCell("Xã 001", "A1", runner(context))).rejects.toBeInstanceOf(HostTooOldError);
    expect(context.syncs).toBe(0);
  });
});
