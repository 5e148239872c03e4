import { areaText, intersects, parseAreaAddress } from "./address";
import { bytesOf } from "./bytes";
import type { FakeContext } from "./context";
import { OfficeError, PropertyNotLoadedError } from "./errors";
import { Loadable } from "./loadable";
import { FakeConditionalFormat, FakeSheet } from "./model";
import { AreasTarget, FakeRangeAreas } from "./rangeAreas";

export class FakeConditionalFormatCollection extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly at: () => AreasTarget
  ) {
    super(ctx);
  }

  private inScope(): FakeConditionalFormat[] {
    const { sheet, areas } = this.at();
    return sheet.conditionalFormats.filter((cf) =>
      cf.ranges.some((r) => areas.some((a) => intersects(parseAreaAddress(r), a)))
    );
  }

  protected data(): Record<string, unknown> {
    return {
      items: this.inScope().map((cf) => {
        const custom = {
          rule: { formula: cf.formula ?? null },
          format: {
            fill: { color: cf.fill ?? null },
            font: { color: cf.fontColor ?? null, bold: cf.bold ?? null },
          },
        };
        return { id: cf.id, type: "Custom", custom, customOrNullObject: custom };
      }),
    };
  }

  get items(): unknown[] {
    return this.read("items");
  }

  clearAll(): void {
    this.ctx.enqueue(8, () => {
      const { sheet } = this.at();
      if (sheet.protected) throw new OfficeError("AccessDenied", "protected");
      const gone = new Set(this.inScope());
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !gone.has(cf));
    });
  }

  add(type: string): FakeConditionalFormatProxy {
    return new FakeConditionalFormatProxy(this.ctx, () => {
      if (type !== "Custom") throw new Error("the fake models custom conditional formats only");
      const { sheet, areas } = this.at();
      if (sheet.protected) throw new OfficeError("AccessDenied", "protected");
      const cf: FakeConditionalFormat = { id: this.ctx.book.newId(), ranges: areas.map(areaText) };
      sheet.conditionalFormats.push(cf);
      return { sheet, cf };
    });
  }

  getItem(id: string): FakeConditionalFormatProxy {
    return new FakeConditionalFormatProxy(this.ctx, () => {
      const { sheet } = this.at();
      const cf = this.inScope().find((c) => c.id === id);
      if (!cf) throw new OfficeError("ItemNotFound", `no conditional format ${id}`);
      return { sheet, cf };
    });
  }
}

class FakeConditionalFormatProxy {
  private target?: { sheet: FakeSheet; cf: FakeConditionalFormat };
  readonly custom: {
    rule: { formula: string };
    format: { fill: { color: string }; font: { color: string; bold: boolean } };
  };

  constructor(
    private readonly ctx: FakeContext,
    resolve: () => { sheet: FakeSheet; cf: FakeConditionalFormat }
  ) {
    ctx.enqueue(32, () => {
      this.target = resolve();
    });
    const set = (apply: (cf: FakeConditionalFormat, v: never) => void) => ({
      set: (v: never) => ctx.enqueue(bytesOf(v), () => apply(this.cf(), v)),
      get: () => {
        throw new PropertyNotLoadedError("not loaded");
      },
    });
    this.custom = {
      rule: Object.defineProperties({}, { formula: set((cf, v: string) => (cf.formula = v)) }) as {
        formula: string;
      },
      format: {
        fill: Object.defineProperties({}, { color: set((cf, v: string) => (cf.fill = v)) }) as {
          color: string;
        },
        font: Object.defineProperties(
          {},
          {
            color: set((cf, v: string) => (cf.fontColor = v)),
            bold: set((cf, v: boolean) => (cf.bold = v)),
          }
        ) as { color: string; bold: boolean },
      },
    };
  }

  private cf(): FakeConditionalFormat {
    if (!this.target) throw new OfficeError("InvalidOperation", "conditional format not resolved");
    return this.target.cf;
  }

  delete(): void {
    this.ctx.enqueue(8, () => {
      const { sheet, cf } = this.target!;
      sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => c !== cf);
    });
  }

  getRanges(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => ({
      sheet: this.target!.sheet,
      areas: this.cf().ranges.map(parseAreaAddress),
    }));
  }
}
