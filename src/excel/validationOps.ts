import { isMark } from "../core/plan/expressions";
import { ValidationWrite } from "../core/port";
import { SavedValidation } from "../core/snapshot/snapshot";
import { parseArea } from "../core/sheet/address";
import { a1 } from "../core/sheet/address";
import { opBytes, WriteOp } from "./writeBatches";

/**
 * Excel's lengths for validation texts: a prompt of 255 characters, an error message of 225, titles of 32
 * (MS-XLSB 2.5.37 DValStrings); an inline list of 255. The error stays at 224, what Office writes into an
 * .xlsx (MS-OI29500 2.1.613), so the message survives a save whole. Titles are not used.
 */
const PROMPT_MAX = 255;
const ERROR_MAX = 224;
const LIST_SOURCE_MAX = 255;

function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + "…";
}

function orOf(tests: string[]): string {
  if (tests.length <= 255) return `OR(${tests.join(",")})`;
  const parts: string[] = [];
  for (let i = 0; i < tests.length; i += 255) parts.push(orOf(tests.slice(i, i + 255)));
  return orOf(parts);
}

/** The rule for a validation; formulas are relative to the first area's top-left cell. */
export function validationRule(v: ValidationWrite): Excel.DataValidationRule {
  const first = parseArea(v.ranges[0]);
  const ref = a1(first.top, first.left);
  if (v.kind === "list") {
    // ListDataValidation.source is always comma-separated, whatever the user's locale (office-js issue #2128):
    // numbers are written with "." as JavaScript prints them.
    const items = v.values.map(String);
    const source = items.join(",");
    if (source.length <= LIST_SOURCE_MAX && !items.some((i) => /[,"]/.test(i)))
      return { list: { inCellDropDown: true, source } };
    // A validation formula may not hold an array constant (MS-XLSB DVParsedFormula: no PtgArray), so the
    // values are compared one by one; a function takes at most 255 arguments, hence ORs of ORs.
    const tests = v.values.map(
      (x) => `${ref}=${typeof x === "number" ? String(x) : `"${x.replace(/"/g, '""')}"`}`
    );
    return { custom: { formula: `=${orOf(tests)}` } };
  }
  if (v.orText?.length)
    return {
      custom: {
        formula: `=OR(AND(ISNUMBER(${ref}),${ref}>=${v.min},${ref}<=${v.max}),${isMark(ref)})`,
      },
    };
  return {
    decimal: {
      formula1: v.min,
      formula2: v.max,
      operator: "Between" as Excel.DataValidationOperator,
    },
  };
}

/** Clears whatever validation the areas had, then sets ours: a second run leaves the same rule, not two. */
export function validationOp(v: ValidationWrite): WriteOp {
  const rule = validationRule(v);
  return {
    bytes: opBytes(8, v, rule),
    queue: (batch) => {
      const dv = batch.sheet(v.sheet).getRanges(v.ranges.join(", ")).dataValidation;
      dv.clear();
      dv.rule = rule;
      dv.ignoreBlanks = true;
      if (v.prompt)
        dv.prompt = { showPrompt: true, title: "", message: clip(v.prompt, PROMPT_MAX) };
      if (v.error)
        dv.errorAlert = {
          showAlert: true,
          style: "Stop" as Excel.DataValidationAlertStyle,
          title: "",
          message: clip(v.error, ERROR_MAX),
        };
    },
  };
}

export function restoreValidationOp(
  sheet: string,
  ranges: string[],
  previous: SavedValidation | undefined
): WriteOp {
  return {
    bytes: opBytes(8, ranges, previous),
    queue: (batch) => {
      const dv = batch.sheet(sheet).getRanges(ranges.join(", ")).dataValidation;
      dv.clear();
      if (!previous) return;
      // The saved JSON is Office.js's own DataValidation shape (see SavedValidation).
      if (Object.keys(previous.rule).length) dv.rule = previous.rule as Excel.DataValidationRule;
      if (previous.ignoreBlanks !== undefined) dv.ignoreBlanks = previous.ignoreBlanks;
      if (previous.prompt) dv.prompt = previous.prompt as Excel.DataValidationPrompt;
      if (previous.errorAlert)
        dv.errorAlert = previous.errorAlert as Excel.DataValidationErrorAlert;
    },
  };
}
