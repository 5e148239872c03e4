import { onWorkbookChanged } from "../../src/excel/changeEvents";
import { writeCriteriaSheet } from "../../src/excel/criteriaSheet";
import { isAddinWriting, WRITE_EVENT_GRACE_MS } from "../../src/excel/writeGuard";
import { FakeContext, FakeExcelHost, FakeWorkbook, installRequirementSets } from "./fakeExcel";
import { fakeWorkbook, sampleSet, unitGrids } from "./fixtures";

let restore: () => void;
beforeEach(() => (restore = installRequirementSets(17)));
afterEach(() => {
  restore();
  jest.restoreAllMocks();
});

const set = sampleSet();

/** Excel.run and Excel.run(context, …) over a fake context; records the contexts removal ran in. */
function runners(context: FakeContext) {
  const removedIn: unknown[] = [];
  return {
    removedIn,
    options: {
      run: <T>(batch: (c: Excel.RequestContext) => Promise<T>) => batch(context.asExcel()),
      runIn: <T>(
        earlier: OfficeExtension.ClientRequestContext,
        batch: (c: Excel.RequestContext) => Promise<T>
      ) => {
        removedIn.push(earlier);
        return batch(earlier as Excel.RequestContext);
      },
    },
  };
}

const registered = (book: FakeWorkbook) =>
  Object.fromEntries(Object.entries(book.handlers).map(([event, set]) => [event, set.size]));

describe("onWorkbookChanged", () => {
  it("adds its handlers on the worksheet collection in one sync, whatever the number of sheets", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 30));
    await onWorkbookChanged(() => undefined, runners(context).options);
    expect(context.syncs).toBe(1);
    expect(registered(book)).toEqual({ onChanged: 1, onAdded: 1, onDeleted: 1 });
  });

  it("calls back on a cell change, a sheet added and a sheet deleted", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 2));
    const onChange = jest.fn();
    await onWorkbookChanged(onChange, runners(context).options);
    expect(isAddinWriting()).toBe(false);
    await book.fire("onChanged", { worksheetId: "{1}", address: "E7", source: "Local" });
    expect(onChange).toHaveBeenCalledTimes(1);
    await book.fire("onAdded", { worksheetId: "{9}" });
    await book.fire("onDeleted", { worksheetId: "{9}" });
    expect(onChange).toHaveBeenCalledTimes(3);
  });

  it("stops calling back once unsubscribed: the handlers are removed in the context that added them", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 2));
    const onChange = jest.fn();
    const { options, removedIn } = runners(context);
    const off = await onWorkbookChanged(onChange, options);
    const syncs = context.syncs;
    await off();
    expect(context.syncs).toBe(syncs + 1);
    expect(removedIn).toEqual([context]);
    expect(registered(book)).toEqual({ onChanged: 0, onAdded: 0, onDeleted: 0 });
    await book.fire("onChanged");
    expect(onChange).not.toHaveBeenCalled();
    await off(); // twice is harmless
    expect(context.syncs).toBe(syncs + 1);
  });

  it("refuses on a host without ExcelApi 1.9, before any sync", async () => {
    restore();
    restore = installRequirementSets(8);
    const { book, context } = fakeWorkbook(unitGrids(set, 1));
    await expect(
      onWorkbookChanged(() => undefined, runners(context).options)
    ).rejects.toMatchObject({ code: "host-too-old" });
    expect(context.syncs).toBe(0);
    expect(registered(book)).toEqual({ onChanged: 0, onAdded: 0, onDeleted: 0 });
  });

  // The add-in's write leaves isAddinWriting() true for the grace period where the host has no triggerSource.
  it("before ExcelApi 1.14: ignores the events of the add-in's own writes for a grace period, and hears the next edit", async () => {
    restore();
    restore = installRequirementSets(13);
    const { book, context } = fakeWorkbook(unitGrids(set, 2));
    const onChange = jest.fn();
    await onWorkbookChanged(onChange, runners(context).options);
    await writeCriteriaSheet(set.set, { run: (batch) => batch(context.asExcel()) });
    // The events of that write (the fake fires them after each sync, as Excel does), arriving late.
    expect(book.pendingEvents.length).toBeGreaterThan(0);
    await book.deliverEvents();
    expect(onChange).not.toHaveBeenCalled();
    // A person's edit after the grace period is heard.
    const later = Date.now() + WRITE_EVENT_GRACE_MS + 1;
    jest.spyOn(Date, "now").mockReturnValue(later);
    await book.userEdits("Xã 001", "E7", 1);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it("with ExcelApi 1.14: tells the add-in's writes by the event's triggerSource, not by the clock", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 2));
    const onChange = jest.fn();
    await onWorkbookChanged(onChange, runners(context).options);
    await writeCriteriaSheet(set.set, { run: (batch) => batch(context.asExcel()) });
    const own = book.pendingEvents.filter((e) => e.event === "onChanged");
    expect(own.length).toBeGreaterThan(0);
    expect(
      own.every((e) => (e.args as { triggerSource?: string }).triggerSource === "ThisLocalAddin")
    ).toBe(true);
    // A person's edit right after the write is heard at once, no grace period…
    expect(isAddinWriting()).toBe(false);
    await book.userEdits("Xã 001", "E7", 1);
    expect(onChange).toHaveBeenCalledTimes(1);
    // …and the write's own cell events are ignored however late they arrive.
    jest.spyOn(Date, "now").mockReturnValue(Date.now() + 60_000);
    book.pendingEvents = own;
    await book.deliverEvents();
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it("Excel.run by default: handlers added in one run, removed in that run's context", async () => {
    const book = new FakeWorkbook(unitGrids(set, 1));
    const host = new FakeExcelHost(book);
    const put = host.install();
    try {
      const off = await onWorkbookChanged(() => undefined);
      expect(registered(book)).toEqual({ onChanged: 1, onAdded: 1, onDeleted: 1 });
      await off();
      expect(registered(book)).toEqual({ onChanged: 0, onAdded: 0, onDeleted: 0 });
      expect(host.contexts).toHaveLength(1);
      expect(host.runOptions[1]).toMatchObject({ previousObjects: host.contexts[0] });
    } finally {
      put();
    }
  });
});
