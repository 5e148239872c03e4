import { areaText } from "./address";
import type { FakeContext } from "./context";
import { OfficeError } from "./errors";
import { Loadable } from "./loadable";
import { FakeChart, FakeSheet } from "./model";
import type { FakeRange } from "./range";

export class FakeChartCollection extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet
  ) {
    super(ctx);
  }

  protected data(): Record<string, unknown> {
    return { items: this.sheet().charts.map((c) => ({ name: c.name, chartType: c.type })) };
  }

  get items(): { name: string }[] {
    return this.read("items");
  }

  add(type: string, source: FakeRange): FakeChartProxy {
    return new FakeChartProxy(this.ctx, () => {
      this.ctx.book.throwIfRefused("charts.add");
      const s = this.sheet();
      const chart: FakeChart = {
        name: `Chart ${s.charts.length + 1}`,
        type,
        source: areaText(source.at().area),
      };
      s.charts.push(chart);
      return { sheet: s, chart };
    });
  }

  getItem(name: string): FakeChartProxy {
    return new FakeChartProxy(this.ctx, () => {
      const s = this.sheet();
      const chart = s.charts.find((c) => c.name === name);
      if (!chart) throw new OfficeError("ItemNotFound", `no chart ${name}`);
      return { sheet: s, chart };
    });
  }
}

class FakeChartProxy {
  private target?: { sheet: FakeSheet; chart: FakeChart };
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  readonly series: { getItemAt(i: number): { setXAxisValues(r: FakeRange): void } };

  constructor(
    private readonly ctx: FakeContext,
    resolve: () => { sheet: FakeSheet; chart: FakeChart }
  ) {
    ctx.enqueue(32, () => {
      this.target = resolve();
    });
    const chart = () => this.target!.chart;
    this.title = Object.defineProperties(
      {},
      {
        text: {
          set: (v: string) => {
            ctx.enqueue(v.length, () => {
              chart().title = v;
            });
          },
        },
      }
    ) as { text: string };
    this.legend = Object.defineProperties(
      {},
      {
        visible: {
          set: () => {
            ctx.enqueue(4, () => undefined);
          },
        },
      }
    ) as { visible: boolean };
    this.series = {
      getItemAt: () => ({
        setXAxisValues: (r: FakeRange) =>
          ctx.enqueue(16, () => {
            chart().xValues = areaText(r.at().area);
          }),
      }),
    };
  }

  set name(v: string) {
    this.ctx.enqueue(v.length, () => {
      this.target!.chart.name = v;
    });
  }
  set height(_: number) {
    this.ctx.enqueue(8, () => undefined);
  }
  set width(_: number) {
    this.ctx.enqueue(8, () => undefined);
  }
  setPosition(): void {
    this.ctx.enqueue(16, () => undefined);
  }
  delete(): void {
    this.ctx.enqueue(8, () => {
      const { sheet, chart } = this.target!;
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}
