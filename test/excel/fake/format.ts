/** Range formatting: font, fill, wrap, alignment and column width, each over the range's cells. */
import { bytesOf } from "./bytes";
import type { FakeContext } from "./context";
import { OfficeError } from "./errors";
import { Loadable } from "./loadable";
import { STYLE_DEFAULTS } from "./model";
import type { RangeTarget } from "./range";

/** Writes one style key over the range's cells (queued); null deletes it (a clear). */
function styleWrite(ctx: FakeContext, at: () => RangeTarget, key: string, v: unknown): void {
  ctx.enqueue(bytesOf(v) + key.length, () => {
    const { sheet, area } = at();
    if (sheet.protected)
      throw new OfficeError("AccessDenied", `worksheet ${sheet.name} is protected`);
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++) {
        const next = { ...sheet.styles.get(`${r},${c}`), [key]: v };
        if (v === null) delete next[key];
        sheet.styles.set(`${r},${c}`, next);
      }
  });
}

/** A style key over the range as Office.js loads it: the value if every cell has the same, else null. */
function styleRead(at: () => RangeTarget, key: string): unknown {
  const { sheet, area } = at();
  let value: unknown;
  for (let r = area.top; r <= area.bottom; r++)
    for (let c = area.left; c <= area.right; c++) {
      const v = sheet.styles.get(`${r},${c}`)?.[key] ?? STYLE_DEFAULTS[key];
      if (r === area.top && c === area.left) value = v;
      else if (v !== value) return null;
    }
  return value;
}

/** font or fill: loadable properties, each backed by one style key. */
class FakeStyleProperties extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly at: () => RangeTarget,
    keys: Record<string, string>
  ) {
    super(ctx);
    this.keys = keys;
    for (const [prop, key] of Object.entries(keys))
      Object.defineProperty(this, prop, {
        set: (v: unknown) => {
          styleWrite(ctx, at, key, v);
        },
        get: () => this.read(prop),
      });
  }
  private readonly keys: Record<string, string>;

  protected data(): Record<string, unknown> {
    return Object.fromEntries(
      Object.entries(this.keys).map(([prop, key]) => [prop, styleRead(this.at, key)])
    );
  }

  clear(): void {
    for (const key of Object.values(this.keys)) styleWrite(this.ctx, this.at, key, null);
  }
}

export class FakeRangeFormat extends Loadable {
  readonly font: { bold: boolean; italic: boolean; color: string } & Loadable;
  readonly fill: { color: string; clear(): void } & Loadable;

  constructor(
    ctx: FakeContext,
    private readonly at: () => RangeTarget
  ) {
    super(ctx);
    this.font = new FakeStyleProperties(ctx, at, {
      bold: "bold",
      italic: "italic",
      color: "fontColor",
    }) as unknown as FakeRangeFormat["font"];
    this.fill = new FakeStyleProperties(ctx, at, {
      color: "fill",
    }) as unknown as FakeRangeFormat["fill"];
  }

  protected data(): Record<string, unknown> {
    return {
      wrapText: styleRead(this.at, "wrap"),
      horizontalAlignment: styleRead(this.at, "align"),
    };
  }

  get wrapText(): boolean {
    return this.read("wrapText");
  }
  set wrapText(v: boolean) {
    styleWrite(this.ctx, this.at, "wrap", v);
  }
  get horizontalAlignment(): string {
    return this.read("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    styleWrite(this.ctx, this.at, "align", v);
  }
  set columnWidth(points: number) {
    this.ctx.enqueue(8, () => {
      const { sheet, area } = this.at();
      for (let c = area.left; c <= area.right; c++) sheet.columnWidths.set(c, points);
    });
  }
}
