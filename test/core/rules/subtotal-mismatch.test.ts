import { indexSet } from "../../../src/core/criteria/indexed";
import { CriteriaSet } from "../../../src/core/criteria/model";
import rule from "../../../src/core/findings/rules/subtotal-mismatch";
import { cellOf, put, ruleTester } from "../../support/ruleTester";

/** Field 1 weighted 10 over two leaves of 2 and 3 points; field 2 plain, one leaf of 5 that may be not applicable. */
const WEIGHTED = indexSet({
  format: "cchc-criteria/1",
  id: "w",
  title: "w",
  rounding: { decimals: 2, mode: "round" },
  threshold: 0,
  bands: [{ min: 0, label: "-" }],
  nodes: [
    {
      code: "1",
      name: "Có trọng số",
      weight: 10,
      children: [
        { code: "1.1", name: "a", max: 2, rule: { kind: "manual", step: 0.5 }, evidence: false },
        { code: "1.2", name: "b", max: 3, rule: { kind: "manual", step: 0.5 }, evidence: false },
      ],
    },
    {
      code: "2",
      name: "Thường",
      children: [{ code: "2.1", name: "c", max: 5, rule: { kind: "manual", step: 0.5 }, evidence: false, mayBeNotApplicable: true }],
    },
  ],
  adjustments: [{ code: "T", name: "Thưởng", kind: "bonus", max: 2 }],
} as CriteriaSet);

ruleTester(rule, {
  valid: [
    { name: "a sheet with no subtotals typed" },
    { name: "a parent typed right", spec: { parentSelf: { "1.1": 3.5, "5": 9 } } },
    { name: "a parent within half a hundredth (3.504 for 3.5)", spec: { parentSelf: { "1.1": 3.504 } } },
    { name: "the total typed right", edit: (s) => put(s, "TOTAL", "self", 70) },
    { name: "the total with the bonus typed in the column", spec: { bonus: 0.5 }, edit: (s) => put(s, "TOTAL", "self", 70.5) },
    { name: "the total with a penalty typed as a negative number", spec: { penalty: -1 }, edit: (s) => put(s, "TOTAL", "self", 69) },
    {
      name: "an appraised parent as the running final sum (a leaf not appraised counts its self-score)",
      spec: { appraisalRounds: 1, leaves: { "2.1": { self: 2, appraised: [] } } },
      edit: (s) => put(s, "2", "appraised", 7),
    },
    {
      name: "an appraised parent as the plain column sum (the leaf not appraised counts 0)",
      spec: { appraisalRounds: 1, leaves: { "2.1": { self: 2, appraised: [] } } },
      edit: (s) => put(s, "2", "appraised", 5),
    },
    { name: "a parent showing a formula error is not compared", spec: { parentSelf: { "3": { error: "#REF!" } } } },
    {
      name: "a weighted parent: its parts' share of its max times its weight",
      set: WEIGHTED,
      spec: { leaves: { "1.1": { self: 1 }, "1.2": { self: 3 } } },
      edit: (s) => put(s, "1", "self", 8),
    },
    {
      name: "an appraised not-applicable mark counts 0 in the running sum",
      set: WEIGHTED,
      spec: { appraisalRounds: 1, leaves: { "2.1": { self: 4, appraised: ["KĐG"] } } },
      edit: (s) => put(s, "2", "appraised", 0),
    },
  ],
  invalid: [
    {
      name: "a field added up wrongly by hand",
      spec: { parentSelf: { "5": 8.5 } },
      findings: [{ cell: cellOf("5", "self"), criterion: "5", params: { value: 8.5, expected: 9, column: "self" } }],
    },
    {
      name: "a parent off by more than half a hundredth",
      spec: { parentSelf: { "1.1": 3.51 } },
      findings: [{ cell: cellOf("1.1", "self"), criterion: "1.1", params: { value: 3.51, expected: 3.5, column: "self" } }],
    },
    {
      name: "the total against the field rows as shown",
      spec: { parentSelf: { "5": 8.5 } },
      edit: (s) => put(s, "TOTAL", "self", 71),
      findings: [
        { cell: cellOf("5", "self"), criterion: "5", params: { value: 8.5, expected: 9, column: "self" } },
        { cell: cellOf("TOTAL", "self"), params: { value: 71, expected: 69.5, column: "total" } },
      ],
    },
    {
      name: "the total with a bonus that is not in the column",
      edit: (s) => put(s, "TOTAL", "self", 70.5),
      findings: [{ cell: cellOf("TOTAL", "self"), params: { value: 70.5, expected: 70, column: "total" } }],
    },
    {
      name: "an appraised parent matching neither reading: the running final sum is expected",
      spec: { appraisalRounds: 1, leaves: { "2.1": { self: 2, appraised: [] } } },
      edit: (s) => put(s, "2", "appraised", 6),
      findings: [{ cell: cellOf("2", "appraised"), criterion: "2", params: { value: 6, expected: 7, column: "appraised" } }],
    },
    {
      name: "the second round's total against the final through round 2",
      spec: { appraisalRounds: 2, leaves: { "2.2": { self: 1.5, appraised: [0, 1.5], note: "x" } } },
      edit: (s) => put(s, "TOTAL", "appraised2", 50),
      // Round 2 leaves the survey leaves and 2.2 as round 1 gave them: 70 + 27 survey points.
      findings: [{ cell: cellOf("TOTAL", "appraised2"), params: { value: 50, expected: 97, column: "total" } }],
    },
    {
      name: "a weighted parent typed as the plain sum of its parts",
      set: WEIGHTED,
      spec: { leaves: { "1.1": { self: 1 }, "1.2": { self: 3 } } },
      edit: (s) => put(s, "1", "self", 4),
      findings: [{ cell: cellOf("1", "self"), criterion: "1", params: { value: 4, expected: 8, column: "self" } }],
    },
    {
      name: "a child parent's wrong number stands for it in the field's sum",
      spec: { parentSelf: { "1.1": 3, "1": 9.5 } },
      findings: [{ cell: cellOf("1.1", "self"), criterion: "1.1", params: { value: 3, expected: 3.5, column: "self" } }],
    },
    {
      name: "a number stored as text in a parent is compared by its value",
      spec: { parentSelf: { "4": "5,5" } },
      findings: [{ cell: cellOf("4", "self"), criterion: "4", params: { value: 5.5, expected: 6, column: "self" } }],
    },
    {
      name: "a leaf typed as text counts by its value in its parent's sum",
      spec: { leaves: { "2.5": { self: "1,5" } }, parentSelf: { "2": 5.5 } },
      findings: [{ cell: cellOf("2", "self"), criterion: "2", params: { value: 5.5, expected: 7, column: "self" } }],
    },
  ],
});
