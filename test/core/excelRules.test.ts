import { ExcelRule, Violation } from "../../src/core/excelRules";
import { checkPlan, assertPlanFollowsExcel, EXCEL_RULES, ExcelRuleError } from "../../src/core/excelRules";
import { planFormulas } from "../../src/core/excelRules/planFormulas";
import { EXCEL_2007_FUNCTIONS } from "../../src/core/excelRules/excel2007Functions";
import { definedNames } from "../../src/core/excelRules/rules/definedNames";
import { excel2007FunctionsOnly } from "../../src/core/excelRules/rules/excel2007FunctionsOnly";
import { formulaLength } from "../../src/core/excelRules/rules/formulaLength";
import { ownedSheetsOnly } from "../../src/core/excelRules/rules/ownedSheetsOnly";
import { ruleFormulaOperands } from "../../src/core/excelRules/rules/ruleFormulaOperands";
import { sheetNames } from "../../src/core/excelRules/rules/sheetNames";
import { validationText } from "../../src/core/excelRules/rules/validationText";
import { emptyPlan, ValidationWrite, WorkbookRead, WritePlan } from "../../src/core/port";

/**
 * Each of Excel's rules as ESLint's RuleTester tests a rule: plans it must accept and plans it must refuse, with
 * the violations it must name.
 */

interface Case {
  name: string;
  plan: Partial<WritePlan>;
  read?: WorkbookRead;
}
interface Invalid extends Case {
  violations: Partial<Violation>[];
}

function ruleTester(rule: ExcelRule, cases: { valid: Case[]; invalid: Invalid[] }): void {
  describe(rule.meta.id, () => {
    test("says what it checks and where the rule comes from", () => {
      expect(rule.meta.description.length).toBeGreaterThan(20);
      expect(rule.meta.source.length).toBeGreaterThan(10);
      expect(EXCEL_RULES).toContain(rule);
    });
    test.each(cases.valid)("valid: $name", (c) => {
      const plan = { ...emptyPlan(), ...c.plan };
      expect(rule.check(plan, c.read, planFormulas(plan))).toEqual([]);
    });
    test.each(cases.invalid)("invalid: $name", (c) => {
      const plan = { ...emptyPlan(), ...c.plan };
      const got = rule.check(plan, c.read, planFormulas(plan));
      expect(got).toHaveLength(c.violations.length);
      got.forEach((v, i) => {
        expect(v).toMatchObject({ rule: rule.meta.id, ...c.violations[i] });
        expect(v.message.length).toBeGreaterThan(0);
      });
    });
  });
}

const cell = (sheet: string, at: string, formula: string) => ({ sheet, at, cells: [[{ formula }]] });
const cf = (formula: string, key = "k") => ({ sheet: "S", key, ranges: ["E5:E9"], formula, style: { fill: "#FFF0C2" } });
const list = (source: string, extra: Partial<ValidationWrite> = {}): ValidationWrite =>
  ({ sheet: "S", ranges: ["E5:E9"], kind: "list", values: [0, 1], source, ...extra }) as ValidationWrite;
const decimalWithMarks: ValidationWrite = { sheet: "S", ranges: ["E5:E9"], kind: "decimal", min: 0, max: 2, orText: ["KĐG"] };
const read = (...names: string[]): WorkbookRead => ({ sheets: names.map((name) => ({ name, values: [] })) });

ruleTester(formulaLength, {
  valid: [
    { name: "a formula of exactly 8,192 characters with its =", plan: { ranges: [cell("S", "E5", "1+" + "1".repeat(8189))] } },
    { name: "no formula at all", plan: { ranges: [{ sheet: "S", at: "A1", cells: [[{ value: "x".repeat(9000) }]] }] } },
  ],
  invalid: [
    { name: "a cell formula one character over", plan: { ranges: [cell("S", "E5", "1+" + "1".repeat(8190))] }, violations: [{ sheet: "S", at: "E5" }] },
    { name: "the cell of a block, by its address", plan: { ranges: [{ sheet: "S", at: "B2", cells: [[{ value: 1 }], [{ formula: "A".repeat(9000) }]] }] }, violations: [{ at: "B3" }] },
    { name: "a conditional format", plan: { conditionalFormats: [cf("1=" + "1".repeat(8200), "long")] }, violations: [{ sheet: "S", at: "long" }] },
    { name: "a name", plan: { names: [{ name: "_cchc.x", refersTo: "1+".repeat(4100) }] }, violations: [{ at: "_cchc.x" }] },
  ],
});

