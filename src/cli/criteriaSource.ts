import { promises as fs } from "fs";
import { isCriteriaSheetName } from "../core/check/sheetNames";
import { criteriaFromWorkbook } from "../core/criteria/fromWorkbook";
import { indexSet, IndexedSet } from "../core/criteria/indexed";
import { CriteriaResult, parseCriteriaJson } from "../core/criteria/validate";
import { Lang } from "../core/i18n/lang";
import { InputError } from "../core/inputError";
import { Problem } from "../core/problem";
import { WorkbookRead } from "../core/port";
import { readWorkbook } from "../xlsx/readWorkbook";
import { FileError, loadWorkbookFile, readBytes } from "./files";

/** A criteria set that was refused: every problem is printed, one line each. */
export class CriteriaRefused extends Error {
  constructor(
    readonly file: string,
    readonly problems: Problem[]
  ) {
    super(`${file}: ${problems.length} problems`);
  }
}

export async function loadCriteriaFile(file: string, lang: Lang): Promise<IndexedSet> {
  const result = await readCriteriaFile(file, lang);
  return accept(file, result);
}

export async function readCriteriaFile(file: string, lang: Lang): Promise<CriteriaResult> {
  if (/\.json$/i.test(file)) {
    const text = (await readBytes(file)).toString("utf8").replace(/^\uFEFF/, "");
    return parseCriteriaJson(text, lang);
  }
  if (/\.xlsx$/i.test(file)) {
    const wb = readWorkbook(await loadWorkbookFile(file, true));
    const result = criteriaFromWorkbook(wb, lang);
    if (!result) throw new FileError(file, new InputError("no-criteria"));
    return result;
  }
  await fs.access(file).catch(() => {
    throw new FileError(file, new InputError("file-not-found"));
  });
  throw new FileError(file, new InputError("criteria-unknown-type"));
}

/**
 * The set a workbook uses: --criteria when given, else its own "Bộ tiêu chí" sheet. A batch of unit workbooks
 * mostly carries the same sheet, so a `seen` cache keyed by the sheet's cells saves reading it again.
 */
export function criteriaForWorkbook(
  file: string,
  wb: WorkbookRead,
  given: IndexedSet | undefined,
  lang: Lang,
  seen?: Map<string, IndexedSet>
): IndexedSet {
  if (given) return given;
  const sheet = wb.sheets.find((s) => isCriteriaSheetName(s.name));
  const key =
    sheet && seen ? JSON.stringify([sheet.values, sheet.numberFormats ?? null]) : undefined;
  const hit = key !== undefined ? seen?.get(key) : undefined;
  if (hit) return hit;
  const own = criteriaFromWorkbook(wb, lang);
  if (!own) throw new FileError(file, new InputError("no-criteria"));
  const set = accept(file, own);
  if (key !== undefined) seen?.set(key, set);
  return set;
}

function accept(file: string, result: CriteriaResult): IndexedSet {
  if (!result.ok) throw new CriteriaRefused(file, result.problems);
  return indexSet(result.set);
}
