/**
 * Progress and stop of the browser session's long work (the .xlsx jobs in the page here: jest has no Worker;
 * through a worker in test/pane/xlsxWorkerClient.test.ts and the Chromium test).
 */
import { readFileSync } from "fs";
import * as path from "path";
import { createBrowserSession } from "../../src/taskpane/modes/browserSession";
import { isCancelled } from "../../src/taskpane/work";
import { stopAt } from "../support/stopAt";
import { projectRoot } from "../support/paths";
import { fixtureSet } from "../support/sample";
import { toXlsx, unitSheet } from "../support/workbookBuilder";

const SAMPLE = new Uint8Array(
  readFileSync(path.join(projectRoot(), "examples", "xa-mau-2025.xlsx"))
);

describe("the browser session's long work", () => {
  test("opening reports reading then checking; a file stopped while read leaves the open one open", async () => {
    const session = createBrowserSession();
    const seen: string[] = [];
    const first = await session.open(SAMPLE, "xa-mau-2025.xlsx", "vi", {
      onProgress: (p) => seen.push(p.step),
    });
    expect(seen).toEqual(["reading", "checking"]);

    const set = fixtureSet();
    const other = await toXlsx(
      [unitSheet(set, { sheet: "Xã Khác", unitName: "UBND xã Khác" })],
      set
    );
    const stopped = stopAt("reading");
    const error = await session
      .open(new Uint8Array(other), "khac.xlsx", "vi", stopped.work)
      .catch((e: unknown) => e);
    expect(isCancelled(error)).toBe(true);
    expect((await session.check("vi")).report).toEqual(first.report);
  });

  test("a score stopped while checking gives no file; asked again, it gives one", async () => {
    const session = createBrowserSession();
    await session.open(SAMPLE, "xa-mau-2025.xlsx", "vi");
    const stopped = stopAt("checking");
    const error = await session.score("vi", stopped.work).catch((e: unknown) => e);
    expect(isCancelled(error)).toBe(true);
    expect(stopped.steps()).toEqual(["reading", "checking"]);
    const scored = await session.score("vi");
    expect(scored.bytes.length).toBeGreaterThan(0);
  });

  test("a comparison reports reading the older file, then comparing", async () => {
    const session = createBrowserSession();
    await session.open(SAMPLE, "xa-mau-2025.xlsx", "vi");
    const seen: string[] = [];
    const view = await session.compare({ name: "cu.xlsx", bytes: SAMPLE }, "vi", {
      onProgress: (p) => seen.push(p.step),
    });
    expect(view.changeCount).toBe(0);
    expect(seen).toEqual(["readingOther", "comparing"]);

    const stopped = stopAt("readingOther");
    const error = await session
      .compare({ name: "cu.xlsx", bytes: SAMPLE }, "vi", stopped.work)
      .catch((e: unknown) => e);
    expect(isCancelled(error)).toBe(true);
  });
});
