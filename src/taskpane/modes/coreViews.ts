/**
 * Core results turned into what the pane shows; shared by both modes' sessions (and so only in their lazy
 * chunks). Pure: no Office.js, no ExcelJS.
 */
import { CRITERIA_SHEET } from "../../core/check/sheetNames";
import { IndexedSet, indexSet } from "../../core/criteria/indexed";
import { rowsToCriteria } from "../../core/criteria/sheetForm";
import { errorLine, DomainError } from "../../core/errors/domainError";
import { Problem } from "../../core/problem";
import { SheetGrid, WorkbookRead } from "../../core/port";
import { buildReport, type Report } from "../../core/report/report";
import type { DraftNote } from "../../core/criteria/fromForm/draft";
import { draftNoteMessage } from "../../core/criteria/fromForm/messages";
import { checkRead } from "../../core/usecases/check";
import type { Lang } from "../i18n";
import type {
  CheckOutcome,
  CriteriaProblemView,
  CriteriaSheetCheck,
  CriteriaSource,
  CriteriaSummary,
} from "../session";

/** Reported as the tool's version in the pane's report (the report's shape is the CLI's). */
export const PANE_VERSION = "0.3.0";

export function criteriaSummary(set: IndexedSet, source: CriteriaSource): CriteriaSummary {
  return {
    id: set.set.id,
    title: set.set.title,
    ...(set.set.year !== undefined ? { year: set.set.year } : {}),
    maxTotal: set.maxTotal,
    fields: set.fields.length,
    leaves: set.leaves.length,
    source,
  };
}

export function problemViews(problems: Problem[]): CriteriaProblemView[] {
  return problems.map((p) => ({
    path: p.path,
    message: p.message,
    ...(p.at ? { sheet: p.at.sheet, ...(p.at.cell ? { cell: p.at.cell } : {}) } : {}),
  }));
}

/** A criteria sheet read and checked on its own ("Kiểm tra bộ tiêu chí"); none: the workbook has no such sheet. */
export function criteriaSheetCheck(grid: SheetGrid | undefined, lang: Lang): CriteriaSheetCheck {
  if (!grid) return { status: "none" };
  const result = rowsToCriteria(grid, lang);
  if (!result.ok)
    return { status: "problems", sheet: grid.name, problems: problemViews(result.problems) };
  const set = indexSet(result.set);
  return { status: "ok", sheet: grid.name, title: set.set.title, leaves: set.leaves.length };
}

/** checkWorkbook + buildReport: the same findings and units as `cchc check` on the same workbook. */
export function checkWith(
  set: IndexedSet,
  source: CriteriaSource,
  wb: WorkbookRead,
  lang: Lang,
  file?: string
): CheckOutcome {
  return {
    criteria: { status: "ok", summary: criteriaSummary(set, source) },
    report: reportWith(set, wb, lang, file),
  };
}

/** The report of checkWith (the browser mode makes it in its worker). */
export function reportWith(set: IndexedSet, wb: WorkbookRead, lang: Lang, file?: string): Report {
  const { check: result } = checkRead(wb, { given: set, lang, file });
  return buildReport(set, result.units, result.findings, lang, PANE_VERSION);
}

/** What did not add up on a drafted form, one line each with its cell. */
export function draftNoteLines(notes: DraftNote[], lang: Lang): string[] {
  return notes.map((n) => `${n.sheet}!${n.cell}: ${draftNoteMessage(n, lang)}`);
}

/**
 * Core's DomainError carries an English message; the pane shows it in its own language. Any other error (a stop,
 * WorkCancelled, included) is returned as it is.
 */
export function localized(error: unknown, lang: Lang): unknown {
  if (error instanceof DomainError) return new Error(errorLine(error.code, error.params, lang));
  return error;
}

/**
 * A workbook without a criteria sheet, or with a refused one, is a state of the pane, not a failure: the state,
 * for core's "no-criteria" and "criteria-refused"; undefined for any other error.
 */
export function criteriaStateOf(error: unknown): CheckOutcome | undefined {
  if (DomainError.is(error, "no-criteria")) return { criteria: { status: "none" } };
  if (DomainError.is(error, "criteria-refused"))
    return {
      criteria: {
        status: "refused",
        source: { kind: "sheet", sheet: error.params.sheet ?? CRITERIA_SHEET },
        problems: problemViews(error.params.problems ?? []),
      },
    };
  return undefined;
}

/** An error's message as one line (a localized error's own message). */
export function reasonLine(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
