/**
 * What the pane's components need from a workbook, in either mode. The browser mode (modes/browserSession.ts,
 * over the .xlsx adapter and ExcelJS) and the Excel mode (modes/excelSession.ts, over src/excel) both implement
 * it; each is loaded with import() only in its own mode. Only types here: nothing of core is bundled by this file.
 */
import type { Report } from "../core/report/report";
import type { CellRef, CompareView, HighlightOutcome } from "./compareView";
import type { Lang } from "./i18n";
import type { WorkOptions } from "./work";

/** A file picked in the pane: its name and bytes. */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

/** What both modes do alike: compare with an older version, and the Word report (optionally with last year). */
interface SeasonActions {
  /** The open workbook compared with an older version of it (an .xlsx); stops with WorkCancelled. */
  compare(older: PickedFile, lang: Lang, work?: WorkOptions): Promise<CompareView>;
  /** The report people file, as a .docx to download; `lastYear` a cchc JSON report or summary workbook. */
  report(
    lang: Lang,
    lastYear?: PickedFile
  ): Promise<{ bytes: Uint8Array; fileName: string; units: number }>;
}

/** Where the criteria set in use came from. */
export type CriteriaSource =
  | { kind: "sheet"; sheet: string }
  /** Imported from a JSON file: in Excel written to the criteria sheet, in the browser kept for the session. */
  | { kind: "file"; name: string; writtenToSheet: boolean };

export interface CriteriaSummary {
  id: string;
  title: string;
  year?: number;
  maxTotal: number;
  fields: number;
  leaves: number;
  source: CriteriaSource;
}

export interface CriteriaProblemView {
  path: string;
  message: string;
  /** The cell it came from (a criteria sheet's problem): the pane goes there when it is clicked. */
  sheet?: string;
  cell?: string;
}

/** "Kiểm tra bộ tiêu chí": the workbook's criteria sheet read and checked on its own. */
export type CriteriaSheetCheck =
  | { status: "none" }
  | { status: "ok"; sheet: string; title: string; leaves: number }
  | { status: "problems"; sheet: string; problems: CriteriaProblemView[] };

export type CriteriaState =
  /** No workbook yet (browser mode) and nothing imported. */
  | { status: "waiting" }
  /** The workbook has no criteria sheet and nothing was imported. */
  | { status: "none" }
  | { status: "ok"; summary: CriteriaSummary }
  | { status: "refused"; source: CriteriaSource; problems: CriteriaProblemView[] };

/** A check's result: the report is absent when there is no usable criteria set. */
export interface CheckOutcome {
  criteria: CriteriaState;
  report?: Report;
}

/**
 * "Tạo bộ tiêu chí từ trang này": a criteria set drafted from a scoring form — written as the workbook's criteria
 * sheet (Excel) or as an .xlsx to download and used for the session (browser) — with how many of its values a
 * person must confirm and what on the form did not add up (one line each, with its cell).
 */
export type DraftOutcome =
  | {
      status: "written";
      sheet: string;
      from: string;
      toConfirm: number;
      notes: string[];
      check: CheckOutcome;
      download?: { bytes: Uint8Array; fileName: string };
    }
  /** The workbook has a criteria sheet already: it is kept, nothing is written. */
  | { status: "exists"; sheet: string }
  /** No scoring form the reader knows on that sheet (Excel: the active sheet; browser: in the file). */
  | { status: "no-form"; from: string }
  | { status: "refused"; from: string; problems: CriteriaProblemView[] }
  /** The browser mode with no file open yet. */
  | { status: "no-workbook" };

export type ImportOutcome =
  { ok: true; check: CheckOutcome } | { ok: false; name: string; problems: CriteriaProblemView[] };

/** A typed value that the score run would replace with a formula. */
export interface ConflictView {
  sheet: string;
  cell: string;
  value: string;
  formula: string;
}

export interface BrowserSession extends SeasonActions {
  mode: "browser";
  /**
   * Reads an .xlsx (in a worker, off the page's thread, where the page can start one) and checks it with the
   * session's criteria set (imported, else the workbook's own); stopped, it throws WorkCancelled and the workbook
   * open before stays open.
   */
  open(bytes: Uint8Array, fileName: string, lang: Lang, work?: WorkOptions): Promise<CheckOutcome>;
  /** Parses a criteria JSON; when accepted, uses it for the rest of the session and checks again. */
  importCriteria(text: string, fileName: string, lang: Lang): Promise<ImportOutcome>;
  check(lang: Lang, work?: WorkOptions): Promise<CheckOutcome>;
  /** Reads the open file's criteria sheet and lists its problems. */
  checkCriteriaSheet(lang: Lang): Promise<CriteriaSheetCheck>;
  /** A criteria set drafted from the open file's scoring form, to download; used for the rest of the session. */
  draftCriteria(lang: Lang): Promise<DraftOutcome>;
  /** The scored workbook: formulas, formats and the summary sheet, as new .xlsx bytes (made in the worker). */
  score(
    lang: Lang,
    work?: WorkOptions
  ): Promise<{ bytes: Uint8Array; fileName: string; conflicts: ConflictView[] }>;
  /** The workbook with its last run (of `cchc score`, this pane or the add-in) undone, as new .xlsx bytes. */
  revert(lang: Lang): Promise<{ bytes: Uint8Array; fileName: string }>;
  /** "Tổng hợp nhiều sổ": the files' unit sheets into the open workbook (or a new one), to download. */
  consolidate(
    files: PickedFile[],
    lang: Lang,
    options: ConsolidateOptions
  ): Promise<ConsolidateOutcome>;
}

