import { DomainError } from "../../src/core/errors/domainError";
import { goToCell } from "../../src/excel/navigation";
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
    await expect(goToCell("Xã 001", "A1", runner(context))).rejects.toMatchObject({
      code: "host-too-old",
    });
    expect(context.syncs).toBe(0);
  });
});

describe("goToCell on a hidden sheet", () => {
  it("says the sheet is hidden (hidden or veryHidden) instead of passing on Excel's error", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 3));
    book.sheet("Xã 002").visibility = "Hidden";
    book.sheet("Xã 003").visibility = "VeryHidden";
    for (const sheet of ["Xã 002", "Xã 003"]) {
      const error = await goToCell(sheet, "E7", runner(context)).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "sheet-hidden" });
      expect((error as DomainError<"sheet-hidden">).params.sheet).toBe(sheet);
      expect((error as DomainError).messageFor("en")).toContain(`"${sheet}" is hidden`);
    }
    expect(book.activeSheet).toBeUndefined();
    expect(book.sheets.map((s) => s.visibility)).toEqual(["Visible", "Hidden", "VeryHidden"]);
  });

  it("says so too where Excel would quietly not show the sheet (the other undocumented possibility)", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 2), { hiddenSheetNavigation: "ignore" });
    book.sheet("Xã 002").visibility = "Hidden";
    await expect(goToCell("Xã 002", "E7", runner(context))).rejects.toMatchObject({
      code: "sheet-hidden",
    });
    expect(context.syncs).toBe(1);
    expect(book.activeSheet).toBeUndefined();
  });

  it("unhides a hidden sheet only when asked, then goes to the cell; never a veryHidden one", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 3));
    book.sheet("Xã 002").visibility = "Hidden";
    book.sheet("Xã 003").visibility = "VeryHidden";
    await goToCell("Xã 002", "E7", { ...runner(context), unhide: true });
    expect(book.sheet("Xã 002").visibility).toBe("Visible");
    expect(book.selection).toEqual({ sheet: "Xã 002", address: "E7" });
    await expect(
      goToCell("Xã 003", "E7", { ...runner(context), unhide: true })
    ).rejects.toMatchObject({ code: "sheet-hidden" });
    expect(book.sheet("Xã 003").visibility).toBe("VeryHidden");
  });
});
