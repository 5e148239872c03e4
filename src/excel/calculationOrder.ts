/**
 * Which sheets to recalculate after writing with calculation suspended, and in what order.
 *
 * Application.suspendApiCalculationUntilNextSync (ExcelApi 1.6): "Once set, it is the developer's responsibility
 * to re-calc the workbook, to ensure that any dependencies are propagated." Worksheet.calculate(markAllDirty):
 * "Calculates all cells on a worksheet" — that sheet, nothing said of other sheets that read it. So calculating
 * only the sheets written covers their own cells (a sheet after the sheets it reads), but the docs give no
 * guarantee that a person's own sheet reading ours (a report on "Tổng hợp", a note on a unit sheet) is
 * recalculated. Those sheets are found in the read the plan was made from (every formula of every sheet is in
 * it), with the sheets that read them in turn, and calculated after ours in the same sync: no extra round
 * trip, one call per sheet. Not covered: references through defined names (a person's name over our cells),
 * INDIRECT and other workbooks; Application.calculate would cover them but "recalculates all currently opened
 * workbooks", the person's other workbooks too.
 */
import { sheetsReferenced } from "../core/formula/formulaText";
import { SheetGrid } from "../core/port";
import { sheetNameKey } from "../core/owned/sheetNames";

/**
 * `written` (already in the order they must be calculated), then every other sheet of `sheets` whose formulas
 * read one of them, directly or through other such sheets, each after the sheets it reads where the chain
 * allows (breadth first from the sheets written).
 */
export function withDependentSheets(written: string[], sheets: SheetGrid[]): string[] {
  const order = [...new Set(written)];
  const done = new Set(order.map(sheetNameKey));
  // Each sheet's formulas, read once: which sheets each of the others reads.
  const reads = new Map<string, { name: string; reads: Set<string> }>();
  for (const grid of sheets) {
    if (done.has(sheetNameKey(grid.name))) continue;
    const named = new Set<string>();
    for (const line of grid.formulas ?? [])
      for (const f of line ?? [])
        if (f && f.includes("!")) for (const s of sheetsReferenced(f)) named.add(sheetNameKey(s));
    if (named.size) reads.set(sheetNameKey(grid.name), { name: grid.name, reads: named });
  }
  let frontier = new Set(done);
  while (frontier.size) {
    const next = new Set<string>();
    for (const [key, sheet] of reads)
      if ([...sheet.reads].some((s) => frontier.has(s))) {
        order.push(sheet.name);
        done.add(key);
        next.add(key);
        reads.delete(key);
      }
    frontier = next;
  }
  return order;
}
