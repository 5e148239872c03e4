/**
 * Range/RangeAreas.dataValidation (ExcelApi 1.8). Office.js's pages give no lengths; Excel's own limits,
 * which any way of setting a validation meets:
 * - titles (prompt and error alert) at most 32 characters, the error message at most 225, the prompt
 *   message at most 255: MS-XLSB 2.5.37 DValStrings ("the length of this string MUST be less than or equal
 *   to 32 / 225 / 255 characters"). MS-OI29500 2.1.613 (dataValidation) says Office writes at most 224
 *   characters of the error into an .xlsx, so the adapter stays at 224; the fake refuses past 225.
 * - an inline list source at most 255 characters: the list is one string constant of the formula (MS-XLS
 *   2.5.198.9 DVParsedFormula, a PtgStr of at most 255 characters); Excel's dialog refuses longer lists.
 * - rule formulas (custom formula, a list source given as a formula, formula1/formula2): see formulaRules.
 * Office.js's error for these is not documented; the fake gives InvalidArgument.
 */
import { cellsOf } from "./address";
import { bytesOf } from "./bytes";
import type { FakeContext } from "./context";
import { OfficeError } from "./errors";
import { Loadable } from "./loadable";
import { ruleFormulaProblem } from "./formulaRules";
import { FakeSheet, FakeValidation } from "./model";

export const VALIDATION_TITLE_MAX = 32;
export const VALIDATION_ERROR_MAX = 225;
export const VALIDATION_PROMPT_MAX = 255;
export const LIST_SOURCE_MAX = 255;

function ruleProblem(rule: Excel.DataValidationRule): string | undefined {
  const formulas: unknown[] = [];
  if (rule.custom) formulas.push(rule.custom.formula);
  for (const basic of [rule.decimal, rule.wholeNumber, rule.textLength])
    if (basic) formulas.push(basic.formula1, basic.formula2);
  for (const dt of [rule.date, rule.time]) if (dt) formulas.push(dt.formula1, dt.formula2);
  if (rule.list) {
    const source = rule.list.source;
    if (typeof source !== "string") return "the fake models list sources given as text only";
    if (source.startsWith("=")) formulas.push(source);
    else if (source.length > LIST_SOURCE_MAX)
      return `a list source of ${source.length} characters (max ${LIST_SOURCE_MAX})`;
  }
  for (const f of formulas) {
    if (typeof f !== "string" || !f.startsWith("=")) continue;
    const problem = ruleFormulaProblem(f);
    if (problem) return problem;
  }
  return undefined;
}

function textProblem(
  key: "prompt" | "errorAlert",
  v: { title?: string; message?: string }
): string | undefined {
  const messageMax = key === "prompt" ? VALIDATION_PROMPT_MAX : VALIDATION_ERROR_MAX;
  if ((v.title ?? "").length > VALIDATION_TITLE_MAX)
    return `${key} title of ${v.title!.length} characters (max ${VALIDATION_TITLE_MAX})`;
  if ((v.message ?? "").length > messageMax)
    return `${key} message of ${v.message!.length} characters (max ${messageMax})`;
  return undefined;
}
import type { AreasTarget } from "./rangeAreas";

export class FakeDataValidation extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly at: () => AreasTarget
  ) {
    super(ctx);
  }

  private cells(): { sheet: FakeSheet; keys: string[] } {
    const { sheet, areas } = this.at();
    return { sheet, keys: cellsOf(areas).map(([r, c]) => `${r},${c}`) };
  }

  protected data(): Record<string, unknown> {
    const { sheet, keys } = this.cells();
    const all = keys.map((k) => sheet.validations.get(k));
    const set = all.filter((v): v is FakeValidation => v !== undefined);
    const first = set[0];
    const same = set.every((v) => JSON.stringify(v) === JSON.stringify(first));
    const type = !set.length
      ? "None"
      : set.length < all.length
        ? "MixedCriteria"
        : !same
          ? "Inconsistent"
          : first.rule?.list
            ? "List"
            : first.rule?.decimal
              ? "Decimal"
              : first.rule?.custom
                ? "Custom"
                : "None";
    const uniform = set.length === all.length && same && first;
    return {
      type,
      rule: uniform ? (first.rule ?? null) : null,
      prompt: uniform ? (first.prompt ?? null) : null,
      errorAlert: uniform ? (first.errorAlert ?? null) : null,
      ignoreBlanks: uniform ? (first.ignoreBlanks ?? true) : null,
    };
  }

  get type(): string {
    return this.read("type");
  }
  get rule(): Excel.DataValidationRule {
    return this.read("rule");
  }
  set rule(rule: Excel.DataValidationRule) {
    this.ctx.enqueue(bytesOf(rule), () => {
      this.ctx.book.throwIfRefused("dataValidation.rule");
      const { sheet, keys } = this.cells();
      if (sheet.protected) throw new OfficeError("AccessDenied", "protected");
      const problem = ruleProblem(rule);
      if (problem) throw new OfficeError("InvalidArgument", `data validation: ${problem}`);
      // Conservative: the adapter must clear before it sets, so a rule never lands on top of another.
      if (keys.some((k) => sheet.validations.get(k)?.rule))
        throw new OfficeError("InvalidOperation", "data validation already set; clear() first");
      for (const k of keys)
        sheet.validations.set(k, {
          ...sheet.validations.get(k),
          rule: JSON.parse(JSON.stringify(rule)),
        });
    });
  }
  get prompt(): Excel.DataValidationPrompt {
    return this.read("prompt");
  }
  set prompt(v: Excel.DataValidationPrompt) {
    this.setEach("prompt", v);
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.read("errorAlert");
  }
  set errorAlert(v: Excel.DataValidationErrorAlert) {
    this.setEach("errorAlert", v);
  }
  get ignoreBlanks(): boolean {
    return this.read("ignoreBlanks");
  }
  set ignoreBlanks(v: boolean) {
    this.setEach("ignoreBlanks", v);
  }

  private setEach(key: keyof FakeValidation, v: unknown): void {
    this.ctx.enqueue(bytesOf(v), () => {
      if ((key === "prompt" || key === "errorAlert") && v && typeof v === "object") {
        const problem = textProblem(key, v);
        if (problem) throw new OfficeError("InvalidArgument", `data validation: ${problem}`);
      }
      const { sheet, keys } = this.cells();
      for (const k of keys) sheet.validations.set(k, { ...sheet.validations.get(k), [key]: v });
    });
  }

  clear(): void {
    this.ctx.enqueue(8, () => {
      const { sheet, keys } = this.cells();
      for (const k of keys) sheet.validations.delete(k);
    });
  }
}