ruleTester(ruleFormulaOperands, {
  valid: [
    { name: "the marks by name in a conditional format", plan: { conditionalFormats: [cf("ISNUMBER(MATCH(TRIM($E5),_cchc.marks,0))")] } },
    { name: "a list from a name", plan: { validations: [list("_cchc.list.1")] } },
    { name: "a custom rule over the named marks", plan: { validations: [decimalWithMarks] } },
    { name: "an array constant in a cell formula (allowed there)", plan: { ranges: [cell("S", "A1", 'LOOKUP(75,{0,50},{"a","b"})')] } },
    { name: "commas between function arguments", plan: { conditionalFormats: [cf("AND(ISNUMBER($E5),$E5<0.8*$C5)")] } },
  ],
  invalid: [
    { name: "an array constant of marks in a conditional format (issue 9)", plan: { conditionalFormats: [cf('ISNUMBER(MATCH(TRIM($E5),{"KĐG","KDG"},0))', "marks")] }, violations: [{ sheet: "S", at: "marks" }] },
    { name: "an array constant in a list source", plan: { validations: [list('{"0","1"}')] }, violations: [{ at: "E5:E9" }] },
    { name: "a union in a conditional format", plan: { conditionalFormats: [cf("SUM(($E5,$F5))>1")] }, violations: [{}] },
    { name: "an intersection in a list source", plan: { validations: [list("A1:B5 B2:C9")] }, violations: [{}] },
  ],
});

ruleTester(excel2007FunctionsOnly, {
  valid: [
    { name: "the functions the plans use", plan: { ranges: [cell("S", "A1", "IFERROR(LOOKUP(1,$A$1:$A$3,$B$1:$B$3),\"\")+RANK(A1,A1:A3)+ROUND(TRUNC(1.5),0)+SUM(N(A1),MIN(1,MAX(0,ABS(-1))))+COUNT(A1)+IF(ISNUMBER(MATCH(TRIM(A1),_cchc.marks,0)),1,0)")] } },
    { name: "a later function with its _xlfn. prefix", plan: { ranges: [cell("S", "A1", "_xlfn.CONCAT(A1:A2)")] } },
    { name: "an Analysis ToolPak function, built in since 2007", plan: { conditionalFormats: [cf("ISEVEN(ROW())")] } },
  ],
  invalid: [
    { name: "IFS without its prefix (Excel 2019)", plan: { ranges: [cell("S", "C3", "IFS(A1>1,1,TRUE,0)")] }, violations: [{ sheet: "S", at: "C3" }] },
    { name: "NETWORKDAYS.INTL (Excel 2010) in a rule", plan: { conditionalFormats: [cf("NETWORKDAYS.INTL(A1,B1)>5")] }, violations: [{ at: "k" }] },
    { name: "each unknown function once per formula", plan: { ranges: [cell("S", "A1", "XLOOKUP(1,A:A,B:B)+XLOOKUP(2,A:A,B:B)+MAXIFS(A:A,B:B,1)")] }, violations: [{}, {}] },
  ],
});

ruleTester(validationText, {
  valid: [
    { name: "a list by name with messages at their caps", plan: { validations: [list("_cchc.list.1", { prompt: "p".repeat(255), error: "e".repeat(224) })] } },
    { name: "an inline list of 255 characters", plan: { validations: [list(`"${"1,".repeat(127)}1"`)] } },
  ],
  invalid: [
    // Excel itself keeps 225 (MS-XLS 2.5.37), but Office writes at most 224 into an .xlsx (MS-OI29500 2.1.613).
    { name: "an error message of 225 characters", plan: { validations: [list("_cchc.list.1", { error: "e".repeat(225) })] }, violations: [{ sheet: "S", at: "E5:E9" }] },
    { name: "a prompt of 256 characters", plan: { validations: [{ ...decimalWithMarks, prompt: "p".repeat(256) }] }, violations: [{}] },
    { name: "an inline list of 257 characters", plan: { validations: [list(`"${"1,".repeat(128)}1"`)] }, violations: [{}] },
  ],
});

