import { isCriteriaSheetName } from "../check/sheetNames";
import { Lang } from "../i18n/lang";
import { WorkbookRead } from "../port";
import { rowsToCriteria } from "./sheetForm";
import { CriteriaResult } from "./validate";

/** The set a workbook carries in its "Bộ tiêu chí" (or "Criteria") sheet, if it has one. */
export function criteriaFromWorkbook(wb: WorkbookRead, lang: Lang): CriteriaResult | undefined {
  const grid = wb.sheets.find((s) => isCriteriaSheetName(s.name));
  return grid ? rowsToCriteria(grid, lang) : undefined;
}
