import { foldText } from "../text/normalize";

export const CRITERIA_SHEET = "Bộ tiêu chí";
export const SUMMARY_SHEET = "Tổng hợp";

const CRITERIA_NAMES = new Set(["bo tieu chi", "criteria"]);
const SUMMARY_NAMES = new Set(["tong hop", "summary"]);

export function isCriteriaSheetName(name: string): boolean {
  return CRITERIA_NAMES.has(foldText(name));
}

export function isSummarySheetName(name: string): boolean {
  return SUMMARY_NAMES.has(foldText(name));
}
