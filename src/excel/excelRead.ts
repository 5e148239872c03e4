import { SheetGrid, WorkbookRead } from "../core/port";

/** A custom (formula) conditional format found on a sheet; ours are recognised by their formula. */
export interface ExistingConditionalFormat {
  id: string;
  /** Without the leading "=". */
  formula: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

/** Core's SheetGrid plus what the Excel adapter needs to write idempotently and to undo. */
export interface ExcelSheetGrid extends SheetGrid {
  position: number;
  conditionalFormats: ExistingConditionalFormat[];
  /** Names of the charts on the sheet. */
  charts: string[];
}

export interface ExcelWorkbookRead extends WorkbookRead {
  sheets: ExcelSheetGrid[];
  /** False where the host lacks ExcelApi 1.13 (or a sheet has more merges than Excel returns): merges unknown. */
  mergesKnown: boolean;
  /**
   * Sheets whose conditional formats Excel would not give back (office-js #6827, #6835): their
   * `conditionalFormats` are unknown (empty), so no run replaces rules there. Absent: none, or not read.
   */
  unreadableFormats?: string[];
  /** Round trips the read took. */
  syncs: number;
}
