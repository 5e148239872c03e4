import { isCriteriaSheetName, isSummarySheetName } from "../../check/sheetNames";
import { SheetGrid, WorkbookRead } from "../../port";
import { findLayout } from "../../sheet/layout";

/**
 * The sheet a draft is read from: the one named (its name compared in NFC, case aside), else the first whose
 * table the reader knows (code, name and max headers), our own criteria and summary sheets aside.
 */
export function formSheet(wb: WorkbookRead, name?: string): SheetGrid | undefined {
  if (name !== undefined) {
    const wanted = name.normalize("NFC").trim().toLowerCase();
    return wb.sheets.find((s) => s.name.normalize("NFC").trim().toLowerCase() === wanted);
  }
  const candidates = wb.sheets.filter(
    (s) => !isCriteriaSheetName(s.name) && !isSummarySheetName(s.name)
  );
  const layouts = candidates.map((s) => ({ s, found: findLayout(s) }));
  return (
    layouts.find((x) => x.found.kind === "scoring")?.s ??
    layouts.find(
      (x) => x.found.kind === "incomplete" && x.found.columns.code && x.found.columns.max
    )?.s
  );
}
