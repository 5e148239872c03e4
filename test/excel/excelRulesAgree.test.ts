/**
 * Core's Excel rules (src/core/excelRules) and the fake Excel count the same way: a formula's length with its "="
 * (core's plans carry formulas without it), and a validation error message against Excel's 225 and an .xlsx's 224.
 * Where they differ, core must be the stricter: a plan core accepts is one the fake (as Excel) accepts.
 */
import { checkPlan } from "../../src/core/excelRules";
import * as limits from "../../src/core/excelRules/limits";
import { fittedFormula } from "../../src/core/plan/fittedFormula";
import { emptyPlan, WritePlan } from "../../src/core/port";
import { FakeContext, FakeSheet, FakeWorkbook, useRequirementSets, OfficeError } from "./fakeExcel";

useRequirementSets(17);

/** A formula of exactly `chars` characters with its "=": "=1+1+…". */
function formulaOf(chars: number): string {
  const body = "1" + "+1".repeat((chars - 2) / 2);
  return "=" + (body.length === chars - 1 ? body : body + "0");
}

async function fakeRefuses(act: (x: Excel.RequestContext) => void): Promise<boolean> {
  const book = new FakeWorkbook();
  book.sheets.push(new FakeSheet("S"));
  const x = new FakeContext(book).asExcel();
  act(x);
  return x.sync().then(
    () => false,
    (e: unknown) => {
      if (e instanceof OfficeError) return true;
      throw e;
    }
  );
}

const coreRefuses = (plan: Partial<WritePlan>) => checkPlan({ ...emptyPlan(), ...plan }).length > 0;

describe("formula length", () => {
  test.each([8191, 8192, 8193])(
    "%i characters with '=': core and the fake agree",
    async (chars) => {
      const f = formulaOf(chars);
      expect(f.length).toBe(chars);
      const refused = chars > 8192;
      const cell = coreRefuses({
        ranges: [{ sheet: "S", at: "A1", cells: [[{ formula: f.slice(1) }]] }],
      });
      const rule = coreRefuses({
        conditionalFormats: [
          { sheet: "S", key: "k", ranges: ["A1:A3"], formula: f.slice(1), style: {} },
        ],
      });
      const fakeCell = await fakeRefuses((x) => {
        x.workbook.worksheets.getItem("S").getRange("A1").formulas = [[f]];
      });
      const fakeRule = await fakeRefuses((x) => {
        const cf = x.workbook.worksheets
          .getItem("S")
          .getRange("A1:A3")
          .conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
        cf.custom.rule.formula = f;
      });
      expect({ cell, rule, fakeCell, fakeRule }).toEqual({
        cell: refused,
        rule: refused,
        fakeCell: refused,
        fakeRule: refused,
      });
    }
  );
});

describe("formula length is counted by one function", () => {
  test("core's rule, core's formula fitting and the fake (cells and rules) all call limits.formulaChars", async () => {
    const spy = jest.spyOn(limits, "formulaChars");
    try {
      const f = formulaOf(8193);
      const callers: Record<string, number> = {};
      const count = async (who: string, act: () => unknown) => {
        spy.mockClear();
        await act();
        callers[who] = spy.mock.calls.filter(([body]) => body === f.slice(1)).length;
      };
      await count("core rule", () =>
        coreRefuses({ ranges: [{ sheet: "S", at: "A1", cells: [[{ formula: f.slice(1) }]] }] })
      );
      await count("core fitting", () => {
        // Too long inline: it then asks for helper cells, which this test does not give (it throws).
        const noHelpers = () => {
          throw new Error("no helper cells here");
        };
        expect(() => fittedFormula(() => f.slice(1), "S", noHelpers)).toThrow("no helper cells");
      });
      await count("fake cell", () =>
        fakeRefuses((x) => {
          x.workbook.worksheets.getItem("S").getRange("A1").formulas = [[f]];
        })
      );
      await count("fake rule", () =>
        fakeRefuses((x) => {
          const cf = x.workbook.worksheets
            .getItem("S")
            .getRange("A1:A3")
            .conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
          cf.custom.rule.formula = f;
        })
      );
      for (const who of ["core rule", "core fitting", "fake cell", "fake rule"])
        expect([who, callers[who] > 0]).toEqual([who, true]);
    } finally {
      spy.mockRestore();
    }
  });
});

describe("validation error message", () => {
  const decimal = (error: string): Partial<WritePlan> => ({
    validations: [{ sheet: "S", ranges: ["B2"], kind: "decimal", min: 0, max: 1, error }],
  });
  const fakeWith = (error: string) =>
    fakeRefuses((x) => {
      x.workbook.worksheets.getItem("S").getRange("B2").dataValidation.errorAlert = {
        showAlert: true,
        style: "Stop" as Excel.DataValidationAlertStyle,
        title: "",
        message: error,
      };
    });

  test("224 passes both; 225 Excel keeps but core refuses (an .xlsx holds 224); 226 both refuse", async () => {
    const results = [];
    for (const n of [224, 225, 226])
      results.push([n, coreRefuses(decimal("e".repeat(n))), await fakeWith("e".repeat(n))]);
    expect(results).toEqual([
      [224, false, false],
      [225, true, false],
      [226, true, true],
    ]);
  });
});
