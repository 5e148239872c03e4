import rule from "../../../src/core/findings/rules/unknown-criterion";
import { ruleTester } from "../../support/ruleTester";
import { BuiltSheet } from "../../support/workbookBuilder";

const last = (s: BuiltSheet) => `A${s.values.length}`;

ruleTester(rule, {
  valid: [
    { name: "every code is in the set" },
    { name: "Roman field numbers", spec: { romanFields: true } },
    { name: "codes stored as numbers", spec: { numericCodes: true } },
    { name: "the adjustment rows' codes", spec: { bonus: 1, penalty: 1 } },
  ],
  invalid: [
    {
      name: "a code the set lacks among the criteria",
      edit: (s) => s.values.splice(s.rowOf.get("1.3")! - 1, 0, ["1.9", "Tự thêm", 1, null, 1, "bc"]),
      findings: [{ cell: (s) => `A${s.rowOf.get("1.3")}`, params: { code: "1.9" } }],
    },
    {
      name: "a stray row below the criteria",
      edit: (s) => s.values.push(["9.9", "Tự thêm", 1, null, 1, "bc"]),
      findings: [{ cell: last, params: { code: "9.9" } }],
    },
    {
      name: "a code stored as a number the set lacks",
      edit: (s) => s.values.splice(s.rowOf.get("1.3")! - 1, 0, [1.7, "Tự thêm", 1, null, 1, "bc"]),
      findings: [{ cell: (s) => `A${s.rowOf.get("1.3")}`, params: { code: "1.7" } }],
    },
    {
      name: "two unknown codes",
      edit: (s) => {
        s.values.splice(s.rowOf.get("1.3")! - 1, 0, ["1.9", "a", 1, null, 1, "bc"]);
        s.values.push(["9.9", "b", 1, null, 1, "bc"]);
      },
      findings: [
        { cell: (s) => `A${s.rowOf.get("1.3")}`, params: { code: "1.9" } },
        { cell: last, params: { code: "9.9" } },
      ],
    },
  ],
});
