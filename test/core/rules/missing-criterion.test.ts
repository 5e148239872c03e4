import rule from "../../../src/core/findings/rules/missing-criterion";
import { SET } from "../../support/checkHelpers";
import { ruleTester } from "../../support/ruleTester";

const name = (code: string) => SET.byCode.get(code)!.name;

ruleTester(rule, {
  valid: [
    { name: "every node has its row" },
    { name: "codes stored as numbers", spec: { numericCodes: true } },
    { name: "fields numbered in Roman numerals", spec: { romanFields: true } },
    { name: "with appraisal rounds", spec: { appraisalRounds: 2 } },
  ],
  invalid: [
    { name: "a leaf without its row", spec: { omit: ["2.3"] }, findings: [{ criterion: "2.3", params: { name: name("2.3") } }] },
    {
      name: "a parent without its row",
      spec: { omit: ["3.2"] },
      findings: [{ criterion: "3.2", params: { name: name("3.2") } }],
    },
    {
      name: "each missing node once, in the set's order",
      spec: { omit: ["8.3", "1.2"] },
      findings: [
        { criterion: "1.2", params: { name: name("1.2") } },
        { criterion: "8.3", params: { name: name("8.3") } },
      ],
    },
    { name: "a field's row", spec: { omit: ["7"] }, findings: [{ criterion: "7", params: { name: name("7") } }] },
  ],
});
