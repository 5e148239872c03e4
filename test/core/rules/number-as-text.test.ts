import rule from "../../../src/core/findings/rules/number-as-text";
import { cellOf, ruleTester } from "../../support/ruleTester";

ruleTester(rule, {
  valid: [
    { name: "numbers" },
    { name: "text that is no number", spec: { leaves: { "2.2": { self: "abc" } } } },
    { name: "a not-applicable mark", spec: { leaves: { "6.3": { self: "KĐG", evidence: null } } } },
    { name: "a number in a parent row is not a leaf's score", spec: { parentSelf: { "1": "10" } } },
  ],
  invalid: [
    { name: "a decimal comma", spec: { leaves: { "2.5": { self: "1,5" } } }, findings: [{ cell: cellOf("2.5", "self"), criterion: "2.5", params: { text: "1,5", value: 1.5, column: "self" } }] },
    { name: "a decimal point", spec: { leaves: { "2.5": { self: "1.5" } } }, findings: [{ cell: cellOf("2.5", "self"), criterion: "2.5", params: { text: "1.5", value: 1.5, column: "self" } }] },
    {
      name: "in an appraisal round",
      spec: { appraisalRounds: 1, leaves: { "2.5": { appraised: ["1"] } } },
      findings: [{ cell: cellOf("2.5", "appraised"), criterion: "2.5", params: { text: "1", value: 1, column: "appraised" } }],
    },
    {
      name: "in the penalty row",
      spec: { penalty: "0,5" as unknown as number },
      findings: [{ cell: cellOf("TR", "self"), params: { text: "0,5", value: 0.5, column: "self" } }],
    },
  ],
});
