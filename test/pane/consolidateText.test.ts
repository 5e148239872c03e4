import { consolidateTables } from "../../src/taskpane/consolidateText";

/** Every consolidate message exists in both languages with the same placeholders. */
it("the consolidate messages: the same keys and placeholders in Vietnamese and English", () => {
  const { vi, en } = consolidateTables();
  expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of Object.keys(vi) as (keyof typeof vi)[])
    expect([key, holes(en[key])]).toEqual([key, holes(vi[key])]);
});
