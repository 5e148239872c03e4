/**
 * "Tổng hợp nhiều sổ" (consolidate): what the pane gives a session and gets back, in either mode. Only types
 * here, as in session.ts: the work is in modes/consolidate*.ts, loaded with the session.
 */
import type { CheckOutcome, ConflictView } from "./session";

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

export interface ConsolidateProgress {
  /** Reading and checking the files, copying their sheets, then building "Tổng hợp". */
  phase: "reading" | "copying" | "summary";
  done: number;
  total: number;
  file?: string;
}

/** A unit already in the workbook that a picked file would replace. */
export interface ReplaceView {
  unit: string;
  sheet: string;
  file: string;
}

export interface ConsolidateOptions {
  onProgress: (progress: ConsolidateProgress) => void;
  /** Cancel: honoured between files while reading (and, in the browser, until the download is made). */
  signal: AbortSignal;
  /** Asked before any unit's sheet is replaced; nothing is written unless it answers true. */
  confirmReplace: (units: ReplaceView[]) => Promise<boolean>;
  /** Asked as for "Tính điểm" when typed values would become formulas. */
  confirmTyped: (conflicts: ConflictView[]) => Promise<boolean>;
}

export interface FileFailure {
  file: string;
  reason: string;
}

export type ConsolidateOutcome =
  | {
      status: "done";
      /** The consolidated workbook checked, with every picked file's findings (named by file). */
      check: CheckOutcome;
      added: number;
      replaced: number;
      /** Files that could not be read (nothing of them copied). */
      failed: FileFailure[];
      /** Excel: whole sheets inserted, or values and formulas written (no ExcelApi 1.13, or refused). */
      path?: "sheets" | "values";
      /** The browser mode: the consolidated workbook to download. */
      download?: { bytes: Uint8Array; fileName: string };
      notices: string[];
    }
  | { status: "cancelled" }
  /** The person did not agree to replace units, or to replace typed values: nothing was written. */
  | { status: "declined" };
