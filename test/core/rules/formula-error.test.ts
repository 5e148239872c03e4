import rule from "../../../src/core/findings/rules/formula-error";
import { cellOf, put, ruleTester } from "../../support/ruleTester";

ruleTester(rule, {
  valid: [
    { name: "no errors" },
    { name: "text that is no error", spec: { leaves: { "2.2": { self: "REF" } } } },
    { name: "an error in the evidence column is not read as a score", spec: { leaves: { "2.2": { evidence: { error: "#N/A" } } } } },
    { name: "an error in a note", spec: { appraisalRounds: 1, leaves: { "2.2": { note: { error: "#VALUE!" } } } } },
  ],
  invalid: [
    { name: "a leaf's self-score", spec: { leaves: { "2.2": { self: { error: "#REF!" } } } }, findings: [{ cell: cellOf("2.2", "self"), criterion: "2.2", params: { error: "#REF!", column: "self" } }] },
    { name: "an error typed as text", spec: { leaves: { "2.2": { self: "#div/0!" } } }, findings: [{ cell: cellOf("2.2", "self"), criterion: "2.2", params: { error: "#DIV/0!", column: "self" } }] },
    { name: "a max", edit: (s) => put(s, "2.2", "max", { error: "#NAME?" }), findings: [{ cell: cellOf("2.2", "max"), criterion: "2.2", params: { error: "#NAME?", column: "max" } }] },
    { name: "a subtotal", spec: { parentSelf: { "3": { error: "#DIV/0!" } } }, findings: [{ cell: cellOf("3", "self"), criterion: "3", params: { error: "#DIV/0!", column: "self" } }] },
    { name: "the total row names no criterion", edit: (s) => put(s, "TOTAL", "self", { error: "#VALUE!" }), findings: [{ cell: cellOf("TOTAL", "self"), params: { error: "#VALUE!", column: "total" } }] },
    {
      name: "an appraisal round and an adjustment row",
      spec: { appraisalRounds: 1, leaves: { "2.2": { appraised: [{ error: "#N/A" }] } } },
      edit: (s) => put(s, "T", "appraised", { error: "#REF!" }),
      findings: [
        { cell: cellOf("2.2", "appraised"), criterion: "2.2", params: { error: "#N/A", column: "appraised" } },
        { cell: cellOf("T", "appraised"), params: { error: "#REF!", column: "appraised" } },
      ],
    },
  ],
});
