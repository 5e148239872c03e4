import { VALIDATION_ERROR_MAX_CHARS, VALIDATION_PROMPT_MAX_CHARS } from "../core/excelRules/limits";
import { validationRule as coreValidationRule } from "../core/plan/validationRule";
import { ValidationWrite } from "../core/port";
import { SavedValidation } from "../core/snapshot/snapshot";
import { opBytes, WriteOp } from "./writeBatches";

function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + "…";
}

/**
 * The rule for a validation, as core gives it (core/plan/validationRule); formulas are relative to the first
 * area's top-left cell. A list's source is a name over the data sheet's cells ("=_cchc.list.1"): a string source
 * may be a formula (docs/excel/excel-add-ins-data-validation.md: `source: "=Names!$A$1:$A$3"`), and the picked
 * item is then the cell's number in any locale.
 */
export function validationRule(v: ValidationWrite): Excel.DataValidationRule {
  const rule = coreValidationRule(v);
  if (rule.kind === "list") return { list: { inCellDropDown: true, source: "=" + rule.source } };
  if (rule.kind === "custom") return { custom: { formula: "=" + rule.formula } };
  return {
    decimal: {
      formula1: rule.min,
      formula2: rule.max,
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
        dv.prompt = {
          showPrompt: true,
          title: "",
          message: clip(v.prompt, VALIDATION_PROMPT_MAX_CHARS),
        };
      // Without an errorAlert Excel refuses a value not in the rule (showAlert "The default is true", style Stop:
      // Excel.DataValidationErrorAlert): a warning is set explicitly.
      const warning = v.kind === "list" && v.alert === "warning";
      if (v.error || warning)
        dv.errorAlert = {
          showAlert: true,
          style: (warning ? "Warning" : "Stop") as Excel.DataValidationAlertStyle,
          title: "",
          message: clip(v.error ?? "", VALIDATION_ERROR_MAX_CHARS),
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
      // null: Office.js gave no value for it (the snapshot's type says so since it comes from the schema).
      if (previous.ignoreBlanks != null) dv.ignoreBlanks = previous.ignoreBlanks;
      if (previous.prompt) dv.prompt = previous.prompt as Excel.DataValidationPrompt;
      if (previous.errorAlert)
        dv.errorAlert = previous.errorAlert as Excel.DataValidationErrorAlert;
    },
  };
}
