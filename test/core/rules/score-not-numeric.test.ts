import rule from "../../../src/core/findings/rules/score-not-numeric";
import { cellOf, ruleTester } from "../../support/ruleTester";

ruleTester(rule, {
  valid: [
    { name: "numbers" },
    { name: "a number stored as text", spec: { leaves: { "2.5": { self: "1,5" } } } },
    { name: "a not-applicable mark", spec: { leaves: { "6.3": { self: "N/A", evidence: null } } } },
    { name: "an error is formula-error's", spec: { leaves: { "2.2": { self: { error: "#N/A" } } } } },
  ],
  invalid: [
    { name: "text", spec: { leaves: { "2.2": { self: "abc" } } }, findings: [{ cell: cellOf("2.2", "self"), criterion: "2.2", params: { value: "abc", what: "text", column: "self" } }] },
    {
      name: "a date",
      spec: { leaves: { "2.2": { self: new Date(Date.UTC(2025, 4, 1)) } } },
      findings: [{ cell: cellOf("2.2", "self"), criterion: "2.2", params: { value: "2025-05-01", what: "date", column: "self" } }],
    },
    { name: "TRUE", spec: { leaves: { "2.2": { self: true } } }, findings: [{ cell: cellOf("2.2", "self"), criterion: "2.2", params: { value: "TRUE", what: "boolean", column: "self" } }] },
    {
      name: "text in an appraisal round",
      spec: { appraisalRounds: 1, leaves: { "2.2": { appraised: ["đạt"] } } },
      findings: [{ cell: cellOf("2.2", "appraised"), criterion: "2.2", params: { value: "đạt", what: "text", column: "appraised" } }],
    },
    {
      name: "text in an adjustment row names no criterion",
      spec: { bonus: "một" as unknown as number },
      findings: [{ cell: cellOf("T", "self"), params: { value: "một", what: "text", column: "self" } }],
    },
  ],
});
