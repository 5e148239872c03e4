import rule from "../../../src/core/findings/rules/weak-criterion";
import { IndexedSet } from "../../../src/core/criteria/indexed";
import { ruleTester } from "../../support/ruleTester";
import { LeafEntry, unitSheet } from "../../support/workbookBuilder";

/** A run of units, each giving leaf 4.3 (max 2.5, threshold 80%) the self-score listed. */
const run =
  (scores: (number | string)[], more: Record<string, LeafEntry> = {}) =>
  (set: IndexedSet) =>
    scores.map((s, i) => unitSheet(set, { sheet: `Xã ${i + 1}`, leaves: { "4.3": { self: s }, ...more } }));

ruleTester(rule, {
  valid: [
    { name: "every unit at the max", sheets: run([2.5, 2.5]) },
    { name: "exactly at the threshold on average: (2 + 2) / 2 = 0.8 × 2.5", sheets: run([2, 2]) },
    { name: "a low unit lifted by the others", sheets: run([1.5, 2.5, 2.5]) },
    { name: "survey leaves nobody scored are not averaged as zeros", sheets: run([2.5]) },
  ],
  invalid: [
    {
      name: "an average under the threshold",
      sheets: run([1.5, 2.5, 1.5]),
      findings: [{ criterion: "4.3", params: { average: 1.8333, max: 2.5, share: 5.5 / 3 / 2.5, threshold: 0.8, units: 3 } }],
    },
    { name: "one unit under", sheets: run([1]), findings: [{ criterion: "4.3", params: { average: 1, max: 2.5, share: 0.4, threshold: 0.8, units: 1 } }] },
    {
      name: "a unit that marks a leaf not applicable leaves its average",
      sheets: (set) => [
        unitSheet(set, { sheet: "A", leaves: { "6.3": { self: "KĐG", evidence: null } } }),
        unitSheet(set, { sheet: "B", leaves: { "6.3": { self: 0, evidence: null } } }),
      ],
      findings: [{ criterion: "6.3", params: { average: 0, max: 2, share: 0, threshold: 0.8, units: 1 } }],
    },
    {
      name: "two leaves",
      sheets: run([0, 0], { "2.2": { self: 0 } }),
      findings: [
        { criterion: "2.2", params: { average: 0, max: 1.5, share: 0, threshold: 0.8, units: 2 } },
        { criterion: "4.3", params: { average: 0, max: 2.5, share: 0, threshold: 0.8, units: 2 } },
      ],
    },
  ],
});
