import { pageBreaks } from "../../src/taskpane/modes/pageBreaks";

/** Resolves when `p` settles within the current macrotask turn's microtasks, else reports it pending. */
async function settledNow(p: Promise<void>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  for (let i = 0; i < 10; i++) await Promise.resolve();
  return done;
}

describe("pageBreaks: a break for the page only after a slice of work", () => {
  test("within the slice, no break: the work goes on in the same task", async () => {
    const breathe = pageBreaks(10_000);
    expect(await settledNow(breathe())).toBe(true);
  });

  test("after the slice, a break: the work resumes in a later task", async () => {
    const breathe = pageBreaks(0);
    const start = performance.now();
    while (performance.now() - start < 2);
    expect(await settledNow(breathe())).toBe(false);
  });
});
