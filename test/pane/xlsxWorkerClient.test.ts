/**
 * The pane's .xlsx jobs through a worker (a fake one with the real job server behind a cloning message boundary,
 * test/support/fakeWorker.ts) and in the page: the same results, progress, DomainErrors that stay DomainErrors,
 * and the person's stop — the worker terminated, the next job in a new one.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { criteriaFromWorkbook } from "../../src/core/criteria/fromWorkbook";
import { indexSet } from "../../src/core/criteria/indexed";
import { DomainError } from "../../src/core/errors/domainError";
import { reportWith } from "../../src/taskpane/modes/coreViews";
import { loadWorkbookBytes } from "../../src/xlsx/loadWorkbook";
import { readWorkbook } from "../../src/xlsx/readWorkbook";
import { xlsxJobs } from "../../src/taskpane/modes/xlsxWorkerClient";
import { isCancelled, type WorkStep } from "../../src/taskpane/work";
import { fakeSpawn } from "../support/fakeWorker";
import { projectRoot } from "../support/paths";

const SAMPLE = new Uint8Array(
  readFileSync(path.join(projectRoot(), "examples", "xa-mau-2025.xlsx"))
);

const scoreRequest = (kept?: number) =>
  ({ kind: "score", bytes: SAMPLE, lang: "vi", file: "xa-mau-2025.xlsx", kept }) as const;

describe("the .xlsx jobs in a worker", () => {
  test("a read gives what readWorkbook gives in this thread, with its progress", async () => {
    const { spawn, workers } = fakeSpawn();
    const jobs = xlsxJobs(spawn);
    const steps: WorkStep[] = [];
    const read = await jobs.run(
      { kind: "read", bytes: SAMPLE },
      { onProgress: (p) => steps.push(p.step) }
    );
    expect(read).toEqual(readWorkbook(await loadWorkbookBytes(SAMPLE, { readOnly: true })));
    expect(steps).toEqual(["reading"]);
    expect(jobs.usedWorker).toBe(true);
    expect(workers).toHaveLength(1);
  });

  test("a score of the kept read gives a scored package, through reading, checking and writing", async () => {
    const { spawn } = fakeSpawn();
    const jobs = xlsxJobs(spawn);
    await jobs.run({ kind: "read", bytes: SAMPLE, keep: 7 });
    const steps: WorkStep[] = [];
    const scored = await jobs.run(scoreRequest(7), { onProgress: (p) => steps.push(p.step) });
    expect(steps).toEqual(["reading", "checking", "writing"]);
    const names = readWorkbook(await loadWorkbookBytes(scored.bytes)).sheets.map((s) => s.name);
    expect(names).toContain("Tổng hợp");
  });

  test("a check of the kept read gives the report checkWith gives in this thread", async () => {
    const jobs = xlsxJobs(fakeSpawn().spawn);
    const read = await jobs.run({ kind: "read", bytes: SAMPLE, keep: 1 });
    const own = criteriaFromWorkbook(read, "vi");
    if (!own?.ok) throw new Error("the sample's criteria sheet should be accepted");
    const steps: WorkStep[] = [];
    const report = await jobs.run(
      { kind: "check", bytes: SAMPLE, kept: 1, given: own.set, lang: "vi", file: "x.xlsx" },
      { onProgress: (p) => steps.push(p.step) }
    );
    expect(report).toEqual(reportWith(indexSet(own.set), read, "vi", "x.xlsx"));
    expect(steps).toEqual(["checking"]);
  });

  test("core's DomainError comes back a DomainError (the pane says it in its language)", async () => {
    const jobs = xlsxJobs(fakeSpawn().spawn);
    const error = await jobs
      .run({ kind: "read", bytes: new TextEncoder().encode("not a workbook") })
      .catch((e: unknown) => e);
    expect(DomainError.is(error)).toBe(true);
  });

  test("a stop terminates the worker at once; the next job starts a new one and works", async () => {
    const { spawn, workers } = fakeSpawn();
    const jobs = xlsxJobs(spawn);
    const controller = new AbortController();
    const stopped = jobs
      .run(scoreRequest(), {
        signal: controller.signal,
        onProgress: () => controller.abort(),
      })
      .catch((e: unknown) => e);
    expect(isCancelled(await stopped)).toBe(true);
    expect(workers[0].terminated).toBe(true);

    const scored = await jobs.run(scoreRequest());
    expect(scored.bytes.length).toBeGreaterThan(0);
    expect(workers).toHaveLength(2);
    expect(workers[1].terminated).toBe(false);
  });

  test("already stopped: nothing is started", async () => {
    const { spawn, workers } = fakeSpawn();
    const controller = new AbortController();
    controller.abort();
    const error = await xlsxJobs(spawn)
      .run(scoreRequest(), { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(isCancelled(error)).toBe(true);
    expect(workers).toHaveLength(0);
  });
});

describe("the .xlsx jobs without a worker", () => {
  test("a worker whose script fails: its job, and later ones, run in the page", async () => {
    const { spawn, workers } = fakeSpawn(true);
    const jobs = xlsxJobs(spawn);
    const read = await jobs.run({ kind: "read", bytes: SAMPLE });
    expect(read.sheets.length).toBeGreaterThan(1);
    await jobs.run({ kind: "read", bytes: SAMPLE });
    expect(workers).toHaveLength(1);
    expect(jobs.usedWorker).toBe(false);
  });

  test("where no worker can be made, the page runs the job and stops between stages", async () => {
    const jobs = xlsxJobs(async () => undefined);
    expect((await jobs.run(scoreRequest())).bytes.length).toBeGreaterThan(0);
    const controller = new AbortController();
    const seen: WorkStep[] = [];
    const error = await jobs
      .run(scoreRequest(), {
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p.step);
          if (p.step === "checking") controller.abort();
        },
      })
      .catch((e: unknown) => e);
    expect(isCancelled(error)).toBe(true);
    expect(seen).toEqual(["reading", "checking"]);
    expect(jobs.usedWorker).toBe(false);
  });
});

describe("stopping one of two jobs in one worker", () => {
  test("the stopped one ends; the other starts again in a new worker and gives its result", async () => {
    const { spawn, workers } = fakeSpawn();
    const jobs = xlsxJobs(spawn);
    const controller = new AbortController();
    const other = jobs.run({ kind: "read", bytes: SAMPLE });
    const stopped = jobs
      .run(scoreRequest(), { signal: controller.signal, onProgress: () => controller.abort() })
      .catch((e: unknown) => e);
    expect(isCancelled(await stopped)).toBe(true);
    expect((await other).sheets.length).toBeGreaterThan(1);
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
  });
});
