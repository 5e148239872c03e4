import { CRITERIA_SHEET } from "../../check/sheetNames";
import { WritePlan } from "../../port";
import { criteriaSheetPlan } from "../sheetPlan";
import { Draft } from "./draft";
import { draftToRows } from "./draftRows";

/**
 * A draft written as the "Bộ tiêu chí" sheet with its "Cần xác nhận" column after the set's own: the plan the
 * command line, the add-in and the browser mode write alike.
 */
export function draftSheetPlan(draft: Draft): WritePlan {
  return criteriaSheetPlan(draft.set, CRITERIA_SHEET, {
    rows: draftToRows(draft),
    extraWidths: [48],
  });
}
