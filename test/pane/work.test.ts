import {
  isCancelled,
  stepReporter,
  WorkCancelled,
  type WorkProgress,
} from "../../src/taskpane/work";

describe("stepReporter: core's stages as the pane's progress, and the person's stop", () => {
  test("reports each stage in order", async () => {
    const seen: WorkProgress[] = [];
    const step = stepReporter({ onProgress: (p) => seen.push(p) });
    for (const s of ["reading", "checking", "writing"] as const) await step(s);
    expect(seen).toEqual([{ step: "reading" }, { step: "checking" }, { step: "writing" }]);
  });

  test("a stop before a stage stops the run there, as WorkCancelled", async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const step = stepReporter({ signal: controller.signal, onProgress: (p) => seen.push(p.step) });
    await step("reading");
    controller.abort();
    const stopped = step("checking").catch((e: unknown) => e);
    expect(isCancelled(await stopped)).toBe(true);
    expect(seen).toEqual(["reading"]);
  });

  test("a stop while the page paints the stage's label stops before the stage's work", async () => {
    const controller = new AbortController();
    const step = stepReporter({ signal: controller.signal });
    const pending = step("checking");
    controller.abort(); // during the task turn the reporter gives the page
    await expect(pending).rejects.toBeInstanceOf(WorkCancelled);
  });

  test("once writing has begun, a stop no longer stops it: never half a workbook", async () => {
    const controller = new AbortController();
    const step = stepReporter({ signal: controller.signal });
    await step("checking");
    const writing = step("writing");
    controller.abort();
    await expect(writing).resolves.toBeUndefined();
  });

  test("without options it only gives the page a turn", async () => {
    await expect(stepReporter(undefined)("reading")).resolves.toBeUndefined();
  });
});
