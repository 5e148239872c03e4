import type { DataValidation } from "exceljs";
import { SavedBasicRule, SavedValidation, SavedValidationRule } from "../core/snapshot/snapshot";
import { dateToSerial, serialToDate } from "../core/sheet/serialDate";

/** Between ExcelJS's data validation of one cell and the snapshot's (Office.js-shaped) SavedValidation. */

type Operator = NonNullable<DataValidation["operator"]>;
const OPERATORS: [Operator, string][] = [
  ["between", "Between"],
  ["notBetween", "NotBetween"],
  ["equal", "EqualTo"],
  ["notEqual", "NotEqualTo"],
  ["greaterThan", "GreaterThan"],
  ["lessThan", "LessThan"],
  ["greaterThanOrEqual", "GreaterThanOrEqualTo"],
  ["lessThanOrEqual", "LessThanOrEqualTo"],
];
const TO_OFFICE = new Map(OPERATORS);
const FROM_OFFICE = new Map(OPERATORS.map(([x, o]) => [o, x]));

/** ExcelJS reads and writes "time" and "any" too; its typings leave them out. */
type ValidationType = DataValidation["type"] | "time" | "any";
type BasicKind = "wholeNumber" | "decimal" | "date" | "time" | "textLength";
const BASIC: [ValidationType, BasicKind][] = [
  ["whole", "wholeNumber"],
  ["decimal", "decimal"],
  ["date", "date"],
  ["time", "time"],
  ["textLength", "textLength"],
];
const ALERT_STYLES: [string, string][] = [
  ["stop", "Stop"],
  ["warning", "Warning"],
  ["information", "Information"],
];

function formulaOut(f: unknown): string | number {
  if (f instanceof Date) return dateToSerial(f);
  return typeof f === "number" ? f : String(f ?? "");
}

/** A cell's validation as the snapshot keeps it; undefined where there is none. */
export function savedValidationOf(dv: DataValidation | undefined): SavedValidation | undefined {
  if (!dv) return undefined;
  const f = dv.formulae ?? [];
  let rule: SavedValidationRule = {};
  if (dv.type === "list") {
    const first = String(f[0] ?? "");
    const literal = first.startsWith('"') && first.endsWith('"') && first.length >= 2;
    rule = {
      list: {
        inCellDropDown: true,
        source: literal ? first.slice(1, -1).replace(/""/g, '"') : "=" + first,
      },
    };
  } else if (dv.type === "custom") {
    rule = { custom: { formula: "=" + String(f[0] ?? "") } };
  } else {
    const kind = BASIC.find(([t]) => t === (dv.type as ValidationType))?.[1];
    if (kind) {
      const basic: SavedBasicRule = {
        operator: TO_OFFICE.get(dv.operator ?? "between") ?? "Between",
        formula1: formulaOut(f[0]),
        ...(f.length > 1 ? { formula2: formulaOut(f[1]) } : {}),
      };
      rule = { [kind]: basic };
    }
  }
  const saved: SavedValidation = { rule, ignoreBlanks: dv.allowBlank ?? false };
  if (dv.showInputMessage || dv.prompt || dv.promptTitle)
    saved.prompt = {
      showPrompt: Boolean(dv.showInputMessage),
      title: dv.promptTitle ?? "",
      message: dv.prompt ?? "",
    };
  if (dv.showErrorMessage || dv.error || dv.errorTitle)
    saved.errorAlert = {
      showAlert: Boolean(dv.showErrorMessage),
      ...(dv.errorStyle
        ? { style: ALERT_STYLES.find(([x]) => x === dv.errorStyle)?.[1] ?? "Stop" }
        : {}),
      title: dv.errorTitle ?? "",
      message: dv.error ?? "",
    };
  return saved;
}

const bare = (f: string | number | undefined) => (typeof f === "string" ? f.replace(/^=/, "") : f);

/** The ExcelJS validation that puts a saved one back. */
export function validationOfSaved(saved: SavedValidation): DataValidation {
  const { rule } = saved;
  const extra = {
    allowBlank: saved.ignoreBlanks ?? true,
    ...(saved.prompt
      ? {
          showInputMessage: saved.prompt.showPrompt ?? true,
          promptTitle: saved.prompt.title ?? "",
          prompt: saved.prompt.message ?? "",
        }
      : {}),
    ...(saved.errorAlert
      ? {
          showErrorMessage: saved.errorAlert.showAlert ?? true,
          ...(saved.errorAlert.style
            ? {
                errorStyle:
                  ALERT_STYLES.find(([, o]) => o === saved.errorAlert?.style)?.[0] ?? "stop",
              }
            : {}),
          errorTitle: saved.errorAlert.title ?? "",
          error: saved.errorAlert.message ?? "",
        }
      : {}),
  };
  if (rule.list) {
    const source = rule.list.source;
    return {
      ...extra,
      type: "list",
      formulae: [source.startsWith("=") ? source.slice(1) : `"${source.replace(/"/g, '""')}"`],
    };
  }
  if (rule.custom) return { ...extra, type: "custom", formulae: [bare(rule.custom.formula)] };
  for (const [type, kind] of BASIC) {
    const basic = rule[kind];
    if (!basic) continue;
    const formulae = [
      basic.formula1,
      ...(basic.formula2 !== undefined && basic.formula2 !== null ? [basic.formula2] : []),
    ]
      .map(bare)
      .map((x) => (type === "date" && typeof x === "number" ? serialToDate(x) : x));
    return {
      ...extra,
      type: type as DataValidation["type"],
      operator: FROM_OFFICE.get(basic.operator) ?? "between",
      formulae,
    };
  }
  return { ...extra, type: "any" as ValidationType as DataValidation["type"], formulae: [] };
}
