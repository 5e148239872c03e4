import rule from "../../../src/core/findings/rules/appraisal-missing";
import { cellOf, ruleTester } from "../../support/ruleTester";

ruleTester(rule, {
  valid: [
    { name: "every leaf appraised", spec: { appraisalRounds: 1 } },
    { name: "no appraisal columns", spec: { appraisalRounds: 0 } },
    { name: "survey leaves are appraised only", spec: { appraisalRounds: 1, leaves: { "8.1": { appraised: [] } } } },
    { name: "a not-applicable mark is an appraisal", spec: { appraisalRounds: 1, leaves: { "6.3": { appraised: ["KĐG"] } } } },
    { name: "no self-score", spec: { appraisalRounds: 1, leaves: { "2.1": { self: null, appraised: [] } } } },
  ],
  invalid: [
    { name: "one round, not appraised", spec: { appraisalRounds: 1, leaves: { "2.1": { self: 2, appraised: [] } } }, findings: [{ cell: cellOf("2.1", "appraised"), criterion: "2.1", params: { self: 2 } }] },
    {
      name: "two rounds: the last round is named",
      spec: { appraisalRounds: 2, leaves: { "2.1": { self: 2, appraised: [] } } },
      findings: [{ cell: cellOf("2.1", "appraised2"), criterion: "2.1", params: { self: 2 } }],
    },
    {
      name: "text in the round is no appraisal",
      spec: { appraisalRounds: 1, leaves: { "2.1": { self: 2, appraised: ["chưa"] } } },
      findings: [{ cell: cellOf("2.1", "appraised"), criterion: "2.1", params: { self: 2 } }],
    },
    {
      name: "two leaves",
      spec: { appraisalRounds: 1, leaves: { "1.3": { self: 1.5, appraised: [] }, "7.5": { self: 0, appraised: [] } } },
      findings: [
        { cell: cellOf("1.3", "appraised"), criterion: "1.3", params: { self: 1.5 } },
        { cell: cellOf("7.5", "appraised"), criterion: "7.5", params: { self: 0 } },
      ],
    },
  ],
});
