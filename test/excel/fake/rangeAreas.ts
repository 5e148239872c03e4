import { addressOf } from "./address";
import { FakeConditionalFormatCollection } from "./conditionalFormats";
import type { FakeContext } from "./context";
import { FakeDataValidation } from "./dataValidation";
import { OfficeError } from "./errors";
import { Loadable } from "./loadable";
import { Area, FakeSheet } from "./model";

export interface AreasTarget {
  sheet: FakeSheet;
  areas: Area[];
}

export class FakeRangeAreas extends Loadable {
  private target?: AreasTarget;
  readonly conditionalFormats: FakeConditionalFormatCollection;
  readonly dataValidation: FakeDataValidation;

  constructor(ctx: FakeContext, resolve: () => AreasTarget | null) {
    super(ctx);
    ctx.enqueue(32, () => {
      const t = resolve();
      if (t) this.target = t;
      else this.isNull = true;
      return this.resolved();
    });
    this.conditionalFormats = new FakeConditionalFormatCollection(ctx, () => this.at());
    this.dataValidation = new FakeDataValidation(ctx, () => this.at());
  }

  at(): AreasTarget {
    if (!this.target)
      throw new OfficeError("InvalidOperation", "range areas not resolved (null object?)");
    return this.target;
  }

  protected data(): Record<string, unknown> {
    const { sheet, areas } = this.at();
    return { address: areas.map((a) => addressOf(sheet, a)).join(", "), areaCount: areas.length };
  }

  get address(): string {
    return this.read("address");
  }
}
