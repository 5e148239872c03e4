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
import { loadWorkbookBytes, readWorkbook } from "../../xlsx/xlsxFilePort";
import { criteriaInUse } from "../../core/usecases/criteriaInUse";
import { checkRead } from "../../core/usecases/check";
import { revert } from "../../core/usecases/revert";
import { score } from "../../core/usecases/score";
import { xlsxWorkbookPort } from "../../xlsx/xlsxWorkbookPort";
import type { Lang } from "../i18n";
import type { BrowserSession, CheckOutcome, CriteriaSource } from "../session";
import {
  checkWith,
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

interface OpenWorkbook {
  bytes: Uint8Array;
  fileName: string;
  read: WorkbookRead;
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

  const check = async (lang: Lang): Promise<CheckOutcome> => {
    const found = currentSet(lang);
    if (!("set" in found)) return found;
    if (!workbook)
      return { criteria: { status: "ok", summary: criteriaSummary(found.set, found.source) } };
    return checkWith(found.set, found.source, workbook.read, lang, workbook.fileName);
  };

  return {
    mode: "browser",

    async open(bytes, fileName, lang) {
      const seq = ++opens;
      try {
        const book = await loadWorkbookBytes(bytes, { readOnly: true });
        // A file picked after this one and read faster stays the open one.
        if (seq === opens) workbook = { bytes, fileName, read: readWorkbook(book) };
      } catch (error) {
        throw localized(error, lang);
      }
      return check(lang);
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

    async score(lang) {
      const found = currentSet(lang);
      if (!workbook || !("set" in found)) throw new Error("no workbook or criteria set");
      try {
        // The picked bytes are never changed: the same download however often it is asked for.
        const port = xlsxWorkbookPort(workbook.bytes, workbook.read);
        // The picked file is never changed, so typed values are replaced without asking (listed after).
        const done = await score(port, {
          given: found.set,
          lang,
          file: workbook.fileName,
          confirmTypedCells: () => true,
        });
        if (done.status !== "written") throw new Error("typed cells not confirmed");
        return {
          bytes: done.applied.bytes,
          fileName: scoredFileName(workbook.fileName),
          conflicts: done.scored.conflicts.map((c) => ({
            sheet: c.sheet,
            cell: c.cell,
            value: c.value,
            formula: c.formula,
          })),
        };
      } catch (error) {
        throw localized(error, lang);
      }
    },

    async compare(older, lang) {
      const found = currentSet(lang);
      if (!workbook || !("set" in found)) throw new Error("no workbook or criteria set");
      try {
        const book = await loadWorkbookBytes(older.bytes, { readOnly: true });
        return compareWithOlder(readWorkbook(book), workbook.read, found.set, older.name, lang);
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
        if (outcome.status === "done" && outcome.download) {
          const { bytes, fileName } = outcome.download;
          const read = readWorkbook(await loadWorkbookBytes(bytes, { readOnly: true }));
          opens++;
          workbook = { bytes, fileName, read };
        }
        return outcome;
      } catch (error) {
        throw localized(error, lang);
      }
    },
  };
}
