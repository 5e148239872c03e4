/**
 * The browser-only mode: a workbook picked as an .xlsx file is read, checked and scored in the page with the
 * .xlsx adapter (ExcelJS). Loaded only with import() when the pane runs outside Excel, so ExcelJS and
 * src/xlsx stay out of the pane's initial chunk (webpack.config.js fails the build otherwise).
 */
import { CRITERIA_SHEET, isCriteriaSheetName } from "../../core/check/sheetNames";
import { indexSet, IndexedSet } from "../../core/criteria/indexed";
import { parseCriteriaJson } from "../../core/criteria/validate";
import { DomainError } from "../../core/errors/domainError";
import { WorkbookRead } from "../../core/port";
import { criteriaInUse } from "../../core/usecases/criteriaInUse";
import { checkRead } from "../../core/usecases/check";
import { revert } from "../../core/usecases/revert";
import { xlsxWorkbookPort } from "../../xlsx/xlsxWorkbookPort";
import type { Lang } from "../i18n";
import type { BrowserSession, CheckOutcome, CriteriaSource } from "../session";
import { stepReporter, type WorkOptions } from "../work";
import {
  criteriaSheetCheck,
  criteriaStateOf,
  criteriaSummary,
  localized,
  problemViews,
} from "./coreViews";
import { consolidateInBrowser } from "./consolidateBrowser";
import { compareWithOlder } from "./compareViews";
import { lastYearFromFile } from "./lastYearFile";
import { reportFile } from "./reportFile";
import { xlsxJobs } from "./xlsxWorkerClient";
import { draftFromOpenFile } from "./draftBrowser";

interface OpenWorkbook {
  bytes: Uint8Array;
  fileName: string;
  read: WorkbookRead;
  /** The number under which the .xlsx jobs keep this read (a score then need not parse the file again). */
  kept: number;
}

/** "xa-mau-2025.xlsx" → "xa-mau-2025-da-cham.xlsx". */
export function scoredFileName(fileName: string): string {
  return `${baseName(fileName)}-da-cham.xlsx`;
}

/** "xa-mau-2025-da-cham.xlsx" → "xa-mau-2025-da-cham-hoan-tac.xlsx". */
export function revertedFileName(fileName: string): string {
  return `${baseName(fileName)}-hoan-tac.xlsx`;
}

function baseName(fileName: string): string {
  return fileName.replace(/\.xlsx$/i, "") || "so-tinh";
}

