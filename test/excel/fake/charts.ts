import { areaText } from "./address";
import type { FakeContext } from "./context";
import { OfficeError } from "./errors";
import { Loadable } from "./loadable";
import { FakeChart, FakeSeries, FakeSheet } from "./model";
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

/**
 * A chart series (Excel.ChartSeries): name (ExcelApi 1.1; "The name's length should not be greater than 255
 * characters": the fake refuses longer), setValues and setXAxisValues (ExcelApi 1.7).
 */
interface FakeSeriesProxy {
  name: string;
  setValues(r: FakeRange): void;
  setXAxisValues(r: FakeRange): void;
}

/** Excel.ChartSeriesCollection: getItemAt(index) (ExcelApi 1.1) and add(name) (ExcelApi 1.7). */
interface FakeSeriesCollection {
  getItemAt(i: number): FakeSeriesProxy;
  add(name?: string): FakeSeriesProxy;
}

class FakeChartProxy {
  private target?: { sheet: FakeSheet; chart: FakeChart };
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  readonly series: FakeSeriesCollection;

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
          set: (v: boolean) => {
            ctx.enqueue(4, () => {
              chart().legendVisible = v;
            });
          },
        },
      }
    ) as { visible: boolean };
    this.series = {
      getItemAt: (i: number) => seriesProxy(ctx, () => seriesAt(chart(), i)),
      add: (name?: string) => {
        let added: SeriesTarget | undefined;
        ctx.enqueue(16 + (name?.length ?? 0), () => {
          const c = chart();
          checkSeriesName(name);
          const series: FakeSeries = name !== undefined ? { name } : {};
          c.added = [...(c.added ?? []), series];
          added = { get: () => series, set: (p) => Object.assign(series, p) };
        });
        return seriesProxy(ctx, () => added!);
      },
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

interface SeriesTarget {
  get(): FakeSeries;
  set(p: Partial<FakeSeries>): void;
}

/** Series 0 is the one charts.add made from its source; the others were added, in order. */
function seriesAt(chart: FakeChart, i: number): SeriesTarget {
  if (i === 0)
    return {
      get: () => ({ name: chart.seriesName, values: chart.source, xValues: chart.xValues }),
      set: (p) => {
        if (p.name !== undefined) chart.seriesName = p.name;
        if (p.values !== undefined) chart.source = p.values;
        if (p.xValues !== undefined) chart.xValues = p.xValues;
      },
    };
  const series = chart.added?.[i - 1];
  if (!series) throw new OfficeError("ItemNotFound", `no series ${i}`);
  return { get: () => series, set: (p) => Object.assign(series, p) };
}

function checkSeriesName(name: string | undefined): void {
  if (name !== undefined && name.length > 255)
    throw new OfficeError(
      "InvalidArgument",
      "a series name over 255 characters (ChartSeries.name)"
    );
}

function seriesProxy(ctx: FakeContext, target: () => SeriesTarget): FakeSeriesProxy {
  const proxy = {
    setValues: (r: FakeRange) =>
      ctx.enqueue(16, () => target().set({ values: areaText(r.at().area) })),
    setXAxisValues: (r: FakeRange) =>
      ctx.enqueue(16, () => target().set({ xValues: areaText(r.at().area) })),
  };
  return Object.defineProperty(proxy, "name", {
    set: (v: string) =>
      ctx.enqueue(v.length, () => {
        checkSeriesName(v);
        target().set({ name: v });
      }),
  }) as FakeSeriesProxy;
}