ruleTester(sheetNames, {
  valid: [
    { name: "a new sheet of 31 characters", plan: { sheets: [{ name: "x".repeat(31), owned: true }] } },
    { name: "an apostrophe inside", plan: { sheets: [{ name: "Ea H'leo", owned: true }] } },
    { name: "rebuilding a sheet of the same name", plan: { sheets: [{ name: "Tổng hợp", role: "summary", owned: true }] }, read: read("Tổng hợp") },
    { name: "a free name beside a person's", plan: { sheets: [{ name: "Tổng hợp (2)", role: "summary", owned: true }] }, read: read("TỔNG HỢP") },
  ],
  invalid: [
    { name: "empty", plan: { sheets: [{ name: "", owned: true }] }, violations: [{ sheet: "" }] },
    { name: "32 characters", plan: { sheets: [{ name: "x".repeat(32), owned: true }] }, violations: [{}] },
    ...["[", "]", ":", "*", "?", "/", "\\"].map((ch) => ({ name: `holds ${ch}`, plan: { sheets: [{ name: `a${ch}b`, owned: true as const }] }, violations: [{}] })),
    { name: "a leading apostrophe", plan: { sheets: [{ name: "'x", owned: true }] }, violations: [{}] },
    { name: "a trailing apostrophe", plan: { sheets: [{ name: "x'", owned: true }] }, violations: [{}] },
    { name: "History, in any case", plan: { sheets: [{ name: "history", owned: true }] }, violations: [{}] },
    { name: "two new sheets differing only in case", plan: { sheets: [{ name: "Xã A", owned: true }, { name: "XÃ A", owned: true }] }, violations: [{ sheet: "XÃ A" }] },
    { name: "the same name as a person's in another case (Excel refuses it)", plan: { sheets: [{ name: "Tổng hợp", role: "summary", owned: true }] }, read: read("TỔNG HỢP"), violations: [{ sheet: "Tổng hợp" }] },
    { name: "the same name as a person's in another Unicode form", plan: { sheets: [{ name: "Tổng hợp", role: "summary", owned: true }] }, read: read("Tổng hợp".normalize("NFD")), violations: [{}] },
  ],
});

ruleTester(definedNames, {
  valid: [
    { name: "markers, marks and lists", plan: { names: [{ name: "_cchc.sheet.summary", refersTo: "'Tổng hợp'!$A$1" }, { name: "_cchc.marks", refersTo: "cchc_du_lieu!$A$2:$A$8" }, { name: "_cchc.list.12", refersTo: "cchc_du_lieu!$B$2:$B$4" }, { name: "_cchc.undo.3", refersTo: "'Xã A'!$A$1" }] } },
  ],
  invalid: [
    { name: "without our prefix", plan: { names: [{ name: "CotDiem", refersTo: "A1" }] }, violations: [{ at: "CotDiem" }] },
    { name: "a space or a Vietnamese letter after the prefix", plan: { names: [{ name: "_cchc.tổng hợp", refersTo: "A1" }] }, violations: [{}] },
    { name: "set twice, in two cases", plan: { names: [{ name: "_cchc.marks", refersTo: "A1" }, { name: "_CCHC.MARKS", refersTo: "A2" }] }, violations: [{ at: "_CCHC.MARKS" }] },
    { name: "longer than 255 characters", plan: { names: [{ name: "_cchc." + "x".repeat(250), refersTo: "A1" }] }, violations: [{}] },
  ],
});

