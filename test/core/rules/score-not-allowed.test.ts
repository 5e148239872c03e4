import rule from "../../../src/core/findings/rules/score-not-allowed";
import { SET } from "../../support/checkHelpers";
import { cellOf, ruleTester } from "../../support/ruleTester";

const allowed = (code: string) => SET.byCode.get(code)!.allowed;

ruleTester(rule, {
  valid: [
    { name: "every leaf at its max" },
    { name: "binary with a late value allows it", spec: { leaves: { "1.1.1": { self: 0.5 } } } },
    { name: "a deduction on its step", spec: { leaves: { "1.2": { self: 1.5 } } } },
    { name: "a tier value", spec: { leaves: { "1.1.2": { self: 1.25 } } } },
    { name: "out of range is score-out-of-range's", spec: { leaves: { "5.4": { self: 3.5 } } } },
  ],
  invalid: [
    { name: "binary given half", spec: { leaves: { "1.3": { self: 0.75 } } }, findings: [{ cell: cellOf("1.3", "self"), criterion: "1.3", params: { score: 0.75, column: "self", allowed: allowed("1.3") } }] },
    { name: "a tier value that does not exist", spec: { leaves: { "1.1.2": { self: 2 } } }, findings: [{ cell: cellOf("1.1.2", "self"), criterion: "1.1.2", params: { score: 2, column: "self", allowed: allowed("1.1.2") } }] },
    { name: "an off-step deduction", spec: { leaves: { "1.2": { self: 1.75 } } }, findings: [{ cell: cellOf("1.2", "self"), criterion: "1.2", params: { score: 1.75, column: "self", allowed: allowed("1.2") } }] },
    {
      name: "an off-step manual score in an appraisal round gives its step",
      spec: { appraisalRounds: 1, leaves: { "8.1": { appraised: [12.345] } } },
      findings: [{ cell: cellOf("8.1", "appraised"), criterion: "8.1", params: { score: 12.345, column: "appraised", step: 0.01 } }],
    },
  ],
});
