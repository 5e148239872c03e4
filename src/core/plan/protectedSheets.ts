import { WorkbookRead, WritePlan } from "../port";

/** Sheets the plan would write to that are protected: a run that cannot finish writes nothing at all. */
export function protectedSheetsIn(wb: WorkbookRead, plan: WritePlan): string[] {
  const owned = new Set(plan.sheets.map((s) => s.name));
  const touched = new Set<string>([
    ...plan.ranges.map((r) => r.sheet),
    ...plan.styles.map((s) => s.sheet),
    ...plan.conditionalFormats.map((c) => c.sheet),
    ...plan.validations.map((v) => v.sheet),
  ]);
  return wb.sheets
    .filter((s) => s.protected && (touched.has(s.name) || owned.has(s.name)))
    .map((s) => s.name);
}
