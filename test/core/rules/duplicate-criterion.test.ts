import rule from "../../../src/core/findings/rules/duplicate-criterion";
import { ruleTester } from "../../support/ruleTester";

const at = (code: string) => (s: { rowOf: Map<string, number> }) => `A${s.rowOf.get(code)}`;

ruleTester(rule, {
  valid: [
    { name: "each code once" },
    { name: "codes stored as numbers, each once", spec: { numericCodes: true } },
    { name: "the adjustment rows after the criteria", spec: { bonus: 1, penalty: 1 } },
    { name: "Roman field numbers", spec: { romanFields: true } },
  ],
  invalid: [
    {
      name: "a leaf's code again at the end",
      edit: (s) => s.values.push(["1.2", "lặp", 2, null, 2, "bc"]),
      findings: [{ cell: (s) => `A${s.values.length}`, criterion: "1.2", params: (s) => ({ firstCell: at("1.2")(s) }) }],
    },
    {
      name: "a field's code again",
      edit: (s) => s.values.push(["2", "lặp", null, null, null, null]),
      findings: [{ cell: (s) => `A${s.values.length}`, criterion: "2", params: (s) => ({ firstCell: at("2")(s) }) }],
    },
    {
      name: "the same code typed as a number and as text",
      spec: { numericCodes: true },
      edit: (s) => s.values.push(["4.1", "lặp", 1.5, null, 1.5, "bc"]),
      findings: [{ cell: (s) => `A${s.values.length}`, criterion: "4.1", params: (s) => ({ firstCell: at("4.1")(s) }) }],
    },
    {
      name: "a code three times gives two findings, both naming the first",
      edit: (s) => s.values.push(["1.3", "lặp", 1.5, null, 1.5, "bc"], ["1.3", "lặp", 1.5, null, 1.5, "bc"]),
      findings: [
        { cell: (s) => `A${s.values.length - 1}`, criterion: "1.3", params: (s) => ({ firstCell: at("1.3")(s) }) },
        { cell: (s) => `A${s.values.length}`, criterion: "1.3", params: (s) => ({ firstCell: at("1.3")(s) }) },
      ],
    },
  ],
});
