/**
 * The use cases over an in-memory port: what each asks of the port, in which order, and what it refuses, with
 * no adapter at all.
 */
import { DomainError } from "../../../src/core/errors/domainError";
import { WorkbookRead, WritePlan } from "../../../src/core/port";
import { check } from "../../../src/core/usecases/check";
import { criteriaInUse } from "../../../src/core/usecases/criteriaInUse";
import { revert } from "../../../src/core/usecases/revert";
import { score, summarize } from "../../../src/core/usecases/score";
import { StoredRun, WorkbookPort } from "../../../src/core/usecases/workbookPort";
import { fixtureSet } from "../../support/sample";
import { unitSheet } from "../../support/workbookBuilder";

const SET = fixtureSet();

/** A port over a read held in memory that records every call and the plans it was given. */
function memoryPort(read: WorkbookRead, lastRun?: StoredRun) {
  const calls: string[] = [];
  const plans: WritePlan[] = [];
  const port: WorkbookPort<{ written: number }, { reverted: true }> = {
    read: async (purpose) => (calls.push(`read:${purpose}`), read),
    apply: async (plan) => (calls.push("apply"), plans.push(plan), { written: plan.ranges.length }),
    lastRun: async () => (calls.push("lastRun"), lastRun),
    revert: async () => (calls.push("revert"), { reverted: true }),
  };
  return { port, calls, plans };
}

const unitRead = (): WorkbookRead => ({
  sheets: [unitSheet(SET, { sheet: "Xã Thử", unitName: "UBND xã Thử" })],
});

describe("check", () => {
  test("reads for a check and checks with the given set", async () => {
    const { port, calls } = memoryPort(unitRead());
    const done = await check(port, { given: SET, lang: "vi" });
    expect(calls).toEqual(["read:check"]);
    expect(done.check.units.map((u) => u.name)).toEqual(["UBND xã Thử"]);
    expect(done.sheet).toBeUndefined();
  });

  test("without a set and a criteria sheet: no-criteria", async () => {
    const { port } = memoryPort(unitRead());
    await expect(check(port, { lang: "en" })).rejects.toMatchObject({ code: "no-criteria" });
  });

  test("a refused criteria sheet names the sheet as found and carries its problems", () => {
    const read = {
      sheets: [
        {
          name: "Criteria",
          values: [
            ["Mã", "Tên"],
            ["x", 1],
          ],
        },
      ],
    };
    const error = (() => {
      try {
        return criteriaInUse(read, { lang: "en" });
      } catch (e) {
        return e;
      }
    })();
    expect(DomainError.is(error, "criteria-refused")).toBe(true);
    const refused = error as DomainError<"criteria-refused">;
    expect(refused.params.sheet).toBe("Criteria");
    expect(refused.params.count).toBe(refused.params.problems?.length);
    expect(refused.params.count).toBeGreaterThan(0);
  });
});

describe("score and summarize", () => {
  test("score reads for writing, then applies one plan", async () => {
    const { port, calls, plans } = memoryPort(unitRead());
    const done = await score(port, { given: SET, lang: "vi", confirmTypedCells: () => true });
    expect(calls).toEqual(["read:write", "apply"]);
    expect(done.status).toBe("written");
    expect(plans[0].ranges.some((r) => r.sheet === "Xã Thử")).toBe(true);
  });

  test("a protected sheet the plan writes: nothing is applied", async () => {
    const read = unitRead();
    read.sheets[0].protected = true;
    const { port, calls } = memoryPort(read);
    await expect(
      score(port, { given: SET, lang: "vi", confirmTypedCells: () => true })
    ).rejects.toMatchObject({ code: "sheet-protected", params: { sheets: "Xã Thử", count: 1 } });
    expect(calls).toEqual(["read:write"]);
  });

  test("typed values not confirmed: cancelled, nothing applied", async () => {
    const read = unitRead();
    const grid = read.sheets[0];
    // A typed number where the plan puts the index row's formula: every unit sheet's total row.
    const { port: probe, plans } = memoryPort(read);
    await score(probe, { given: SET, lang: "vi", confirmTypedCells: () => true });
    const formulaCell = plans[0].ranges
      .filter((r) => r.sheet === "Xã Thử")
      .flatMap((r) => r.cells.flatMap((row, i) => row.map((c, j) => ({ c, r, i, j }))))
      .find((x) => "formula" in x.c);
    expect(formulaCell).toBeDefined();
    const { r, i, j } = formulaCell!;
    const m = /^([A-Z]+)(\d+)$/.exec(r.at)!;
    const row = Number(m[2]) - 1 + i;
    const col = m[1].charCodeAt(0) - 65 + j;
    (grid.values[row] ??= [])[col] = 42;
    grid.formulas = undefined;
    const { port, calls } = memoryPort(read);
    const asked = jest.fn(() => false);
    const done = await score(port, { given: SET, lang: "vi", confirmTypedCells: asked });
    expect(asked).toHaveBeenCalled();
    expect(done.status).toBe("cancelled");
    expect(calls).toEqual(["read:write"]);
  });

  test("summarize writes only the summary sheet once unit sheets have their index row", async () => {
    const { port, plans } = memoryPort(unitRead());
    await summarize(port, { given: SET, lang: "vi", confirmTypedCells: () => true });
    const first = plans[0];
    const summarySheet = first.sheets.find((s) => s.role === "summary")?.name;
    expect(summarySheet).toBeDefined();
    expect(new Set(first.ranges.map((r) => r.sheet)).size).toBeGreaterThanOrEqual(1);
  });
});

describe("revert", () => {
  test("nothing stored: nothing-to-revert, nothing reverted", async () => {
    const { port, calls } = memoryPort(unitRead());
    await expect(revert(port)).rejects.toMatchObject({ code: "nothing-to-revert" });
    expect(calls).toEqual(["lastRun"]);
  });
});
