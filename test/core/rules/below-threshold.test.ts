import rule from "../../../src/core/findings/rules/below-threshold";
import { cellOf, ruleTester } from "../../support/ruleTester";

ruleTester(rule, {
  valid: [
    { name: "every leaf at its max" },
    { name: "exactly at threshold × max (2 of 2.5 at 80%)", spec: { leaves: { "4.3": { self: 2 } } } },
    { name: "a low self-score the appraisers raised", spec: { appraisalRounds: 1, leaves: { "1.2": { self: 1, appraised: [2], note: "x" } } } },
    { name: "not applicable", spec: { leaves: { "6.3": { self: "KĐG", evidence: null } } } },
    { name: "survey leaves not yet appraised", spec: { appraisalRounds: 0 } },
  ],
  invalid: [
    { name: "a low self-score", spec: { leaves: { "5.4": { self: 2 } } }, findings: [{ cell: cellOf("5.4", "self"), criterion: "5.4", params: { score: 2, max: 3, threshold: 0.8, limit: 2.4 } }] },
    {
      name: "a low appraised score is named in its round",
      spec: { appraisalRounds: 1, leaves: { "4.3": { self: 2.5, appraised: [1.5], note: "x" } } },
      findings: [{ cell: cellOf("4.3", "appraised"), criterion: "4.3", params: { score: 1.5, max: 2.5, threshold: 0.8, limit: 2 } }],
    },
    {
      name: "the last filled round counts",
      spec: { appraisalRounds: 2, leaves: { "4.3": { self: 2.5, appraised: [2.5, 1.5], note: "x" } } },
      findings: [{ cell: cellOf("4.3", "appraised2"), criterion: "4.3", params: { score: 1.5, max: 2.5, threshold: 0.8, limit: 2 } }],
    },
    { name: "a zero", spec: { leaves: { "2.2": { self: 0 } } }, findings: [{ cell: cellOf("2.2", "self"), criterion: "2.2", params: { score: 0, max: 1.5, threshold: 0.8, limit: 1.2 } }] },
  ],
});
