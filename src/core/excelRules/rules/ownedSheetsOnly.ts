import { markedSheet, ownedSheets } from "../../owned/ownedSheets";
import { sameDefinedName, sheetMarkerName } from "../../owned/names";
import { sameSheetName } from "../../owned/sheetNames";
import { ExcelRule, Violation } from "../rule";

/**
 * Not one of Excel's rules but the tool's own, checked in the same place: a sheet of a role is rebuilt only where
 * the workbook marks it as the tool's sheet of that role (else it must be new), a sheet the tool owns is never
 * rebuilt as anything else (a criteria sheet a person asked for is rebuilt without a role), no owned sheet is
 * written into without being rebuilt, and each owned sheet gets its marker. Needs the read the plan was made from.
 */
export const ownedSheetsOnly: ExcelRule = {
  meta: {
    id: "owned-sheets-only",
    description:
      "A sheet of a role is rebuilt only where the workbook marks it as the tool's of that role; the tool's sheets are never rebuilt as others; each owned sheet gets its marker.",
    source: "docs/writing-workbooks.md §1 (what the tool owns).",
  },
  check(plan, read) {
    if (!read) return [];
    const out: Violation[] = [];
    const owned = ownedSheets(read);
    const ownedNames = new Set(owned.values());
    const rebuilt = new Set(plan.sheets.map((s) => s.name));
    for (const s of plan.sheets) {
      const bad = (message: string) => out.push({ rule: this.meta.id, sheet: s.name, message });
      const existing = read.sheets.find((g) => sameSheetName(g.name, s.name));
      if (existing && s.role !== undefined && owned.get(s.role) !== existing.name)
        bad(`would rebuild "${existing.name}", which is not the tool's ${s.role} sheet`);
      if (existing && s.role === undefined && ownedNames.has(existing.name))
        bad(`would rebuild the tool's own "${existing.name}" as another sheet`);
      if (s.role !== undefined) {
        const marker = plan.names.find((n) => sameDefinedName(n.name, sheetMarkerName(s.role!)));
        if (!marker || markedSheet(marker.refersTo) !== s.name)
          bad(`no ${sheetMarkerName(s.role)} marker pointing at it`);
      }
    }
    const written = new Set([
      ...plan.ranges.map((r) => r.sheet),
      ...plan.styles.map((s) => s.sheet),
      ...plan.conditionalFormats.map((c) => c.sheet),
      ...plan.validations.map((v) => v.sheet),
    ]);
    for (const name of written)
      if (ownedNames.has(name) && !rebuilt.has(name))
        out.push({
          rule: this.meta.id,
          sheet: name,
          message: "writes into an owned sheet without rebuilding it",
        });
    return out;
  },
};
