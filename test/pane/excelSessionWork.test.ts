/**
 * Progress and stop of the Excel session's long work, over the real src/excel and the fake Excel: a stop before
 * writing leaves the workbook exactly as it was; a stop once writing has begun does not cut the write in half.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { createExcelSession } from "../../src/taskpane/modes/excelSession";
import { isCancelled } from "../../src/taskpane/work";
import { stopAt } from "../support/stopAt";
import { FakeExcelHost, FakeWorkbook, installRequirementSets } from "../excel/fakeExcel";
import { sampleSet, unitGrids } from "../excel/fixtures";

const CRITERIA = readFileSync(join(__dirname, "../fixtures/xa-2025-mau.criteria.json"), "utf8");
const set = sampleSet();

let undo: (() => void)[] = [];
afterEach(() => {
  undo.forEach((f) => f());
  undo = [];
});

async function openBook(units = 3) {
  const book = new FakeWorkbook(unitGrids(set, units));
  undo.push(installRequirementSets(17), new FakeExcelHost(book).install());
  const session = createExcelSession();
  expect((await session.importCriteria(CRITERIA, "xa.json", "vi")).ok).toBe(true);
  return { book, session };
}

const state = (book: FakeWorkbook) => book.sheets.map((s) => [s.name, s.contents()]);

describe("the Excel session's long work", () => {
  test("a check reports reading then checking, and a stop at reading gives no outcome", async () => {
    const { session } = await openBook();
    const seen: string[] = [];
    const outcome = await session.check("vi", { onProgress: (p) => seen.push(p.step) });
    expect(outcome.report?.units).toHaveLength(3);
    expect(seen).toEqual(["reading", "checking"]);

    const stopped = stopAt("reading");
    const error = await session.check("vi", stopped.work).catch((e: unknown) => e);
    expect(isCancelled(error)).toBe(true);
    expect(stopped.seen.map((p) => p.step)).toEqual(["reading"]);
  });

  test("a score stopped while checking writes nothing", async () => {
    const { book, session } = await openBook();
    const before = state(book);
    const stopped = stopAt("checking");
    const error = await session
      .score("vi", async () => true, stopped.work)
      .catch((e: unknown) => e);
    expect(isCancelled(error)).toBe(true);
    expect(state(book)).toEqual(before);
  });

  test("a score counts its write batches, and a stop once writing has begun lets the write finish", async () => {
    const { book, session } = await openBook();
    const before = state(book);
    const stopped = stopAt("writing");
    const outcome = await session.score("vi", async () => true, stopped.work);
    expect(outcome.done).toBe(true);
    expect(state(book)).not.toEqual(before);
    expect(book.sheets.map((s) => s.name)).toContain("Tổng hợp");
    const steps = stopped.seen.map((p) => p.step);
    expect(steps.slice(0, 3)).toEqual(["reading", "checking", "writing"]);
    const counted = stopped.seen.filter((p) => p.done !== undefined);
    expect(counted.length).toBeGreaterThan(0);
    const last = counted[counted.length - 1];
    expect(last.done).toBe(last.total);
  });
});
