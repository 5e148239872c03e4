import { indexSet } from "../../../src/core/criteria/indexed";
import { CriteriaSet } from "../../../src/core/criteria/model";
import rule from "../../../src/core/findings/rules/ambiguous-code";
import { ruleTester } from "../../support/ruleTester";

/** Field 1 with ten binary leaves 1.1 … 1.10: 1.10 stored as a number is 1.1. */
const TEN = indexSet({
  format: "cchc-criteria/1",
  id: "t",
  title: "t",
  rounding: { decimals: 2, mode: "round" },
  threshold: 0.8,
  bands: [{ min: 0, label: "Yếu" }],
  nodes: [
    {
      code: "1",
      name: "Lĩnh vực",
      children: Array.from({ length: 10 }, (_, i) => ({ code: `1.${i + 1}`, name: `Tiêu chí ${i + 1}`, max: 1, rule: { kind: "binary" as const }, evidence: false })),
    },
  ],
  adjustments: [],
} as CriteriaSet);

const cell = (code: string) => (s: { rowOf: Map<string, number> }) => `A${s.rowOf.get(code)}`;

ruleTester(rule, {
  valid: [
    { name: "codes typed as text", set: TEN },
    { name: "numeric codes where no code has a trailing-zero twin", spec: { numericCodes: true } },
    { name: "the fixture set as text" },
    { name: "Roman fields, numeric codes elsewhere", spec: { numericCodes: true, romanFields: true } },
  ],
  invalid: [
    {
      name: "1.1 and 1.10 both stored as 1.1: resolved by their order",
      set: TEN,
      spec: { numericCodes: true },
      findings: [
        { cell: cell("1.1"), criterion: "1.1", params: { value: 1.1, candidates: ["1.1", "1.10"], chosen: "1.1" } },
        { cell: cell("1.10"), criterion: "1.10", params: { value: 1.1, candidates: ["1.1", "1.10"], chosen: "1.10" } },
      ],
    },
    {
      name: "a two-decimal number format says 1.10",
      set: TEN,
      spec: { numericCodes: true },
      edit: (s) => {
        s.numberFormats = [];
        s.numberFormats[s.rowOf.get("1.10")! - 1] = ["0.00"];
      },
      findings: [
        { cell: cell("1.1"), criterion: "1.1", params: { value: 1.1, candidates: ["1.1", "1.10"], chosen: "1.1" } },
        { cell: cell("1.10"), criterion: "1.10", params: { value: 1.1, candidates: ["1.1", "1.10"], chosen: "1.10" } },
      ],
    },
    {
      name: "only the numeric one is reported when 1.10 is typed as text",
      set: TEN,
      spec: { numericCodes: true },
      edit: (s) => {
        s.values[s.rowOf.get("1.10")! - 1][0] = "1.10";
      },
      findings: [{ cell: cell("1.1"), criterion: "1.1", params: { value: 1.1, candidates: ["1.1", "1.10"], chosen: "1.1" } }],
    },
    {
      name: "1.10 alone, stored as a number after 1.9, is read as 1.10",
      set: TEN,
      spec: { numericCodes: true },
      edit: (s) => {
        s.values[s.rowOf.get("1.1")! - 1][0] = "1.1";
      },
      findings: [{ cell: cell("1.10"), criterion: "1.10", params: { value: 1.1, candidates: ["1.1", "1.10"], chosen: "1.10" } }],
    },
  ],
});