/**
 * A written run: the typed cells replaced and what the run could not do or did differently (notices: unreadable
 * conditional-format rules left alone, the summary under a free name), said in the pane's language.
 */
export type ScoreOutcome =
  { done: true; conflicts: ConflictView[]; notices?: string[] } | { done: false };

/** Something undo would overwrite that the person changed since the run (sheet, cell, wrote, now), or a lost sheet. */
export type RevertConflictView =
  { sheet: string; cell: string; wrote: string; now: string } | { sheet: string; missing: true };

export type RevertOutcome =
  /** Undone (with restoreSafe: the safe part); `left` are the conflicts left as they are. */
  | { status: "reverted"; notices: string[]; left: RevertConflictView[] }
  /** Nothing was changed: the person changed these since the run. */
  | { status: "conflicts"; conflicts: RevertConflictView[] };

export interface ExcelSession extends SeasonActions {
  mode: "excel";
  /** Stopped before it has checked, it throws WorkCancelled. */
  check(lang: Lang, work?: WorkOptions): Promise<CheckOutcome>;
  /** Parses a criteria JSON; when accepted, writes it to the workbook's criteria sheet. */
  importCriteria(text: string, fileName: string, lang: Lang): Promise<ImportOutcome>;
  /** Reads the workbook's criteria sheet and lists its problems, each with its cell. */
  checkCriteriaSheet(lang: Lang): Promise<CriteriaSheetCheck>;
  /** A criteria set drafted from the active sheet, written as the criteria sheet (undone by undo). */
  draftCriteria(lang: Lang): Promise<DraftOutcome>;
  /**
   * Scores the open workbook; `confirm` is asked first when typed values would be replaced. Stopped before it
   * writes, it throws WorkCancelled and nothing is written; once writing, it finishes (never half a workbook).
   */
  score(
    lang: Lang,
    confirm: (conflicts: ConflictView[]) => Promise<boolean>,
    work?: WorkOptions
  ): Promise<ScoreOutcome>;
  /**
   * Undoes the last run after checking what the person changed since: with conflicts nothing is written and they
   * are returned, unless `restoreSafe` (the person chose "Khôi phục phần an toàn").
   */
  revertLastRun(lang: Lang, options?: { restoreSafe?: boolean }): Promise<RevertOutcome>;
  /**
   * Builds the summary sheet (scoring first where unit sheets were never scored: `confirm` as for score); with
   * `lastYear`, last year's index and rank beside this year's, and the chart shows both years.
   */
  buildSummary(
    lang: Lang,
    confirm: (conflicts: ConflictView[]) => Promise<boolean>,
    lastYear?: PickedFile
  ): Promise<ScoreOutcome>;
  /** Highlights the changed cells (a rule of the tool's own), replacing an earlier highlight. */
  highlightChanges(cells: CellRef[]): Promise<HighlightOutcome>;
  /** "Bỏ đánh dấu": removes every highlight of the tool's; the cells look as they did. */
  clearHighlight(): Promise<HighlightOutcome>;
  /** Activates the sheet and selects the cell (or only activates the sheet without a cell). */
  goTo(sheet: string, cell: string | undefined, options?: { unhide?: boolean }): Promise<void>;
  /** Calls `onChange` on every worksheet change event; returns the unsubscribe. */
  watchChanges(onChange: () => void): Promise<() => Promise<void>>;
  /** True while (and shortly after) the add-in writes: the change events then are its own. */
  isAddinWriting(): boolean;
  /** "Kiểm tra môi trường": tries every capability on a temporary sheet; the report as text to copy. */
  checkEnvironment(lang: Lang): Promise<string>;
  /** "Tổng hợp nhiều sổ": the files' unit sheets copied into the open workbook, then "Tổng hợp" built. */
  consolidate(
    files: PickedFile[],
    lang: Lang,
    options: ConsolidateOptions
  ): Promise<ConsolidateOutcome>;
}

export type Session = BrowserSession | ExcelSession;

/** True for the error that says a sheet is hidden (src/excel's SheetHiddenError, told apart by its code). */
export function isSheetHidden(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "sheet-hidden";
}

/**
 * An error that says itself in either language: src/excel's typed errors (ProtectedSheetsError, …). Told
 * apart by shape, so that this file (in the pane's initial chunk) does not import src/excel.
 */
interface Bilingual {
  messageFor(lang: Lang): string;
}

function isBilingual(error: unknown): error is Bilingual {
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { messageFor?: unknown }).messageFor === "function"
  );
}

/**
 * A message for the person, from any error (Office.js, core's DomainError, ours), in `lang` where the error
 * can say itself in it (src/excel's errors; the browser mode localizes DomainError itself).
 */
export function reasonOf(error: unknown, lang?: Lang): string {
  if (lang && isBilingual(error)) return error.messageFor(lang);
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === "string" && error) return error;
  return String(error);
}

/* "Tổng hợp nhiều sổ" (consolidate): what the pane gives a session and gets back (modes/consolidate*.ts). */

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
