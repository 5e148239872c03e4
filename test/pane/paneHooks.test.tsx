/**
 * @jest-environment jsdom
 *
 * The pane's hooks on their own (renderHook, sessions as fakes): an action's busy → done/failed sequence, the
 * confirmation as a promise, the check runner's one-at-a-time rule and its re-check after edits, the session load.
 */
import { act, cleanup, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { createCheckRunner } from "../../src/taskpane/checkRunner";
import { useAction, type ActionSteps } from "../../src/taskpane/hooks/useAction";
import { useCheckRunner } from "../../src/taskpane/hooks/useCheckRunner";
import { useConfirm } from "../../src/taskpane/hooks/useConfirm";
import { useSession } from "../../src/taskpane/hooks/useSession";
import type { HostMode } from "../../src/taskpane/host";
import type { Lang } from "../../src/taskpane/i18n";
import { PaneProvider } from "../../src/taskpane/PaneContext";
import type { CheckOutcome, ExcelSession, Session } from "../../src/taskpane/session";

afterEach(() => {
  cleanup();
  jest.useRealTimers();
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function paneWrapper(session: Session | undefined, lang: Lang = "vi", host: HostMode = "excel") {
  return function Wrapper({ children }: { children: ReactNode }) {
    return <PaneProvider value={{ host, lang, session }}>{children}</PaneProvider>;
  };
}

type Status =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "done"; text: string }
  | { kind: "failed"; reason: string };
const IDLE: Status = { kind: "idle" };

function steps(
  work: () => Promise<string>,
  done: (text: string) => Status = (text) => ({ kind: "done", text })
) {
  const s: ActionSteps<Status, string> = {
    busy: { kind: "busy" },
    work,
    done,
    failed: (reason) => ({ kind: "failed", reason }),
  };
  return s;
}

describe("useAction", () => {
  test("busy while the work runs, then the status for its result", async () => {
    const work = deferred<string>();
    const { result } = renderHook(() => useAction<Status>(IDLE));
    expect(result.current.status).toEqual(IDLE);
    let running!: Promise<void>;
    act(() => {
      running = result.current.run(steps(() => work.promise));
    });
    expect(result.current.status).toEqual({ kind: "busy" });
    await act(async () => {
      work.resolve("12 units");
      await running;
    });
    expect(result.current.status).toEqual({ kind: "done", text: "12 units" });
    act(() => result.current.reset());
    expect(result.current.status).toEqual(IDLE);
  });

  test("a failure gives the failed status with the reason in the pane's language", async () => {
    const bilingual = {
      messageFor: (lang: Lang) => (lang === "en" ? "sheet protected" : "trang bị khóa"),
    };
    const { result } = renderHook(() => useAction<Status>(IDLE), {
      wrapper: paneWrapper(undefined, "en"),
    });
    await act(() => result.current.run(steps(() => Promise.reject(bilingual))));
    expect(result.current.status).toEqual({ kind: "failed", reason: "sheet protected" });
    await act(() => result.current.run(steps(() => Promise.reject(new Error("disk full")))));
    expect(result.current.status).toEqual({ kind: "failed", reason: "disk full" });
  });

  test("acting on the result can fail too (a download that throws)", async () => {
    const { result } = renderHook(() => useAction<Status>(IDLE));
    const done = jest.fn((_text: string): Status => {
      throw new Error("download blocked");
    });
    await act(() => result.current.run(steps(() => Promise.resolve("x"), done)));
    expect(done).toHaveBeenCalledWith("x");
    expect(result.current.status).toEqual({ kind: "failed", reason: "download blocked" });
  });

  test("only the latest run reports: an earlier one finishing later is dropped", async () => {
    const first = deferred<string>();
    const second = deferred<string>();
    const firstDone = jest.fn((text: string): Status => ({ kind: "done", text }));
    const { result } = renderHook(() => useAction<Status>(IDLE));
    let a!: Promise<void>;
    let b!: Promise<void>;
    act(() => {
      a = result.current.run(steps(() => first.promise, firstDone));
    });
    act(() => {
      b = result.current.run(steps(() => second.promise));
    });
    await act(async () => {
      second.resolve("second");
      await b;
    });
    await act(async () => {
      first.resolve("first");
      await a;
    });
    expect(firstDone).not.toHaveBeenCalled();
    expect(result.current.status).toEqual({ kind: "done", text: "second" });
  });
});

describe("useConfirm", () => {
  test("ask shows the question and resolves with the answer; answering closes it", async () => {
    const { result } = renderHook(() => useConfirm<string[]>());
    expect(result.current.question).toBeUndefined();
    let yes!: Promise<boolean>;
    act(() => {
      yes = result.current.ask(["E60"]);
    });
    expect(result.current.question).toEqual(["E60"]);
    act(() => result.current.answer(true));
    await expect(yes).resolves.toBe(true);
    expect(result.current.question).toBeUndefined();

    let no!: Promise<boolean>;
    act(() => {
      no = result.current.ask(["F7"]);
    });
    act(() => result.current.answer(false));
    await expect(no).resolves.toBe(false);
  });

  test("a question asked over an open one replaces it; the replaced one is answered no", async () => {
    const { result } = renderHook(() => useConfirm<string>());
    let first!: Promise<boolean>;
    let second!: Promise<boolean>;
    act(() => {
      first = result.current.ask("first");
    });
    act(() => {
      second = result.current.ask("second");
    });
    await expect(first).resolves.toBe(false);
    expect(result.current.question).toBe("second");
    act(() => result.current.answer(true));
    await expect(second).resolves.toBe(true);
  });
});

const OUTCOME: CheckOutcome = { criteria: { status: "none" } };

describe("the check runner", () => {
  test("requests during a check run it exactly once more after it", async () => {
    const runner = createCheckRunner();
    const answers = [deferred<CheckOutcome>(), deferred<CheckOutcome>()];
    let calls = 0;
    const fetch = jest.fn(() => answers[calls++].promise);
    const first = runner.check(fetch);
    expect(runner.getSnapshot().checking).toBe(true);
    await runner.check(fetch);
    await runner.check(fetch);
    expect(fetch).toHaveBeenCalledTimes(1);
    answers[0].resolve(OUTCOME);
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    expect(runner.getSnapshot().checking).toBe(true);
    answers[1].resolve({ criteria: { status: "waiting" } });
    await first;
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(runner.getSnapshot()).toMatchObject({
      checking: false,
      criteria: { status: "waiting" },
    });
  });

  test("a failed check is kept until the next check starts", async () => {
    const runner = createCheckRunner();
    await runner.check(() => Promise.reject(new Error("Excel busy")));
    expect(runner.getSnapshot().failure).toEqual({ error: new Error("Excel busy") });
    const next = runner.check(() => Promise.resolve(OUTCOME));
    expect(runner.getSnapshot().failure).toBeUndefined();
    await next;
  });
});

interface FakeExcel extends ExcelSession {
  changed?: () => void;
  writing: boolean;
}

function fakeExcel(): jest.Mocked<FakeExcel> {
  const fake = {
    mode: "excel",
    writing: false,
    check: jest.fn(async () => OUTCOME),
    watchChanges: jest.fn(async (onChange: () => void) => {
      fake.changed = onChange;
      return async () => {
        fake.changed = undefined;
      };
    }),
    isAddinWriting: jest.fn(() => fake.writing),
  } as unknown as jest.Mocked<FakeExcel>;
  return fake;
}

describe("useCheckRunner", () => {
  test("Excel: checks at once, again ~1 s after an edit, never for the add-in's own writes, not when off", async () => {
    jest.useFakeTimers();
    const session = fakeExcel();
    const onOutcome = jest.fn();
    const { result } = renderHook(() => useCheckRunner(onOutcome), {
      wrapper: paneWrapper(session, "en"),
    });
    await waitFor(() => expect(result.current.criteria).toEqual({ status: "none" }));
    expect(session.check).toHaveBeenCalledWith(
      "en",
      expect.objectContaining({ signal: expect.anything() })
    );
    expect(onOutcome).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(session.changed).toBeDefined());

    act(() => session.changed!());
    expect(result.current.auto?.pending).toBe(true);
    act(() => jest.advanceTimersByTime(999));
    expect(session.check).toHaveBeenCalledTimes(1);
    await act(async () => {
      jest.advanceTimersByTime(1);
    });
    expect(session.check).toHaveBeenCalledTimes(2);
    expect(result.current.auto?.pending).toBe(false);

    session.writing = true;
    act(() => session.changed!());
    await act(async () => {
      jest.advanceTimersByTime(5000);
    });
    expect(session.check).toHaveBeenCalledTimes(2);
    session.writing = false;

    act(() => result.current.auto!.onToggle(false));
    expect(session.changed).toBeUndefined();
    expect(session.check).toHaveBeenCalledTimes(2);
  });

  test("a browser session is not checked by itself and has no re-check", () => {
    const browser = { mode: "browser", check: jest.fn() } as unknown as Session;
    const { result } = renderHook(() => useCheckRunner(), {
      wrapper: paneWrapper(browser, "vi", "browser"),
    });
    expect(browser.check).not.toHaveBeenCalled();
    expect(result.current.auto).toBeUndefined();
  });

  test("a failed check is said in the pane's language", async () => {
    const session = fakeExcel();
    session.check.mockRejectedValue({ messageFor: (lang: Lang) => `failed (${lang})` });
    const { result } = renderHook(() => useCheckRunner(), { wrapper: paneWrapper(session, "en") });
    await waitFor(() => expect(result.current.error).toBe("failed (en)"));
    expect(result.current.checking).toBe(false);
    act(() => result.current.clearError());
    expect(result.current.error).toBeUndefined();
  });
});

describe("useSession", () => {
  test("loading, then the session; a failed load is kept as the error", async () => {
    const session = { mode: "browser" } as Session;
    const ok = renderHook(() => useSession("browser", () => Promise.resolve(session)));
    expect(ok.result.current).toEqual({ status: "loading" });
    await waitFor(() => expect(ok.result.current).toEqual({ status: "ready", session }));

    const error = new Error("chunk failed");
    const bad = renderHook(() => useSession("excel", () => Promise.reject(error)));
    await waitFor(() => expect(bad.result.current).toEqual({ status: "failed", error }));
  });

  test("a load that finishes after the host changed is dropped", async () => {
    const slow = deferred<Session>();
    const excel = { mode: "excel" } as Session;
    const load = jest.fn((host: HostMode) =>
      host === "browser" ? slow.promise : Promise.resolve(excel)
    );
    const { result, rerender } = renderHook(({ host }) => useSession(host, load), {
      initialProps: { host: "browser" as HostMode },
    });
    rerender({ host: "excel" });
    await waitFor(() => expect(result.current).toEqual({ status: "ready", session: excel }));
    await act(async () => {
      slow.resolve({ mode: "browser" } as Session);
      await slow.promise;
    });
    expect(result.current).toEqual({ status: "ready", session: excel });
  });
});
