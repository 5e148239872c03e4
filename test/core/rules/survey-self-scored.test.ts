import rule from "../../../src/core/findings/rules/survey-self-scored";
import { cellOf, ruleTester } from "../../support/ruleTester";

ruleTester(rule, {
  valid: [
    { name: "survey leaves left empty" },
    { name: "survey leaves appraised", spec: { appraisalRounds: 1 } },
    { name: "text in a survey self-score is score-not-numeric's", spec: { leaves: { "8.1": { self: "abc" } } } },
    { name: "self-scores on other leaves", spec: { leaves: { "7.1": { self: 2, ratio: 0.8 } } } },
  ],
  invalid: [
    { name: "a self-score on a survey leaf", spec: { leaves: { "8.1": { self: 15 } } }, findings: [{ cell: cellOf("8.1", "self"), criterion: "8.1", params: { score: 15 } }] },
    { name: "a zero counts as entered", spec: { leaves: { "8.2": { self: 0 } } }, findings: [{ cell: cellOf("8.2", "self"), criterion: "8.2", params: { score: 0 } }] },
    { name: "a number typed as text", spec: { leaves: { "8.3": { self: "6,5" } } }, findings: [{ cell: cellOf("8.3", "self"), criterion: "8.3", params: { score: 6.5 } }] },
    {
      name: "all three, appraised too",
      spec: { appraisalRounds: 1, leaves: { "8.1": { self: 14, appraised: [12] }, "8.2": { self: 7, appraised: [7] }, "8.3": { self: 6 } } },
      findings: [
        { cell: cellOf("8.1", "self"), criterion: "8.1", params: { score: 14 } },
        { cell: cellOf("8.2", "self"), criterion: "8.2", params: { score: 7 } },
        { cell: cellOf("8.3", "self"), criterion: "8.3", params: { score: 6 } },
      ],
    },
  ],
});
