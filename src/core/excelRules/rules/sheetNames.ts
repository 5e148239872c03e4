import { sheetNameKey, sheetNameProblem } from "../../owned/sheetNames";
import { ExcelRule, Violation } from "../rule";

export const sheetNames: ExcelRule = {
  meta: {
    id: "sheet-names",
    description:
      "Sheet names have 1–31 characters, none of []:*?/\\, no apostrophe first or last, are not \"History\", and are unique without regard to case among the plan's new sheets and the workbook's.",
    source:
      'Microsoft Support, "Rename a worksheet" (what sheet names cannot be); Excel compares them without case.',
  },
  check(plan, read) {
    const out: Violation[] = [];
    const existing = new Map((read?.sheets ?? []).map((s) => [sheetNameKey(s.name), s.name]));
    const seen = new Map<string, string>();
    for (const s of plan.sheets) {
      const bad = (message: string) => out.push({ rule: this.meta.id, sheet: s.name, message });
      const problem = sheetNameProblem(s.name);
      if (problem) bad(`the name ${problem}`);
      const key = sheetNameKey(s.name);
      const twin = seen.get(key);
      if (twin !== undefined) bad(`the plan makes "${twin}" too`);
      seen.set(key, s.name);
      // A sheet of the same name is rebuilt; one differing only in case (or Unicode form) is another sheet.
      const other = existing.get(key);
      if (other !== undefined && other !== s.name) bad(`the workbook has "${other}"`);
    }
    return out;
  },
};