ruleTester(ownedSheetsOnly, {
  valid: [
    { name: "a new summary with its marker", plan: { sheets: [{ name: "Tổng hợp", role: "summary", owned: true }], names: [{ name: "_cchc.sheet.summary", refersTo: "'Tổng hợp'!$A$1" }] }, read: read("Xã A") },
    {
      name: "rebuilding the marked summary under the name it has now",
      plan: { sheets: [{ name: "Báo cáo", role: "summary", owned: true }], names: [{ name: "_cchc.sheet.summary", refersTo: "'Báo cáo'!$A$1" }], ranges: [cell("Báo cáo", "A1", "1")] },
      read: { ...read("Báo cáo"), names: [{ name: "_cchc.sheet.summary", refersTo: "'Báo cáo'!$A$1" }] },
    },
    { name: "a criteria sheet a person asked to rewrite", plan: { sheets: [{ name: "Bộ tiêu chí", owned: true }] }, read: read("Bộ tiêu chí") },
    { name: "without the read nothing is known", plan: { sheets: [{ name: "Tổng hợp", role: "summary", owned: true }] } },
  ],
  invalid: [
    { name: "rebuilding a person's 'Tổng hợp' as the summary", plan: { sheets: [{ name: "Tổng hợp", role: "summary", owned: true }], names: [{ name: "_cchc.sheet.summary", refersTo: "'Tổng hợp'!$A$1" }] }, read: read("Tổng hợp"), violations: [{ sheet: "Tổng hợp" }] },
    { name: "an owned sheet without its marker", plan: { sheets: [{ name: "cchc_du_lieu", role: "data", owned: true }] }, read: read(), violations: [{ sheet: "cchc_du_lieu" }] },
    {
      name: "writing into the undo sheet",
      plan: { ranges: [cell("cchc_hoan_tac", "A1", "1")] },
      read: { sheets: [{ name: "cchc_hoan_tac", values: [], visibility: "veryHidden" }] },
      violations: [{ sheet: "cchc_hoan_tac" }],
    },
    {
      name: "rebuilding the data sheet as a person's sheet",
      plan: { sheets: [{ name: "cchc_du_lieu", owned: true }] },
      read: { ...read("cchc_du_lieu"), names: [{ name: "_cchc.sheet.data", refersTo: "cchc_du_lieu!$A$1" }] },
      violations: [{}],
    },
  ],
});

describe("checkPlan and assertPlanFollowsExcel", () => {
  test("every rule runs; a clean plan passes", () => {
    expect(checkPlan(emptyPlan())).toEqual([]);
    expect(() => assertPlanFollowsExcel(emptyPlan())).not.toThrow();
  });

  test("a plan breaking several rules throws one error listing each violation with its rule, sheet and place", () => {
    const plan: WritePlan = { ...emptyPlan(), sheets: [{ name: "a/b", owned: true }], conditionalFormats: [cf('MATCH(A1,{"x"},0)', "r1")], ranges: [cell("S", "D4", "IFS(1,2)")] };
    expect(checkPlan(plan).map((v) => v.rule).sort()).toEqual(["excel-2007-functions", "rule-formula-operands", "sheet-names"]);
    let error: unknown;
    try {
      assertPlanFollowsExcel(plan);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExcelRuleError);
    expect((error as ExcelRuleError).violations).toHaveLength(3);
    expect((error as Error).message).toMatch(/rule-formula-operands \[S\] r1: conditionalFormat formula holds an array constant/);
    expect((error as Error).message).toMatch(/excel-2007-functions \[S\] D4: IFS/);
  });

  test("the function list holds Excel 2007's functions and none added later", () => {
    expect(EXCEL_2007_FUNCTIONS.size).toBe(352);
    for (const fn of ["SUM", "IFERROR", "SUMIFS", "CUBEVALUE", "NETWORKDAYS", "EDATE", "BAHTTEXT", "RANK"]) expect(EXCEL_2007_FUNCTIONS.has(fn)).toBe(true);
    for (const fn of ["IFS", "XLOOKUP", "CONCAT", "AGGREGATE", "RANK.EQ", "NETWORKDAYS.INTL", "ISO.CEILING", "LET", "FILTER"]) expect(EXCEL_2007_FUNCTIONS.has(fn)).toBe(false);
  });
});
