import { dialogContentFrom } from "../../src/commands/dialogText";
import type { RibbonOutcome } from "../../src/commands/outcomeText";
import { ribbonAction, type RibbonDeps } from "../../src/commands/ribbonAction";
import { COMMAND_TIME_LIMIT_MS, LIMIT_MARGIN_MS } from "../../src/commands/showOutcome";

/** Office.context.ui.displayDialogAsync and requirements as office.js has them, recording what was asked. */
class FakeOfficeUi {
  opened: { url: string; options: unknown }[] = [];
  handlers = new Map<string, (arg: unknown) => void>();
  closes = 0;
  constructor(
    private readonly dialogApi = true,
    private readonly openError?: { code: number; message: string }
  ) {}

  office(): RibbonDeps["office"] {
    return {
      context: {
        requirements: {
          isSetSupported: (name: string, version?: string) =>
            this.dialogApi && name === "DialogApi" && version === "1.1",
        },
        ui: {
          displayDialogAsync: (url, options, callback) => {
            this.opened.push({ url, options });
            // office.js answers asynchronously.
            setTimeout(() =>
              callback(
                this.openError
                  ? { status: "failed", value: undefined as never, error: this.openError }
                  : {
                      status: "succeeded",
                      value: {
                        close: () => void this.closes++,
                        addEventHandler: (type, handler) => this.handlers.set(type, handler),
                      },
                    }
              )
            );
          },
        },
      },
    };
  }

  shown(): ReturnType<typeof dialogContentFrom> {
    return dialogContentFrom(new URL(this.opened[0].url).search);
  }
}

const CHECKED: RibbonOutcome = {
  command: "check",
  status: "checked",
  units: 2,
  findings: { errors: 1, warnings: 0, infos: 0 },
};

function deps(ui: FakeOfficeUi, run: RibbonDeps["run"], logs: unknown[][] = []): RibbonDeps {
  return {
    office: ui.office(),
    lang: () => "vi",
    run,
    page: () => "https://localhost:3000/dialog.html",
    log: (...args) => void logs.push(args),
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("a ribbon button", () => {
  it("opens the dialog with the outcome and completes once, when the person closes it", async () => {
    const ui = new FakeOfficeUi();
    const completed = jest.fn();
    await ribbonAction(
      "check",
      deps(ui, async () => CHECKED)
    )({ completed });
    await tick();
    expect(ui.opened).toHaveLength(1);
    expect(ui.opened[0].url.startsWith("https://localhost:3000/dialog.html?")).toBe(true);
    expect(ui.shown().title).toBe("CCHC — Kiểm tra");
    expect(ui.shown().lines[1]).toBe("Phát hiện: 1 lỗi, 0 cảnh báo, 0 thông tin.");
    // Not before the dialog closes: completing can close a dialog the function file opened (office-js #428).
    expect(completed).not.toHaveBeenCalled();
    ui.handlers.get("dialogEventReceived")!({ error: 12006 });
    ui.handlers.get("dialogEventReceived")!({ error: 12006 });
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("closes the dialog when its button sends a message, and completes once", async () => {
    const ui = new FakeOfficeUi();
    const completed = jest.fn();
    await ribbonAction(
      "score",
      deps(ui, async () => CHECKED)
    )({ completed });
    await tick();
    ui.handlers.get("dialogMessageReceived")!({ message: "close" });
    expect(ui.closes).toBe(1);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("shows a failure's reason and still completes once", async () => {
    const ui = new FakeOfficeUi();
    const completed = jest.fn();
    const failed: RibbonOutcome = {
      command: "summary",
      status: "failed",
      reason: "Sổ tính đang khóa",
    };
    await ribbonAction(
      "summary",
      deps(ui, async () => failed)
    )({ completed });
    await tick();
    expect(ui.shown().lines).toEqual(["Không thành công: Sổ tính đang khóa"]);
    ui.handlers.get("dialogEventReceived")!({ error: 12006 });
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("completes once when the command throws", async () => {
    const ui = new FakeOfficeUi();
    const completed = jest.fn();
    const logs: unknown[][] = [];
    const boom = async (): Promise<RibbonOutcome> => {
      throw new Error("boom");
    };
    await ribbonAction("check", deps(ui, boom, logs))({ completed });
    await tick();
    expect(completed).toHaveBeenCalledTimes(1);
    expect(ui.opened).toHaveLength(0);
    expect(String(logs[0][0])).toMatch(/"check" failed/);
  });

  it("without the Dialog API, writes the outcome to the console, says why, and completes", async () => {
    const ui = new FakeOfficeUi(false);
    const completed = jest.fn();
    const logs: unknown[][] = [];
    await ribbonAction(
      "check",
      deps(ui, async () => CHECKED, logs)
    )({ completed });
    expect(ui.opened).toHaveLength(0);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(String(logs[0][0])).toMatch(/no Dialog API[\s\S]*Đã kiểm tra 2 trang/);
  });

  it("when the dialog cannot open (12007), logs the outcome and completes once", async () => {
    const ui = new FakeOfficeUi(true, { code: 12007, message: "A dialog box is already opened" });
    const completed = jest.fn();
    const logs: unknown[][] = [];
    await ribbonAction(
      "check",
      deps(ui, async () => CHECKED, logs)
    )({ completed });
    await tick();
    expect(completed).toHaveBeenCalledTimes(1);
    expect(String(logs[0][0])).toMatch(/12007[\s\S]*Đã kiểm tra 2 trang/);
  });

  it("leaves no timer behind when the dialog cannot open", async () => {
    jest.useFakeTimers();
    try {
      const ui = new FakeOfficeUi(true, {
        code: 12009,
        message: "The user chose to ignore the dialog box",
      });
      const completed = jest.fn();
      await ribbonAction(
        "score",
        deps(ui, async () => CHECKED)
      )({ completed });
      jest.advanceTimersByTime(1);
      expect(completed).toHaveBeenCalledTimes(1);
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  it("closes the dialog and completes before the function command's 5-minute limit", async () => {
    jest.useFakeTimers();
    try {
      const ui = new FakeOfficeUi();
      const completed = jest.fn();
      await ribbonAction(
        "check",
        deps(ui, async () => CHECKED)
      )({ completed });
      jest.advanceTimersByTime(1);
      expect(ui.opened).toHaveLength(1);
      jest.advanceTimersByTime(COMMAND_TIME_LIMIT_MS - LIMIT_MARGIN_MS - 1000);
      expect(completed).not.toHaveBeenCalled();
      jest.advanceTimersByTime(1000);
      expect(ui.closes).toBe(1);
      expect(completed).toHaveBeenCalledTimes(1);
      ui.handlers.get("dialogEventReceived")!({ error: 12006 });
      expect(completed).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });
});
