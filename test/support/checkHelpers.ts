import { checkWorkbook, WorkbookCheck } from "../../src/core/check/checkWorkbook";
import { IndexedSet } from "../../src/core/criteria/indexed";
import { Finding, RuleName } from "../../src/core/findings/finding";
import { SheetGrid } from "../../src/core/port";
import { fixtureSet } from "./sample";
import { unitSheet, UnitSpec } from "./workbookBuilder";

export const SET: IndexedSet = fixtureSet();

export function checkSheets(sheets: SheetGrid[], set: IndexedSet = SET): WorkbookCheck {
  return checkWorkbook(set, { sheets }, "t.xlsx");
}

export function checkSpec(spec: Partial<UnitSpec>, set: IndexedSet = SET): WorkbookCheck {
  return checkSheets([unitSheet(set, { sheet: "Xã Thử", ...spec })], set);
}

export function rules(findings: Finding[]): RuleName[] {
  return findings.map((f) => f.rule);
}

export function only(findings: Finding[], rule: RuleName): Finding[] {
  return findings.filter((f) => f.rule === rule);
}
