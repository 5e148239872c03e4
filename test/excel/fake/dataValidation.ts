import { cellsOf } from "./address";
import { bytesOf } from "./bytes";
import type { FakeContext } from "./context";
import { OfficeError } from "./errors";
import { Loadable } from "./loadable";
import { FakeSheet, FakeValidation } from "./model";
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
      const { sheet, keys } = this.cells();
      if (sheet.protected) throw new OfficeError("AccessDenied", "protected");
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
      if (
        typeof v === "object" &&
        v &&
        "message" in v &&
        String((v as { message: string }).message).length > 255
      )
        throw new OfficeError("InvalidArgument", "message over 255 characters");
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
