import { checkWorkbook } from "../../src/core/check/checkWorkbook";
import { runRules } from "../../src/core/check/checkUnit";
import { IndexedSet } from "../../src/core/criteria/indexed";
import { readUnitFacts } from "../../src/core/facts/unitFacts";
import { Rule } from "../../src/core/findings/createRule";
import { compareFindings, Finding } from "../../src/core/findings/finding";
import { findingMessage } from "../../src/core/findings/messages";
import { CellValue, SheetGrid, WorkbookRead } from "../../src/core/port";
import { leafAverages, weakCriterionFindings } from "../../src/core/scoring/leafAverages";
import { findLayout } from "../../src/core/sheet/layout";
import { readUnitSheet } from "../../src/core/sheet/unitSheet";
import { SET } from "./checkHelpers";
import { BuiltSheet, unitSheet, UnitSpec } from "./workbookBuilder";

/** One sheet (or a run of sheets) to check: a unit sheet from the builder, then edited; or sheets as given. */
export interface RuleCase {
  name: string;
  set?: IndexedSet;
  spec?: Partial<UnitSpec>;
  /** Changes to the built sheet (put() below sets one cell). */
  edit?: (s: BuiltSheet) => void;
  /** Instead of one built sheet: all the sheets of a workbook (several units make a run for weak-criterion). */
  sheets?: (set: IndexedSet) => SheetGrid[];
  formulaResults?: WorkbookRead["formulaResults"];
}

/** A finding the case must give: where (the cell from the built sheet when a function) and its params. */
export interface ExpectedFinding {
  cell?: string | ((s: BuiltSheet) => string);
  criterion?: string;
  sheet?: string;
  params: Record<string, unknown> | ((s: BuiltSheet) => Record<string, unknown>);
}

export interface InvalidCase extends RuleCase {
  findings: ExpectedFinding[];
}

/**
 * ESLint's RuleTester over the sheet builder: each `valid` case gives no finding of the rule, each `invalid` case
 * gives exactly the findings it lists (in report order: row, then cell), with their cell, criterion and params.
 * The whole check runs (so a rule is tested as the report sees it); a rule over unit facts must also give the same
 * findings run alone over the facts, so the finding is its module's and no other code's.
 */
export function ruleTester(
  rule: Rule,
  cases: { valid: RuleCase[]; invalid: InvalidCase[] }
): void {
  describe(rule.id, () => {
    test.each(cases.valid.map((c) => [c.name, c] as const))("valid: %s", (_name, c) => {
      expect(findingsOf(rule, c).findings).toEqual([]);
    });
    test.each(cases.invalid.map((c) => [c.name, c] as const))("invalid: %s", (_name, c) => {
      const { findings, built } = findingsOf(rule, c);
      const shown = findings.map((f) => ({
        ...(f.sheet !== undefined && c.findings.some((e) => e.sheet) ? { sheet: f.sheet } : {}),
        ...(f.cell !== undefined ? { cell: f.cell } : {}),
        ...(f.criterion !== undefined ? { criterion: f.criterion } : {}),
        params: f.params,
      }));
      const expected = c.findings.map((e) => ({
        ...(e.sheet !== undefined ? { sheet: e.sheet } : {}),
        ...(e.cell !== undefined ? { cell: typeof e.cell === "string" ? e.cell : e.cell(built!) } : {}),
        ...(e.criterion !== undefined ? { criterion: e.criterion } : {}),
        params: typeof e.params === "function" ? e.params(built!) : e.params,
      }));
      expect(shown).toEqual(expected);
      for (const f of findings) {
        expect(f.severity).toBe(rule.severity);
        for (const lang of ["vi", "en"] as const)
          expect(findingMessage(f, lang)).not.toMatch(/undefined|NaN|\[object/);
      }
    });
  });
}

function findingsOf(rule: Rule, c: RuleCase): { findings: Finding[]; built?: BuiltSheet } {
  const set = c.set ?? SET;
  let built: BuiltSheet | undefined;
  let sheets: SheetGrid[];
  if (c.sheets) sheets = c.sheets(set);
  else {
    built = unitSheet(set, { sheet: "Xã Thử", ...c.spec });
    c.edit?.(built);
    sheets = [built];
  }
  const wb: WorkbookRead = { sheets, ...(c.formulaResults ? { formulaResults: c.formulaResults } : {}) };
  const checked = checkWorkbook(set, wb, "t.xlsx");
  const run = weakCriterionFindings(leafAverages(set, checked.units.map((u) => u.check.values)));
  const findings = [...checked.findings, ...run].filter((f) => f.rule === rule.id).sort(compareFindings);
  if (rule.check) {
    const alone = sheets.flatMap((grid) => {
      const layout = findLayout(grid);
      if (layout.kind !== "scoring") return [];
      return runRules(readUnitFacts(set, readUnitSheet(grid, layout.layout, set.adjustments)), [rule]);
    });
    expect(alone.sort(compareFindings)).toEqual(findings.map((f) => ({ ...f, file: undefined })));
  }
  return { findings, built };
}

/** Sets the cell of `row` (a node code, "TOTAL" or an adjustment code) in builder column `column` (self, max …). */
export function put(s: BuiltSheet, row: string, column: string, value: CellValue): void {
  const r = s.rowOf.get(row);
  const col = s.columns[column];
  if (r === undefined || col === undefined) throw new Error(`no cell ${row}/${column}`);
  const line = s.values[r - 1];
  while (line.length < col) line.push(null);
  line[col - 1] = value;
}

/** The A1 address of `row`'s cell in builder column `column`. */
export function cellOf(row: string, column: string): (s: BuiltSheet) => string {
  return (s) => `${String.fromCharCode(64 + s.columns[column])}${s.rowOf.get(row)}`;
}
