import { ruleFormulaKey } from "../core/plan/ruleFormula";
import { ConditionalFormatWrite } from "../core/port";
import { SavedConditionalFormat } from "../core/snapshot/snapshot";
import { ExcelSheetGrid, ExistingConditionalFormat } from "./excelRead";
import { opBytes, WriteOp } from "./writeBatches";

/** The existing rules a run replaces: on each sheet the plan formats, those with one of the plan's formulas. */
export function conditionalFormatsReplaced(
  writes: ConditionalFormatWrite[],
  sheets: ExcelSheetGrid[]
): { sheet: string; existing: ExistingConditionalFormat }[] {
  const ours = new Map<string, Set<string>>();
  for (const w of writes)
    ours.set(w.sheet, (ours.get(w.sheet) ?? new Set()).add(ruleFormulaKey(w.formula)));
  return sheets.flatMap((s) => {
    const formulas = ours.get(s.name);
    return formulas
      ? s.conditionalFormats
          .filter((cf) => formulas.has(ruleFormulaKey(cf.formula)))
          .map((existing) => ({ sheet: s.name, existing }))
      : [];
  });
}

/**
 * Deletes rules of one sheet by the ids read just before. An id is the rule's priority, its position in the
 * sheet's list (Excel.ConditionalFormat.id), and every delete moves the rules below it up one: so they go
 * from the highest position down, each delete leaving the positions above it as read. All deletes come
 * before any add, since add puts the new rule at the top and moves every id.
 */
export function deleteConditionalFormatsOps(sheet: string, ids: string[]): WriteOp[] {
  const position = (id: string) => (/^\d+$/.test(id) ? Number(id) : Number.NaN);
  const ordered = ids.every((id) => !Number.isNaN(position(id)))
    ? [...ids].sort((a, b) => position(b) - position(a))
    : [...ids].reverse(); // read in priority order: the last read is the lowest
  return ordered.map((id) => ({
    bytes: opBytes(5, sheet, id),
    queue: (batch) => batch.sheet(sheet).getRange().conditionalFormats.getItem(id).delete(),
  }));
}

/** One custom rule over all its areas at once (RangeAreas, ExcelApi 1.9). */
export function addConditionalFormatOp(cf: SavedConditionalFormat): WriteOp {
  return {
    bytes: opBytes(8, cf),
    queue: (batch) => {
      const added = batch
        .sheet(cf.sheet)
        .getRanges(cf.ranges.join(", "))
        .conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      added.custom.rule.formula = "=" + cf.formula;
      if (cf.style.fill) added.custom.format.fill.color = cf.style.fill;
      if (cf.style.fontColor) added.custom.format.font.color = cf.style.fontColor;
      if (cf.style.bold) added.custom.format.font.bold = true;
    },
  };
}
