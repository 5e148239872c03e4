import { SUMMARY_HEADERS } from "../core/plan/summaryPlan";
import { WritePlan } from "../core/port";
import { a1, parseA1 } from "../core/sheet/address";
import { ExcelWorkbookRead } from "./excelRead";
import { EXCEL_API, supportsExcelApi } from "./requirements";
import { opBytes, WriteOp } from "./writeBatches";

export const SUMMARY_CHART = "cchc-chi-so";

/** The series' names where the summary has last year's figures beside this year's. */
export const SERIES_NAMES = { now: "Năm nay", previous: "Năm trước" };

/**
 * A bar chart of index by unit on "Tổng hợp", where the host can set a series' axis labels (ExcelApi 1.7); with
 * last year's index on the summary (`summary --previous`), a second series of it (ChartSeriesCollection.add and
 * ChartSeries.setValues, ExcelApi 1.7; ChartSeries.name and ChartLegend.visible, 1.1).
 * The summary sheet is emptied on every run, our old chart with it; a chart of ours moved to another sheet is
 * deleted by name. The table's place is found from the plan's own header row.
 */
export function summaryChartOps(
  plan: WritePlan,
  unitCount: number,
  read: ExcelWorkbookRead
): WriteOp[] {
  if (unitCount === 0 || !supportsExcelApi(EXCEL_API.chartAxisAndFreeze)) return [];
  // The plan's summary sheet: "Tổng hợp", or the free name it took beside a person's own.
  const summary = plan.sheets.find((s) => s.role === "summary")?.name;
  if (summary === undefined) return [];
  const header = plan.ranges.find(
    (r) =>
      r.sheet === summary &&
      r.cells[0]?.some((c) => "value" in c && c.value === SUMMARY_HEADERS.index)
  );
  if (!header) return [];
  const texts = header.cells[0].map((c) => ("value" in c ? c.value : undefined));
  const { row, col } = parseA1(header.at);
  const unitCol = col + texts.indexOf(SUMMARY_HEADERS.unit);
  const indexCol = col + texts.indexOf(SUMMARY_HEADERS.index);
  const previousAt = texts.indexOf(SUMMARY_HEADERS.previousIndex);
  const first = row + 1;
  const last = row + unitCount;
  const anchor = a1(row, col + texts.length + 4); // right of the band table written beside the summary
  const stale = read.sheets.filter((s) => s.name !== summary && s.charts.includes(SUMMARY_CHART));
  return [
    ...stale.map((s): WriteOp => ({
      bytes: opBytes(4, s.name),
      queue: (batch) => batch.sheet(s.name).charts.getItem(SUMMARY_CHART).delete(),
    })),
    {
      bytes: opBytes(previousAt >= 0 ? 19 : 14, anchor, first, last),
      queue: (batch) => {
        const ws = batch.sheet(summary);
        const chart = ws.charts.add(
          "BarClustered" as Excel.ChartType,
          ws.getRange(`${a1(first, indexCol)}:${a1(last, indexCol)}`),
          "Columns" as Excel.ChartSeriesBy
        );
        chart.name = SUMMARY_CHART;
        chart.title.text = "Chỉ số CCHC theo đơn vị (%)";
        const units = ws.getRange(`${a1(first, unitCol)}:${a1(last, unitCol)}`);
        const now = chart.series.getItemAt(0);
        now.setXAxisValues(units);
        chart.legend.visible = previousAt >= 0;
        if (previousAt >= 0) {
          now.name = SERIES_NAMES.now;
          // "The new added series is not visible until values, x-axis values … are set" (ChartSeriesCollection.add).
          const before = chart.series.add(SERIES_NAMES.previous);
          before.setValues(
            ws.getRange(`${a1(first, col + previousAt)}:${a1(last, col + previousAt)}`)
          );
          before.setXAxisValues(units);
        }
        chart.setPosition(anchor);
        chart.height = Math.max(240, Math.min(2000, 40 + unitCount * 16));
        chart.width = 480;
      },
    },
  ];
}
