import { createRecheckScheduler, RECHECK_DELAY_MS } from "../../src/taskpane/recheck";

describe("re-check after edits (Excel mode)", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function setup() {
    let writing = false;
    const run = jest.fn();
    const pending: boolean[] = [];
    const scheduler = createRecheckScheduler({
      run,
      isAddinWriting: () => writing,
      onPendingChange: (p) => pending.push(p),
    });
    return { scheduler, run, pending, setWriting: (w: boolean) => (writing = w) };
  }

  test("a burst of changes is one check, about a second after the last one", () => {
    const { scheduler, run, pending } = setup();
    expect(RECHECK_DELAY_MS).toBe(1000);
    scheduler.notify();
    jest.advanceTimersByTime(600);
    scheduler.notify();
    jest.advanceTimersByTime(600);
    scheduler.notify();
    jest.advanceTimersByTime(999);
    expect(run).not.toHaveBeenCalled();
    expect(scheduler.pending()).toBe(true);
    jest.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    expect(scheduler.pending()).toBe(false);
    expect(pending).toEqual([true, false]);
  });

  test("changes made by the add-in's own writes are ignored", () => {
    const { scheduler, run, setWriting } = setup();
    setWriting(true);
    expect(scheduler.notify()).toBe(false);
    jest.advanceTimersByTime(5000);
    expect(run).not.toHaveBeenCalled();
  });

  test("a write that starts during the delay postpones the check until it is over", () => {
    const { scheduler, run, setWriting } = setup();
    expect(scheduler.notify()).toBe(true);
    setWriting(true);
    jest.advanceTimersByTime(3000);
    expect(run).not.toHaveBeenCalled();
    setWriting(false);
    jest.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  test("cancel drops a waiting check", () => {
    const { scheduler, run, pending } = setup();
    scheduler.notify();
    scheduler.cancel();
    jest.advanceTimersByTime(5000);
    expect(run).not.toHaveBeenCalled();
    expect(pending).toEqual([true, false]);
  });
});