export function createBrowserSession(): BrowserSession {
  let workbook: OpenWorkbook | undefined;
  let imported: { set: IndexedSet; name: string } | undefined;
  let opens = 0;
  const jobs = xlsxJobs();

  /** Reads `bytes` in the worker as the open workbook-to-be, kept there for a later score. */
  const readOpen = async (bytes: Uint8Array, fileName: string, work?: WorkOptions) => {
    const seq = ++opens;
    const read = await jobs.run({ kind: "read", bytes, keep: seq }, work);
    // A file picked after this one and read faster stays the open one.
    if (seq === opens) workbook = { bytes, fileName, read, kept: seq };
  };

  /** The set to use now and where it came from, or the criteria state explaining why there is none. */
  const currentSet = (lang: Lang): { set: IndexedSet; source: CriteriaSource } | CheckOutcome => {
    if (imported)
      return {
        set: imported.set,
        source: { kind: "file", name: imported.name, writtenToSheet: false },
      };
    if (!workbook) return { criteria: { status: "waiting" } };
    try {
      const found = criteriaInUse(workbook.read, { lang });
      return { set: found.set, source: { kind: "sheet", sheet: found.sheet ?? CRITERIA_SHEET } };
    } catch (error) {
      const state = criteriaStateOf(error);
      if (state) return state;
      throw error;
    }
  };

  /** The open workbook checked in the worker (hundreds of sheets: not on the page's thread). */
  const check = async (lang: Lang, work?: WorkOptions): Promise<CheckOutcome> => {
    const found = currentSet(lang);
    if (!("set" in found)) return found;
    const criteria = {
      status: "ok" as const,
      summary: criteriaSummary(found.set, found.source),
    };
    if (!workbook) return { criteria };
    const { bytes, kept, fileName } = workbook;
    const report = await jobs.run(
      { kind: "check", bytes, kept, given: found.set.set, lang, file: fileName },
      work
    );
    return { criteria, report };
  };

  return {
    mode: "browser",

    async open(bytes, fileName, lang, work) {
      try {
        await readOpen(bytes, fileName, work);
      } catch (error) {
        throw localized(error, lang);
      }
      // Read, the file is the open one: its check is not stopped (the findings shown are then this file's).
      return check(lang, work && { onProgress: work.onProgress });
    },

    async importCriteria(text, fileName, lang) {
      const parsed = parseCriteriaJson(text, lang);
      if (!parsed.ok) return { ok: false, name: fileName, problems: problemViews(parsed.problems) };
      imported = { set: indexSet(parsed.set), name: fileName };
      return { ok: true, check: await check(lang) };
    },

    check,

    checkCriteriaSheet: async (lang) =>
      criteriaSheetCheck(
        workbook?.read.sheets.find((s) => isCriteriaSheetName(s.name)),
        lang
      ),

    async draftCriteria(lang) {
      if (!workbook) return { status: "no-workbook" };
      const drafted = await draftFromOpenFile(workbook.read, workbook.fileName, lang);
      if (drafted.status !== "drafted") return drafted;
      // The draft is the set in use from now on, as an imported one: the form is checked against it at once.
      imported = { set: indexSet(drafted.draft.set), name: drafted.outcome.download!.fileName };
      return { ...drafted.outcome, check: await check(lang) };
    },

    async score(lang, work) {
      const found = currentSet(lang);
      if (!workbook || !("set" in found)) throw new Error("no workbook or criteria set");
      try {
        // The picked bytes are never changed: the same download however often it is asked for.
        const { bytes, conflicts } = await jobs.run(
          {
            kind: "score",
            bytes: workbook.bytes,
            kept: workbook.kept,
            ...(imported ? { given: imported.set.set } : {}),
            lang,
            file: workbook.fileName,
          },
          work
        );
        return { bytes, fileName: scoredFileName(workbook.fileName), conflicts };
      } catch (error) {
        throw localized(error, lang);
      }
    },

    async compare(older, lang, work) {
      const found = currentSet(lang);
      if (!workbook || !("set" in found)) throw new Error("no workbook or criteria set");
      const open = workbook;
      try {
        const read = await jobs.run(
          { kind: "read", bytes: older.bytes },
          { ...work, onProgress: () => work?.onProgress?.({ step: "readingOther" }) }
        );
        await stepReporter(work)("comparing");
        return compareWithOlder(read, open.read, found.set, older.name, lang);
      } catch (error) {
        throw localized(error, lang);
      }
    },

    async report(lang, lastYear) {
      const previous = lastYear ? await lastYearFromFile(lastYear, lang) : undefined;
      const found = currentSet(lang);
      if (!workbook || !("set" in found)) throw new Error("no workbook or criteria set");
      const { check: checked } = checkRead(workbook.read, {
        given: found.set,
        lang,
        file: workbook.fileName,
      });
      return reportFile(found.set, checked, lang, previous);
    },

    async revert(lang) {
      if (!workbook) throw new Error("no workbook");
      try {
        // Where the person changed what the run wrote, nothing is undone (the command line can restore the rest).
        const done = await revert(xlsxWorkbookPort(workbook.bytes, workbook.read));
        if (done.status === "conflicts")
          throw new DomainError("revert-conflicts", { count: done.conflicts.length });
        return { bytes: done.reverted.bytes, fileName: revertedFileName(workbook.fileName) };
      } catch (error) {
        throw localized(error, lang);
      }
    },

    async consolidate(files, lang, options) {
      try {
        const base = { ...workbook, given: imported?.set };
        const outcome = await consolidateInBrowser(base, files, lang, options);
        // The consolidated workbook is the open one from now on (its download is the one to check and score).
        if (outcome.status === "done" && outcome.download)
          await readOpen(outcome.download.bytes, outcome.download.fileName);
        return outcome;
      } catch (error) {
        throw localized(error, lang);
      }
    },
  };
}
