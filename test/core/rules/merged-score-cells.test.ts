import rule from "../../../src/core/findings/rules/merged-score-cells";
import { ruleTester } from "../../support/ruleTester";

const row = (code: string, s: { rowOf: Map<string, number> }) => s.rowOf.get(code)!;

ruleTester(rule, {
  valid: [
    { name: "no merges" },
    { name: "a two-row header's merges", spec: { twoRowHeader: true, appraisalRounds: 2 } },
    { name: "a merge that does not cross a score column", edit: (s) => (s.merges = [`A${row("2.2", s)}:B${row("2.2", s)}`]) },
    { name: "a merge down one score column (one cell wide)", edit: (s) => (s.merges = [`E${row("2.2", s)}:E${row("2.3", s)}`]) },
  ],
  invalid: [
    {
      name: "across the self and appraisal columns",
      spec: { appraisalRounds: 1 },
      edit: (s) => (s.merges = [`E${row("2.2", s)}:G${row("2.2", s)}`]),
      findings: [{ cell: (s) => `E${row("2.2", s)}`, params: (s) => ({ range: `E${row("2.2", s)}:G${row("2.2", s)}` }) }],
    },
    {
      name: "from the ratio into the self-score",
      edit: (s) => (s.merges = [`D${row("3.1", s)}:E${row("3.1", s)}`]),
      findings: [{ cell: (s) => `D${row("3.1", s)}`, params: (s) => ({ range: `D${row("3.1", s)}:E${row("3.1", s)}` }) }],
    },
    {
      name: "a block over several rows",
      edit: (s) => (s.merges = [`E${row("4.1", s)}:F${row("4.3", s)}`]),
      findings: [{ cell: (s) => `E${row("4.1", s)}`, params: (s) => ({ range: `E${row("4.1", s)}:F${row("4.3", s)}` }) }],
    },
    {
      name: "two merges",
      edit: (s) => (s.merges = [`E${row("1.2", s)}:F${row("1.2", s)}`, `E${row("7.1", s)}:F${row("7.1", s)}`]),
      findings: [
        { cell: (s) => `E${row("1.2", s)}`, params: (s) => ({ range: `E${row("1.2", s)}:F${row("1.2", s)}` }) },
        { cell: (s) => `E${row("7.1", s)}`, params: (s) => ({ range: `E${row("7.1", s)}:F${row("7.1", s)}` }) },
      ],
    },
  ],
});
