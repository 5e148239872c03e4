/**
 * What the pane's components need from a workbook, in either mode. The browser mode (modes/browserSession.ts,
 * over the .xlsx adapter and ExcelJS) and the Excel mode (modes/excelSession.ts, over src/excel) both implement
 * it; each is loaded with import() only in its own mode. Only types here: nothing of core is bundled by this file.
 */
import type { Report } from "../core/report/report";
import type { CellRef, CompareView, HighlightOutcome } from "./compareView";
import type { Lang } from "./i18n";

/** A file picked in the pane: its name and bytes. */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

/** What both modes do alike: compare with an older version, and the Word report (optionally with last year). */
interface SeasonActions {
  /** The open workbook compared with an older version of it (an .xlsx). */
  compare(older: PickedFile, lang: Lang): Promise<CompareView>;
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
}

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
  /** Reads an .xlsx and checks it with the session's criteria set (imported, else the workbook's own). */
  open(bytes: Uint8Array, fileName: string, lang: Lang): Promise<CheckOutcome>;
  /** Parses a criteria JSON; when accepted, uses it for the rest of the session and checks again. */
  importCriteria(text: string, fileName: string, lang: Lang): Promise<ImportOutcome>;
  check(lang: Lang): Promise<CheckOutcome>;
  /** The scored workbook: formulas, formats and the summary sheet, as new .xlsx bytes. */
  score(lang: Lang): Promise<{ bytes: Uint8Array; fileName: string; conflicts: ConflictView[] }>;
  /** The workbook with its last run (of `cchc score`, this pane or the add-in) undone, as new .xlsx bytes. */
  revert(lang: Lang): Promise<{ bytes: Uint8Array; fileName: string }>;
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
  check(lang: Lang): Promise<CheckOutcome>;
  /** Parses a criteria JSON; when accepted, writes it to the workbook's criteria sheet. */
  importCriteria(text: string, fileName: string, lang: Lang): Promise<ImportOutcome>;
  /** Scores the open workbook; `confirm` is asked first when typed values would be replaced. */
  score(
    lang: Lang,
    confirm: (conflicts: ConflictView[]) => Promise<boolean>
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
