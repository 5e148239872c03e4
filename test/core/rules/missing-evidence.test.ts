import rule from "../../../src/core/findings/rules/missing-evidence";
import { cellOf, ruleTester } from "../../support/ruleTester";

ruleTester(rule, {
  valid: [
    { name: "every scored leaf has evidence" },
    { name: "a zero score needs none", spec: { leaves: { "2.4": { self: 0, evidence: null } } } },
    { name: "survey leaves need none", spec: { appraisalRounds: 1 } },
    { name: "a not-applicable leaf needs none", spec: { leaves: { "6.3": { self: "KĐG", evidence: null } } } },
    { name: "no score at all", spec: { leaves: { "2.4": { self: null, evidence: null } } } },
  ],
  invalid: [
    { name: "a scored leaf without evidence", spec: { leaves: { "2.2": { evidence: null } } }, findings: [{ cell: cellOf("2.2", "evidence"), criterion: "2.2", params: { score: 1.5 } }] },
    { name: "blank evidence text", spec: { leaves: { "2.2": { evidence: "   " } } }, findings: [{ cell: cellOf("2.2", "evidence"), criterion: "2.2", params: { score: 1.5 } }] },
    {
      name: "the self-score is named before the appraised one",
      spec: { appraisalRounds: 1, leaves: { "1.2": { self: 1.5, appraised: [2], evidence: null, note: "x" } } },
      findings: [{ cell: cellOf("1.2", "evidence"), criterion: "1.2", params: { score: 1.5 } }],
    },
    {
      name: "only appraised: the appraised score",
      spec: { appraisalRounds: 1, leaves: { "1.2": { self: null, appraised: [1], evidence: null } } },
      findings: [{ cell: cellOf("1.2", "evidence"), criterion: "1.2", params: { score: 1 } }],
    },
  ],
});
