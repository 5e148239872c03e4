import type { DataValidation } from "exceljs";
import { SavedValidation } from "../../src/core/snapshot/snapshot";
import { savedValidationOf, validationOfSaved } from "../../src/xlsx/validationCodec";

describe("data validations between ExcelJS and the snapshot's Office.js shape", () => {
  const cases: [string, DataValidation][] = [
    ["a literal list", { type: "list", allowBlank: true, formulae: ['"Có,Không"'] }],
    ["a list with a quote in it", { type: "list", allowBlank: false, formulae: ['"a ""b"",c"'] }],
    ["a list from a range", { type: "list", allowBlank: true, formulae: ["$K$1:$K$4"] }],
    [
      "a decimal between, with prompt and alert",
      {
        type: "decimal",
        operator: "between",
        allowBlank: true,
        formulae: [0, 2.5],
        showInputMessage: true,
        promptTitle: "Điểm",
        prompt: "0–2,5",
        showErrorMessage: true,
        errorStyle: "warning",
        errorTitle: "Sai",
        error: "Ngoài khoảng",
      },
    ],
    [
      "a whole number at least",
      { type: "whole", operator: "greaterThanOrEqual", allowBlank: true, formulae: [1] },
    ],
    [
      "a custom formula",
      { type: "custom", allowBlank: true, formulae: ['OR(ISNUMBER(E7),E7="KĐG")'] },
    ],
    [
      "a text length",
      { type: "textLength", operator: "lessThan", allowBlank: true, formulae: [255] },
    ],
  ];
  it.each(cases)("%s comes back the same", (_, dv) => {
    expect(validationOfSaved(savedValidationOf(dv)!)).toEqual(dv);
  });

  it("a date bound keeps its day", () => {
    const dv: DataValidation = {
      type: "date",
      operator: "lessThanOrEqual",
      allowBlank: true,
      formulae: [new Date(Date.UTC(2025, 11, 31))],
    };
    const saved = savedValidationOf(dv)!;
    expect(saved.rule.date?.formula1).toBe(46022);
    expect(validationOfSaved(saved)).toEqual(dv);
  });

  it("reads what the add-in saves (Office.js's DataValidation as JSON)", () => {
    const fromExcel: SavedValidation = {
      rule: { decimal: { formula1: 0, formula2: 2, operator: "Between" } },
      ignoreBlanks: true,
      prompt: { showPrompt: true, title: "", message: "Điểm 0–2" },
      errorAlert: { showAlert: true, style: "Stop", title: "", message: "Sai" },
    };
    expect(validationOfSaved(fromExcel)).toEqual({
      type: "decimal",
      operator: "between",
      formulae: [0, 2],
      allowBlank: true,
      showInputMessage: true,
      promptTitle: "",
      prompt: "Điểm 0–2",
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "",
      error: "Sai",
    });
    expect(
      validationOfSaved({ rule: { list: { inCellDropDown: true, source: "=$A$1:$A$3" } } }).formulae
    ).toEqual(["$A$1:$A$3"]);
    expect(validationOfSaved({ rule: { custom: { formula: "=E7>0" } } }).formulae).toEqual([
      "E7>0",
    ]);
  });

  it("no validation is none", () => {
    expect(savedValidationOf(undefined)).toBeUndefined();
  });
});
