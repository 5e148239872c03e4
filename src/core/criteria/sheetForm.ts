/**
 * The criteria set as a worksheet (docs/contracts/criteria-set.md, "The sheet form"): labelled settings rows, a header row, one row
 * per node depth-first, then the adjustments. criteriaToRows writes it (sheetWrite); rowsToCriteria reads it back
 * (sheetRead) and validates it exactly as the JSON form is validated. The layout is in sheetLayout, the rule
 * parameter text in ruleParams.
 */
export { CRITERIA_SHEET_NAME, type CriteriaSheetCell } from "./sheetLayout";
export { criteriaToRows } from "./sheetWrite";
export { rowsToCriteria } from "./sheetRead";
