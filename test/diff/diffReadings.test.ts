import { diffReadings, hasChanges } from "../../src/core/diff/diffReadings";
import { unitReadings } from "../../src/core/diff/unitReadings";
import { a1 } from "../../src/core/sheet/address";
import { fixtureSet } from "../support/sample";
import { unitSheet } from "../support/workbookBuilder";

const set = fixtureSet();
const read = (sheets: ReturnType<typeof unitSheet>[]) => unitReadings(set, { sheets });

describe("diffReadings (pure, over grids)", () => {
  test("a row moved by an inserted row: matched by code; a changed cell names both addresses", () => {
    const old = unitSheet(set, { sheet: "An", omit: ["1.2"], leaves: { "2.1": { note: "cũ" } } });
    const now = unitSheet(set, { sheet: "An", leaves: { "2.1": { note: "mới" } } });
    const d = diffReadings(read([old]), read([now]));
    const noteCol = now.columns.note;
    expect(d.changes).toEqual([
      { sheet: "An", unit: "UBND xã An", criterion: "2.1", column: "note", cell: a1(now.rowOf.get("2.1")!, noteCol), cellBefore: a1(old.rowOf.get("2.1")!, noteCol), before: "cũ", after: "mới" },
    ]);
    expect(d.criteriaOnlyAfter.map((r) => r.criterion)).toEqual(["1.2"]);
    expect(hasChanges(d)).toBe(true);
  });

  test("a typed parent subtotal is not a cell change (it is a sum; the figures show it)", () => {
    const old = unitSheet(set, { sheet: "An", parentSelf: { "5": 8.5 } });
    const now = unitSheet(set, { sheet: "An", parentSelf: { "5": 9 } });
    const d = diffReadings(read([old]), read([now]));
    expect(d.changes).toEqual([]);
    expect(hasChanges(d)).toBe(false);
  });

  test("a unit renamed on the same sheet is a change; the old name is kept", () => {
    const d = diffReadings(read([unitSheet(set, { sheet: "An", unitName: "UBND xã An" })]), read([unitSheet(set, { sheet: "an", unitName: "UBND xã An Mới" })]));
    expect(d.units.map((u) => [u.sheet, u.name, u.nameBefore])).toEqual([["an", "UBND xã An Mới", "UBND xã An"]]);
    expect(hasChanges(d)).toBe(true);
  });

  test("a bonus changed is a change on its adjustment row", () => {
    const bonus = set.adjustments.find((a) => a.kind === "bonus")!;
    const d = diffReadings(read([unitSheet(set, { sheet: "An", bonus: 0 })]), read([unitSheet(set, { sheet: "An", bonus: 0.5 })]));
    expect(d.changes.map((c) => [c.criterion, c.column, c.before, c.after])).toEqual([[bonus.code, "self", 0, 0.5]]);
    expect(d.units[0].after.index).toBeGreaterThan(d.units[0].before.index);
  });
});
