import { MARKS_NAME } from "../owned/names";
import { MARK_TEXTS } from "./dataSheet";

/**
 * The not-applicable test as versions before the data sheet wrote it, an array constant of the marks (which
 * Excel refuses in a rule): such a rule from an earlier run is ours too, and is replaced, not kept beside ours.
 */
const LEGACY_MARKS = `{${MARK_TEXTS.map((m) => `"${m}"`).join(",")}}`;

/**
 * Our conditional formats are known by their formula: the same formula on the same sheet is the rule an earlier
 * run added. Compared without "=" and spaces, as hosts give them back either way.
 */
export function ruleFormulaKey(formula: string): string {
  return formula.replace(/^=/, "").split(LEGACY_MARKS).join(MARKS_NAME).replace(/\s+/g, "");
}
