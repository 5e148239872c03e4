/**
 * The Excel mode: the open workbook, through core's use cases over src/excel's port (check, score with its undo
 * snapshot, revert, summary) and src/excel for the rest (the criteria sheet, going to a cell, change events). No
 * Excel.* here. Loaded with import()
 * only when Office reports a host.
 */
import { indexSet } from "../../core/criteria/indexed";
import { parseCriteriaJson } from "../../core/criteria/validate";
import { TypedCellConflict } from "../../core/plan/unitPlan";
import { buildReport } from "../../core/report/report";
import { onWorkbookChanged } from "../../excel/changeEvents";
import { clearHighlight, highlightCells, HighlightReport } from "../../excel/compareHighlight";
import { environmentReportText } from "../../excel/environmentCheck/reportText";
import { runEnvironmentCheck } from "../../excel/environmentCheck/runEnvironmentCheck";
import {
  criteriaSheetOf,
  draftCriteriaFromActiveSheet,
  readCriteriaSheet,
  withActiveWorkbook,
  writeCriteriaSheet,
} from "../../excel/excelWorkbookPort";
import { goToCell } from "../../excel/navigation";
import { check as checkWorkbook } from "../../core/usecases/check";
import { revert } from "../../core/usecases/revert";
import { score, summarize } from "../../core/usecases/score";
import { isAddinWriting } from "../../excel/writeGuard";
import type { HighlightOutcome } from "../compareView";
import { t, type Lang } from "../i18n";
import type { CheckOutcome, ConflictView, CriteriaSource, ExcelSession } from "../session";
import { compareWithOlder } from "./compareViews";
import {
  criteriaSheetCheck,
  draftNoteLines,
  criteriaStateOf,
  criteriaSummary,
  localized,
  PANE_VERSION,
  problemViews,
} from "./coreViews";
import { lastYearFromFile } from "./lastYearFile";
import { reportFile } from "./reportFile";
import { stepReporter, type WorkOptions } from "../work";
import { xlsxJobs } from "./xlsxWorkerClient";

function conflictViews(conflicts: TypedCellConflict[]): ConflictView[] {
  return conflicts.map((c) => ({
    sheet: c.sheet,
    cell: c.cell,
    value: c.value,
    formula: c.formula,
  }));
}

function outcomeOf(r: HighlightReport): HighlightOutcome {
  return {
    count: r.count,
    protectedSheets: r.protectedSheets,
    unreadableSheets: r.unreadableSheets,
  };
}

