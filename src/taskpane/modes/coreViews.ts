/**
 * Core results turned into what the pane shows; shared by both modes' sessions (and so only in their lazy
 * chunks). Pure: no Office.js, no ExcelJS.
 */
import { checkWorkbook } from "../../core/check/checkWorkbook";
import { IndexedSet } from "../../core/criteria/indexed";
import { inputErrorMessage, InputError } from "../../core/inputError";
import { Problem } from "../../core/problem";
import { WorkbookRead } from "../../core/port";
import { buildReport } from "../../core/report/report";
import type { Lang } from "../i18n";
import type {
  CheckOutcome,
  CriteriaProblemView,
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
  return problems.map((p) => ({ path: p.path, message: p.message }));
}

/** checkWorkbook + buildReport: the same findings and units as `cchc check` on the same workbook. */
export function checkWith(
  set: IndexedSet,
  source: CriteriaSource,
  wb: WorkbookRead,
  lang: Lang,
  file?: string
): CheckOutcome {
  const result = checkWorkbook(set, wb, file);
  return {
    criteria: { status: "ok", summary: criteriaSummary(set, source) },
    report: buildReport(set, result.units, result.findings, lang, PANE_VERSION),
  };
}

/** Core's InputError carries an English message; the pane shows it in its own language. */
export function localized(error: unknown, lang: Lang): unknown {
  if (error instanceof InputError)
    return new Error(inputErrorMessage(error.code, error.params, lang));
  return error;
}
