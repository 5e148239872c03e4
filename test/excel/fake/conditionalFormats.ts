/**
 * Conditional formats (custom, formula-based ones only), as Office.js documents them:
 *
 * - A sheet's rules are one list in priority order, index 0 the highest. `ConditionalFormat.id` is "the
 *   priority of the conditional format in the current ConditionalFormatCollection" and `priority` is "the
 *   priority (or index) within the conditional format collection … Changing this also changes other
 *   conditional formats' priorities" (Excel.ConditionalFormat, ExcelApi 1.6). So an id is a position: it
 *   shifts when a rule above it is deleted or added, and getItem(id) with an id read earlier finds whatever
 *   rule is at that position now, or fails with ItemNotFound past the end (as office-js issue #5222 shows
 *   for getItemAt after rules changed).
 * - `add(type)` "Adds a new conditional format to the collection at the first/top priority"
 *   (Excel.ConditionalFormatCollection): every existing rule moves down one.
 * - Reading some rules throws: office-js issues #6827 (two cellValue rules on one range: reading the rules
 *   "throws error") and #6835 (a duplicated rule: "office-js fails to read the newly inserted rules
 *   properties … The code yields exceptions"). The reports do not give the error code; the fake throws
 *   GeneralException when a load touches a rule a test marked `unreadable`, from the collection or by id,
 *   including its ranges.
 * - A rule formula Excel does not accept is refused when it is set (see formulaRules).
 */
import { areaText, intersects, parseAreaAddress } from "./address";
import { bytesOf } from "./bytes";
import type { FakeContext } from "./context";
import { OfficeError } from "./errors";
import { ruleFormulaProblem } from "./formulaRules";
import { Loadable } from "./loadable";
import { FakeConditionalFormat, FakeSheet } from "./model";
import { AreasTarget, FakeRangeAreas } from "./rangeAreas";

interface Resolved {
  sheet: FakeSheet;
  cf: FakeConditionalFormat;
}

function unreadable(cf: FakeConditionalFormat): OfficeError {
  return new OfficeError(
    "GeneralException",
    `a conditional format over ${cf.ranges.join(",")} cannot be read (office-js #6827, #6835)`
  );
}

function dataOf(cf: FakeConditionalFormat, id: number): Record<string, unknown> {
  if (cf.unreadable) throw unreadable(cf);
  const custom = {
    rule: { formula: cf.formula ?? null },
    format: {
      fill: { color: cf.fill ?? null },
      font: { color: cf.fontColor ?? null, bold: cf.bold ?? null },
    },
  };
  return { id: String(id), priority: id, type: "Custom", custom, customOrNullObject: custom };
}

export class FakeConditionalFormatCollection extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly at: () => AreasTarget
  ) {
    super(ctx);
  }

  /** The rules overlapping the range, in the sheet's priority order: a rule's id is its index here. */
  private inScope(): FakeConditionalFormat[] {
    const { sheet, areas } = this.at();
    return sheet.conditionalFormats.filter((cf) =>
      cf.ranges.some((r) => areas.some((a) => intersects(parseAreaAddress(r), a)))
    );
  }

  protected data(): Record<string, unknown> {
    return { items: this.inScope().map((cf, i) => dataOf(cf, i)) };
  }

  get items(): unknown[] {
    return this.read("items");
  }

  getCount(): { value: number } {
    const result: { value?: number } = {};
    this.ctx.enqueue(8, () => ({ bytes: 8, commit: () => (result.value = this.inScope().length) }));
    return {
      get value(): number {
        if (result.value === undefined) throw new OfficeError("InvalidOperation", "not synced");
        return result.value;
      },
    };
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
      this.ctx.book.throwIfRefused("conditionalFormats.add");
      const { sheet, areas } = this.at();
      if (sheet.protected) throw new OfficeError("AccessDenied", "protected");
      const cf: FakeConditionalFormat = { ranges: areas.map(areaText) };
      sheet.conditionalFormats.unshift(cf); // "at the first/top priority"
      return { sheet, cf };
    });
  }

  /** The rule at position `id` of this collection when the call runs, whichever rule that is by then. */
  getItem(id: string): FakeConditionalFormatProxy {
    return new FakeConditionalFormatProxy(this.ctx, () => {
      const { sheet } = this.at();
      const index = /^\d+$/.test(id) ? Number(id) : -1;
      const cf = this.inScope()[index];
      if (!cf) throw new OfficeError("ItemNotFound", `no conditional format ${id}`);
      return { sheet, cf };
    });
  }
}

class FakeConditionalFormatProxy extends Loadable {
  private target?: Resolved;
  readonly custom: {
    rule: { formula: string };
    format: { fill: { color: string }; font: { color: string; bold: boolean } };
  };

  constructor(ctx: FakeContext, resolve: () => Resolved) {
    super(ctx);
    ctx.enqueue(32, () => {
      this.target = resolve();
      return this.resolved();
    });
    // Each property sets through the queue and reads what a load of "custom/…" brought.
    const set = (path: string[], apply: (cf: FakeConditionalFormat, v: never) => void) => ({
      set: (v: never) => ctx.enqueue(bytesOf(v), () => apply(this.cf(), v)),
      get: () =>
        path.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], this.read("custom")),
    });
    this.custom = {
      rule: Object.defineProperties(
        {},
        {
          formula: set(["rule", "formula"], (cf, v: string) => {
            const problem = ruleFormulaProblem(v);
            if (problem) throw new OfficeError("InvalidArgument", `conditional format: ${problem}`);
            cf.formula = v;
          }),
        }
      ) as { formula: string },
      format: {
        fill: Object.defineProperties(
          {},
          { color: set(["format", "fill", "color"], (cf, v: string) => (cf.fill = v)) }
        ) as {
          color: string;
        },
        font: Object.defineProperties(
          {},
          {
            color: set(["format", "font", "color"], (cf, v: string) => (cf.fontColor = v)),
            bold: set(["format", "font", "bold"], (cf, v: boolean) => (cf.bold = v)),
          }
        ) as { color: string; bold: boolean },
      },
    };
  }

  private cf(): FakeConditionalFormat {
    if (!this.target) throw new OfficeError("InvalidOperation", "conditional format not resolved");
    return this.target.cf;
  }

  protected data(): Record<string, unknown> {
    const { sheet, cf } = this.target!;
    return dataOf(cf, sheet.conditionalFormats.indexOf(cf));
  }

  get id(): string {
    return this.read("id");
  }
  get priority(): number {
    return this.read("priority");
  }
  get type(): string {
    return this.read("type");
  }
  get customOrNullObject(): unknown {
    return this.read("customOrNullObject");
  }

  delete(): void {
    this.ctx.enqueue(8, () => {
      const { sheet, cf } = this.target!;
      if (sheet.protected) throw new OfficeError("AccessDenied", "protected");
      sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => c !== cf);
    });
  }

  getRanges(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => {
      const cf = this.cf();
      if (cf.unreadable) throw unreadable(cf);
      return { sheet: this.target!.sheet, areas: cf.ranges.map(parseAreaAddress) };
    });
  }
}
