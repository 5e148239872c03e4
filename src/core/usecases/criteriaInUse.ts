import { isCriteriaSheetName } from "../check/sheetNames";
import { criteriaFromWorkbook } from "../criteria/fromWorkbook";
import { indexSet, IndexedSet } from "../criteria/indexed";
import { DomainError } from "../errors/domainError";
import { Lang } from "../i18n/lang";
import { WorkbookRead } from "../port";

export interface CriteriaOptions {
  /** A set chosen by the person (--criteria, an imported file): it wins over the workbook's own sheet. */
  given?: IndexedSet;
  lang: Lang;
  /**
   * Sets already read from criteria sheets, keyed by the sheet's cells: a batch of unit workbooks mostly carries
   * the same sheet, which is then read once.
   */
  seen?: Map<string, IndexedSet>;
}

export interface CriteriaInUse {
  set: IndexedSet;
  /** The workbook's criteria sheet it came from; absent for a given set. */
  sheet?: string;
}

/**
 * Which criteria set applies to a workbook: the given one, else the workbook's own "Bộ tiêu chí" (or
 * "Criteria") sheet. None: DomainError "no-criteria"; a sheet that does not validate: "criteria-refused", with
 * its problems and the sheet's name.
 */
export function criteriaInUse(read: WorkbookRead, options: CriteriaOptions): CriteriaInUse {
  if (options.given) return { set: options.given };
  const grid = read.sheets.find((s) => isCriteriaSheetName(s.name));
  if (!grid) throw new DomainError("no-criteria");
  const key = options.seen ? JSON.stringify([grid.values, grid.numberFormats ?? null]) : undefined;
  const hit = key !== undefined ? options.seen?.get(key) : undefined;
  if (hit) return { set: hit, sheet: grid.name };
  const own = criteriaFromWorkbook(read, options.lang);
  if (!own) throw new DomainError("no-criteria");
  if (!own.ok)
    throw new DomainError("criteria-refused", {
      count: own.problems.length,
      sheet: grid.name,
      problems: own.problems,
    });
  const set = indexSet(own.set);
  if (key !== undefined) options.seen?.set(key, set);
  return { set, sheet: grid.name };
}
