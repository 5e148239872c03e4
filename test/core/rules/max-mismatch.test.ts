import rule from "../../../src/core/findings/rules/max-mismatch";
import { cellOf, put, ruleTester } from "../../support/ruleTester";

ruleTester(rule, {
  valid: [
    { name: "every max as the set gives it" },
    { name: "a max typed with more digits than the set (1.5000001)", edit: (s) => put(s, "2.2", "max", 1.5000001) },
    { name: "an empty max cell", edit: (s) => put(s, "2.2", "max", null) },
    { name: "a max showing an error is formula-error's", edit: (s) => put(s, "2.2", "max", { error: "#REF!" }) },
    { name: "text in a max cell is not compared", edit: (s) => put(s, "2.2", "max", "hai") },
  ],
  invalid: [
    { name: "a leaf's max", edit: (s) => put(s, "2.1", "max", 3), findings: [{ cell: cellOf("2.1", "max"), criterion: "2.1", params: { sheetMax: 3, setMax: 2 } }] },
    { name: "a field's max", edit: (s) => put(s, "5", "max", 10), findings: [{ cell: cellOf("5", "max"), criterion: "5", params: { sheetMax: 10, setMax: 9 } }] },
    { name: "off by a hundredth", edit: (s) => put(s, "1.2", "max", 2.01), findings: [{ cell: cellOf("1.2", "max"), criterion: "1.2", params: { sheetMax: 2.01, setMax: 2 } }] },
    {
      name: "two rows",
      edit: (s) => {
        put(s, "1.2", "max", 1);
        put(s, "8.1", "max", 10);
      },
      findings: [
        { cell: cellOf("1.2", "max"), criterion: "1.2", params: { sheetMax: 1, setMax: 2 } },
        { cell: cellOf("8.1", "max"), criterion: "8.1", params: { sheetMax: 10, setMax: 15 } },
      ],
    },
  ],
});
