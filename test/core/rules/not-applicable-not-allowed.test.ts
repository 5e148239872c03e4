import rule from "../../../src/core/findings/rules/not-applicable-not-allowed";
import { cellOf, ruleTester } from "../../support/ruleTester";

ruleTester(rule, {
  valid: [
    { name: "no marks" },
    { name: "a mark where the set allows it", spec: { leaves: { "6.3": { self: "KĐG", evidence: null } } } },
    { name: "another spelling where allowed", spec: { leaves: { "3.2.2": { self: "N/A", evidence: null } } } },
    { name: "an appraisers' mark where allowed", spec: { appraisalRounds: 1, leaves: { "6.3": { appraised: ["KĐG"] } } } },
  ],
  invalid: [
    { name: "a self-score mark", spec: { leaves: { "4.2": { self: "KĐG" } } }, findings: [{ cell: cellOf("4.2", "self"), criterion: "4.2", params: { text: "KĐG", column: "self" } }] },
    { name: "N/A", spec: { leaves: { "1.3": { self: "N/A" } } }, findings: [{ cell: cellOf("1.3", "self"), criterion: "1.3", params: { text: "N/A", column: "self" } }] },
    {
      name: "an appraisers' mark",
      spec: { appraisalRounds: 1, leaves: { "4.2": { appraised: ["Không đánh giá"] } } },
      findings: [{ cell: cellOf("4.2", "appraised"), criterion: "4.2", params: { text: "Không đánh giá", column: "appraised" } }],
    },
    {
      name: "self and appraised both",
      spec: { appraisalRounds: 1, leaves: { "4.2": { self: "KĐG", appraised: ["KĐG"] } } },
      findings: [
        { cell: cellOf("4.2", "self"), criterion: "4.2", params: { text: "KĐG", column: "self" } },
        { cell: cellOf("4.2", "appraised"), criterion: "4.2", params: { text: "KĐG", column: "appraised" } },
      ],
    },
  ],
});
