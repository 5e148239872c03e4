import rule from "../../../src/core/findings/rules/score-out-of-range";
import { cellOf, ruleTester } from "../../support/ruleTester";

ruleTester(rule, {
  valid: [
    { name: "scores within 0 and the max" },
    { name: "exactly the max", spec: { leaves: { "5.4": { self: 3 } } } },
    { name: "a penalty typed as a negative number within its max", spec: { penalty: -3 } },
    { name: "a bonus at its max", spec: { bonus: 2 } },
  ],
  invalid: [
    { name: "above the max", spec: { leaves: { "5.4": { self: 3.5 } } }, findings: [{ cell: cellOf("5.4", "self"), criterion: "5.4", params: { score: 3.5, max: 3, column: "self" } }] },
    { name: "below 0", spec: { leaves: { "4.3": { self: -1 } } }, findings: [{ cell: cellOf("4.3", "self"), criterion: "4.3", params: { score: -1, max: 2.5, column: "self" } }] },
    {
      name: "an appraised survey score above its max",
      spec: { appraisalRounds: 1, leaves: { "8.2": { appraised: [9] } } },
      findings: [{ cell: cellOf("8.2", "appraised"), criterion: "8.2", params: { score: 9, max: 8, column: "appraised" } }],
    },
    { name: "a bonus above its max names the adjustment", spec: { bonus: 2.5 }, findings: [{ cell: cellOf("T", "self"), criterion: "T", params: { score: 2.5, max: 2, column: "self" } }] },
    { name: "a negative bonus", spec: { bonus: -1 }, findings: [{ cell: cellOf("T", "self"), criterion: "T", params: { score: -1, max: 2, column: "self" } }] },
    { name: "a penalty beyond its max, whatever its sign", spec: { penalty: -4 }, findings: [{ cell: cellOf("TR", "self"), criterion: "TR", params: { score: -4, max: 3, column: "self" } }] },
  ],
});
