import rule from "../../../src/core/findings/rules/score-missing";
import { cellOf, ruleTester } from "../../support/ruleTester";

ruleTester(rule, {
  valid: [
    { name: "every leaf scored" },
    { name: "survey leaves have no self-score", spec: { leaves: { "8.1": { self: null } } } },
    { name: "a zero is a score", spec: { leaves: { "2.2": { self: 0 } } } },
    { name: "an empty self-score the appraisers marked not applicable", spec: { appraisalRounds: 1, leaves: { "6.3": { self: null, appraised: ["KĐG"], evidence: null } } } },
    { name: "a not-applicable mark is not missing", spec: { leaves: { "6.3": { self: "KĐG", evidence: null } } } },
  ],
  invalid: [
    { name: "an empty self-score", spec: { leaves: { "2.2": { self: null } } }, findings: [{ cell: cellOf("2.2", "self"), criterion: "2.2", params: { column: "self" } }] },
    { name: "a blank text is empty", spec: { leaves: { "2.2": { self: "  " } } }, findings: [{ cell: cellOf("2.2", "self"), criterion: "2.2", params: { column: "self" } }] },
    {
      name: "an empty self-score the appraisers scored",
      spec: { appraisalRounds: 1, leaves: { "4.1": { self: null, appraised: [1.5] } } },
      findings: [{ cell: cellOf("4.1", "self"), criterion: "4.1", params: { column: "self" } }],
    },
    {
      name: "the appraisers' mark on a leaf that may not be marked does not excuse it",
      spec: { appraisalRounds: 1, leaves: { "4.2": { self: null, appraised: ["KĐG"] } } },
      findings: [{ cell: cellOf("4.2", "self"), criterion: "4.2", params: { column: "self" } }],
    },
    {
      name: "two leaves, in row order",
      spec: { leaves: { "7.2": { self: null }, "1.3": { self: null } } },
      findings: [
        { cell: cellOf("1.3", "self"), criterion: "1.3", params: { column: "self" } },
        { cell: cellOf("7.2", "self"), criterion: "7.2", params: { column: "self" } },
      ],
    },
  ],
});
