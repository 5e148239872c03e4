import rule from "../../../src/core/findings/rules/appraisal-without-note";
import { cellOf, ruleTester } from "../../support/ruleTester";

ruleTester(rule, {
  valid: [
    { name: "appraised as self-scored", spec: { appraisalRounds: 1 } },
    { name: "a difference with a note", spec: { appraisalRounds: 1, leaves: { "2.5": { self: 1.5, appraised: [0], note: "Không có kế hoạch" } } } },
    { name: "survey leaves differ by nature", spec: { appraisalRounds: 1, leaves: { "8.1": { appraised: [12] } } } },
    { name: "no self-score to differ from", spec: { appraisalRounds: 1, leaves: { "2.2": { self: null, appraised: [0] } } } },
    { name: "a sheet without appraisal columns", spec: { appraisalRounds: 0 } },
  ],
  invalid: [
    {
      name: "a lower appraisal without a note",
      spec: { appraisalRounds: 1, leaves: { "2.2": { self: 1.5, appraised: [0] } } },
      findings: [{ cell: cellOf("2.2", "appraised"), criterion: "2.2", params: { self: 1.5, appraised: 0 } }],
    },
    {
      name: "a higher appraisal without a note",
      spec: { appraisalRounds: 1, leaves: { "1.2": { self: 1, appraised: [2] } } },
      findings: [{ cell: cellOf("1.2", "appraised"), criterion: "1.2", params: { self: 1, appraised: 2 } }],
    },
    {
      name: "the last filled round is compared and named",
      spec: { appraisalRounds: 2, leaves: { "2.2": { self: 1.5, appraised: [1.5, 0] } } },
      findings: [{ cell: cellOf("2.2", "appraised2"), criterion: "2.2", params: { self: 1.5, appraised: 0 } }],
    },
    {
      name: "a blank note is no note",
      spec: { appraisalRounds: 1, leaves: { "4.3": { self: 2.5, appraised: [1.5], note: " " } } },
      findings: [{ cell: cellOf("4.3", "appraised"), criterion: "4.3", params: { self: 2.5, appraised: 1.5 } }],
    },
  ],
});
