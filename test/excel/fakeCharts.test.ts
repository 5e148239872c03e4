/**
 * The fake's chart series as Office.js documents them (office-js-docs-reference, excel.chartseriescollection.yml
 * and excel.chartseries.yml): ChartSeriesCollection.add(name) (ExcelApi 1.7) "Add a new series to the collection.
 * The new added series is not visible until values, x-axis values, or bubble sizes for it are set";
 * ChartSeries.setValues / setXAxisValues (ExcelApi 1.7); ChartSeries.name (ExcelApi 1.1), "The name's length
 * should not be greater than 255 characters" (the fake refuses a longer one, never more lenient than Excel).
 */
import { FakeContext, FakeSheet, FakeWorkbook, OfficeError } from "./fakeExcel";

function sheet(): { book: FakeWorkbook; x: Excel.RequestContext } {
  const book = new FakeWorkbook();
  book.sheets.push(new FakeSheet("S"));
  return { book, x: new FakeContext(book).asExcel() };
}

function chartOn(x: Excel.RequestContext): { ws: Excel.Worksheet; chart: Excel.Chart } {
  const ws = x.workbook.worksheets.getItem("S");
  const chart = ws.charts.add(
    "BarClustered" as Excel.ChartType,
    ws.getRange("C2:C4"),
    "Columns" as Excel.ChartSeriesBy
  );
  return { ws, chart };
}

describe("chart series in the fake", () => {
  test("an added series has no values until they are set; names and axis labels per series", async () => {
    const { book, x } = sheet();
    const { ws, chart } = chartOn(x);
    chart.series.getItemAt(0).name = "Năm nay";
    const added = chart.series.add("Năm trước");
    await x.sync();
    expect(book.sheet("S").charts[0].added).toEqual([{ name: "Năm trước" }]);
    added.setValues(ws.getRange("E2:E4"));
    added.setXAxisValues(ws.getRange("B2:B4"));
    chart.legend.visible = true;
    await x.sync();
    expect(book.sheet("S").charts[0]).toMatchObject({
      source: "C2:C4",
      seriesName: "Năm nay",
      legendVisible: true,
      added: [{ name: "Năm trước", values: "E2:E4", xValues: "B2:B4" }],
    });
  });

  test("a series name over 255 characters is refused at its sync; a series that is not there too", async () => {
    const { x } = sheet();
    const { chart } = chartOn(x);
    chart.series.add("x".repeat(256));
    const error = await x.sync().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeError);
    expect((error as OfficeError).code).toBe("InvalidArgument");
    const { chart: other } = chartOn(x);
    other.series.getItemAt(1).setValues(x.workbook.worksheets.getItem("S").getRange("A1:A2"));
    expect(((await x.sync().catch((e: unknown) => e)) as OfficeError).code).toBe("ItemNotFound");
  });
});
