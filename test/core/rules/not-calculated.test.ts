import rule from "../../../src/core/findings/rules/not-calculated";
import { put, ruleTester } from "../../support/ruleTester";
import { BuiltSheet } from "../../support/workbookBuilder";

/** Gives `codes`' self-score cells a formula; with `blank`, the cell has no stored result either. */
const formulas = (codes: string[], blank: boolean) => (s: BuiltSheet) => {
  s.formulas = [];
  for (const code of codes) {
    const row = s.rowOf.get(code)! - 1;
    s.formulas[row] = [];
    s.formulas[row][s.columns.self - 1] = "1+1";
    if (blank) put(s, code, "self", null);
  }
};

ruleTester(rule, {
  valid: [
    { name: "no formulas", formulaResults: "stored" },
    { name: "formulas with stored results", formulaResults: "stored", edit: formulas(["2.2"], false) },
    { name: "a workbook that does not say how its results were stored", edit: formulas(["2.2"], true) },
    {
      name: "a formula in a subtotal is compared, not read",
      formulaResults: "stale",
      edit: (s) => {
        s.formulas = [];
        s.formulas[s.rowOf.get("1")! - 1] = [];
        s.formulas[s.rowOf.get("1")! - 1][s.columns.self - 1] = "SUM(E5:E10)";
      },
    },
  ],
  invalid: [
    { name: "a formula without a stored result", formulaResults: "stored", edit: formulas(["2.2"], true), findings: [{ params: (s) => ({ cells: [`Xã Thử!E${s.rowOf.get("2.2")}`], count: 1 }) }] },
    { name: "stale results: every read formula", formulaResults: "stale", edit: formulas(["2.2", "2.3"], false), findings: [{ params: (s) => ({ cells: [`Xã Thử!E${s.rowOf.get("2.2")}`, `Xã Thử!E${s.rowOf.get("2.3")}`], count: 2 }) }] },
    {
      name: "the first five cells and how many in all",
      formulaResults: "stale",
      edit: formulas(["1.2", "1.3", "1.4", "1.5", "2.1", "2.2"], false),
      findings: [{ params: (s) => ({ cells: ["1.2", "1.3", "1.4", "1.5", "2.1"].map((c) => `Xã Thử!E${s.rowOf.get(c)}`), count: 6 }) }],
    },
    {
      name: "an adjustment row's formula",
      formulaResults: "stored",
      spec: { bonus: 1 },
      edit: (s) => {
        s.formulas = [];
        s.formulas[s.rowOf.get("T")! - 1] = [];
        s.formulas[s.rowOf.get("T")! - 1][s.columns.self - 1] = "0.5*2";
        put(s, "T", "self", null);
      },
      findings: [{ params: (s) => ({ cells: [`Xã Thử!E${s.rowOf.get("T")}`], count: 1 }) }],
    },
  ],
});
