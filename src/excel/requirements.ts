import { DomainError } from "../core/errors/domainError";

/**
 * Which ExcelApi requirement sets the host supports, asked at run time (the manifest only promises 1.9).
 * Outside Office (tests, the browser-only mode) nothing is supported unless a test installs an answer.
 */
export function supportsExcelApi(version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  return typeof requirements?.isSetSupported === "function"
    ? requirements.isSetSupported("ExcelApi", version)
    : false;
}

export function requireExcelApi(version: string): void {
  if (!supportsExcelApi(version)) throw new DomainError("host-too-old", { version });
}

/** The ExcelApi versions this adapter uses, each with what needs it; asked at run time even where the manifest's 1.9 covers them. */
export const EXCEL_API = {
  /** Worksheet.activate and Range.select: going to a finding's cell. */
  navigation: "1.1",
  /** application.suspendApiCalculationUntilNextSync. */
  suspendCalculation: "1.6",
  /** Workbook.protection.protected: workbook structure protection, read before adding or deleting sheets. */
  workbookProtection: "1.7",
  /** Series.setXAxisValues and freezePanes, for the summary chart and frozen header rows. */
  chartAxisAndFreeze: "1.7",
  /** Worksheet.getRanges / RangeAreas: one conditional format or validation over many areas (the manifest's minimum). */
  rangeAreas: "1.9",
  /** WorksheetCollection.onChanged (onAdded, onDeleted: 1.7): the pane's re-check after edits. */
  worksheetEvents: "1.9",
  /** WorksheetChangedEventArgs.triggerSource: a change event says whether this add-in caused it. */
  eventTriggerSource: "1.14",
  /** Range.getMergedAreasOrNullObject. */
  mergedAreas: "1.13",
} as const;