export function createExcelSession(): ExcelSession {
  /** The last JSON import written to the criteria sheet in this session, to say where the set came from. */
  let imported: { name: string; sheet: string } | undefined;
  /** Other .xlsx files (compare's older version) are read in a worker, off the pane's thread. */
  const jobs = xlsxJobs();

  const sourceFor = (sheet: string): CriteriaSource =>
    imported && imported.sheet === sheet
      ? { kind: "file", name: imported.name, writtenToSheet: true }
      : { kind: "sheet", sheet };

  const check = async (lang: Lang, work?: WorkOptions): Promise<CheckOutcome> => {
    try {
      const outcome = await withActiveWorkbook((port) =>
        checkWorkbook(port, { lang, onStep: stepReporter(work) })
      );
      const sheet = criteriaSheetOf(outcome.read);
      return {
        criteria: { status: "ok", summary: criteriaSummary(outcome.set, sourceFor(sheet)) },
        report: buildReport(
          outcome.set,
          outcome.check.units,
          outcome.check.findings,
          lang,
          PANE_VERSION
        ),
      };
    } catch (error) {
      const state = criteriaStateOf(error);
      if (state) return state;
      throw error;
    }
  };

  return {
    mode: "excel",
    check,

    async importCriteria(text, fileName, lang) {
      const parsed = parseCriteriaJson(text, lang);
      if (!parsed.ok) return { ok: false, name: fileName, problems: problemViews(parsed.problems) };
      indexSet(parsed.set); // a set that passed validation always indexes; fail here, not after writing
      const sheet = await writeCriteriaSheet(parsed.set);
      imported = { name: fileName, sheet };
      return { ok: true, check: await check(lang) };
    },

    checkCriteriaSheet: async (lang) => criteriaSheetCheck(await readCriteriaSheet(), lang),

    async draftCriteria(lang) {
      const done = await draftCriteriaFromActiveSheet();
      if (done.status === "refused")
        return { status: "refused", from: done.from, problems: problemViews(done.problems) };
      if (done.status !== "written") return done;
      return {
        status: "written",
        sheet: done.sheet,
        from: done.from,
        toConfirm: done.draft.toConfirm.length,
        notes: draftNoteLines(done.notes, lang),
        check: await check(lang),
      };
    },

    async score(lang, confirm, work) {
      const outcome = await withActiveWorkbook((port) =>
        score(port, {
          lang,
          confirmTypedCells: (conflicts) => confirm(conflictViews(conflicts)),
          onStep: stepReporter(work),
          onWritten: (done, total) => work?.onProgress?.({ step: "writing", done, total }),
        })
      );
      return outcome.status === "written"
        ? {
            done: true,
            conflicts: conflictViews(outcome.conflicts),
            notices: outcome.applied.notices.map((n) => n.messageFor(lang)),
          }
        : { done: false };
    },

    async revertLastRun(lang, options = {}) {
      const report = await withActiveWorkbook((port) =>
        revert(port, { restoreSafe: options.restoreSafe })
      );
      if (report.status === "conflicts")
        return { status: "conflicts", conflicts: report.conflicts };
      // The run reverted may have been the import that wrote the criteria sheet.
      imported = undefined;
      return {
        status: "reverted",
        notices: report.reverted.notices.map((n) => n.messageFor(lang)),
        left: report.conflicts,
      };
    },

    async buildSummary(lang, confirm, lastYear) {
      // Last year's file is read first: one that is not one is refused before anything is written.
      const previous = lastYear ? await lastYearFromFile(lastYear, lang) : undefined;
      const outcome = await withActiveWorkbook((port) =>
        summarize(port, {
          lang,
          confirmTypedCells: (conflicts) => confirm(conflictViews(conflicts)),
          ...(previous ? { previous } : {}),
        })
      );
      if (outcome.status !== "written") return { done: false };
      const found = outcome.previous?.units.filter((u) => u !== null).length;
      return {
        done: true,
        conflicts: conflictViews(outcome.conflicts),
        notices: [
          ...outcome.applied.notices.map((n) => n.messageFor(lang)),
          ...(found !== undefined && lastYear
            ? [
                t(
                  "summary.previousFound",
                  { found, total: outcome.check.units.length, name: lastYear.name },
                  lang
                ),
              ]
            : []),
        ],
      };
    },

    async compare(older, lang, work) {
      const open = await withActiveWorkbook((port) =>
        checkWorkbook(port, { lang, onStep: stepReporter(work) })
      );
      try {
        const read = await jobs.run(
          { kind: "read", bytes: older.bytes },
          { ...work, onProgress: () => work?.onProgress?.({ step: "readingOther" }) }
        );
        await stepReporter(work)("comparing");
        return compareWithOlder(read, open.read, open.set, older.name, lang);
      } catch (error) {
        throw localized(error, lang); // a stop (WorkCancelled) passes through as it is
      }
    },

    highlightChanges: async (cells) => outcomeOf(await highlightCells(cells)),
    clearHighlight: async () => outcomeOf(await clearHighlight()),

    async report(lang, lastYear) {
      const previous = lastYear ? await lastYearFromFile(lastYear, lang) : undefined;
      const open = await withActiveWorkbook((port) => checkWorkbook(port, { lang }));
      return reportFile(open.set, open.check, lang, previous);
    },

    goTo: (sheet, cell, options) => goToCell(sheet, cell, { unhide: options?.unhide }),
    watchChanges: (onChange) => onWorkbookChanged(onChange),
    isAddinWriting: () => isAddinWriting(),
    checkEnvironment: async (lang) => environmentReportText(await runEnvironmentCheck(), lang),
    // Its own chunk: ExcelJS (reading the picked files) is loaded only when the person consolidates.
    consolidate: async (files, lang, options) =>
      (await import("./consolidateExcel")).consolidateInExcel(files, lang, options),
  };
}
