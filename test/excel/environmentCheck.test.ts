import { runIn } from "./fakeExcel";
/**
 * "Kiểm tra môi trường" in the fake Excel: every capability passes where the fake is Excel as documented; a
 * capability the fake is told to refuse (FakeWorkbook.refuse: ApiNotFound, as a host without the API)
 * shows as failed with its error; and the temporary sheet, its names and the veryHidden sheet are gone
 * afterwards, the person back on the sheet they were on.
 */
import { CAPABILITIES, type CapabilityResult } from "../../src/excel/environmentCheck/types";
import { environmentReportText } from "../../src/excel/environmentCheck/reportText";
import {
  runEnvironmentCheck,
  TEMP_SHEET,
} from "../../src/excel/environmentCheck/runEnvironmentCheck";
import { FakeContext, FakeWorkbook, installRequirementSets } from "./fakeExcel";
import { sampleSet, unitGrids } from "./fixtures";

const set = sampleSet();
const runner = runIn;

let restore: (() => void) | undefined;
afterEach(() => restore?.());

function book(): { book: FakeWorkbook; context: FakeContext } {
  const made = new FakeWorkbook(unitGrids(set, 2));
  made.activeSheet = "Xã 002";
  return { book: made, context: new FakeContext(made) };
}

const statuses = (results: CapabilityResult[]) =>
  Object.fromEntries(results.map((r) => [r.id, r.status]));

describe("environment check", () => {
  it("passes every capability in the fake, in a few syncs, and leaves the workbook as it was", async () => {
    restore = installRequirementSets(17);
    const { book: wb, context } = book();
    const before = JSON.stringify(wb.state(true));
    const names = wb.names.length;
    const report = await runEnvironmentCheck({ run: runner(context) });
    expect(statuses(report.capabilities)).toEqual(
      Object.fromEntries(CAPABILITIES.map((id) => [id, "pass"]))
    );
    expect(report.setupError).toBeUndefined();
    expect(report.cleanup).toEqual({ ok: true });
    expect(report.syncs).toBe(9); // names, setup, four phases, handlers, look-up, removal
    expect(JSON.stringify(wb.state(true))).toBe(before);
    expect(wb.names).toHaveLength(names);
    expect(wb.activeSheet).toBe("Xã 002");
    expect(wb.handlers.onChanged.size).toBe(0);
    expect(report.host.sets).toContainEqual({ name: "ExcelApi", version: "1.14", supported: true });
    expect(report.host.sets).toContainEqual({
      name: "DialogApi",
      version: "1.1",
      supported: false,
    });
  });

  it("shows a refused capability as failed with its error, the others passing, and cleans up", async () => {
    restore = installRequirementSets(17);
    const { book: wb, context } = book();
    const before = JSON.stringify(wb.state());
    wb.refuse("charts.add");
    wb.refuse("conditionalFormats.add", "InvalidArgument");
    const report = await runEnvironmentCheck({ run: runner(context) });
    const chart = report.capabilities.find((c) => c.id === "chart");
    expect(chart).toMatchObject({
      status: "fail",
      detail: expect.stringMatching(/^ApiNotFound: /),
    });
    const cf = report.capabilities.find((c) => c.id === "conditionalFormat");
    expect(cf).toMatchObject({
      status: "fail",
      detail: expect.stringMatching(/^InvalidArgument: /),
    });
    const others = report.capabilities.filter(
      (c) => !["chart", "conditionalFormat"].includes(c.id)
    );
    expect(others.every((c) => c.status === "pass")).toBe(true);
    expect(report.cleanup).toEqual({ ok: true });
    expect(wb.find(TEMP_SHEET)).toBeUndefined();
    expect(JSON.stringify(wb.state())).toBe(before);
    const text = environmentReportText(report, "vi");
    expect(text).toContain("[LỖI] Biểu đồ của trang Tổng hợp — ApiNotFound: ");
    expect(text).toContain("Kết quả: 7/9 khả năng đạt.");
  });

  it("a refused navigation fails in its own phase, and the sheet is still removed", async () => {
    restore = installRequirementSets(17);
    const { book: wb, context } = book();
    wb.refuse("worksheet.activate");
    wb.refuse("dataValidation.rule");
    const report = await runEnvironmentCheck({ run: runner(context) });
    expect(statuses(report.capabilities)).toMatchObject({
      navigation: "fail",
      listValidation: "fail",
      veryHiddenSheet: "pass",
      changeEvents: "pass",
      chart: "pass",
    });
    expect(report.cleanup).toEqual({ ok: true });
    expect(wb.sheets.map((s) => s.name)).toEqual(["Xã 001", "Xã 002"]);
    expect(wb.names).toHaveLength(0);
  });

  it("takes a free name beside a person's own sheet of that name (in any case), and leaves it alone", async () => {
    restore = installRequirementSets(17);
    const { book: wb, context } = book();
    const grids = unitGrids(set, 1);
    const own = new FakeWorkbook([{ ...grids[0], name: TEMP_SHEET.toUpperCase() }]).sheets[0];
    wb.sheets.push(own);
    const before = JSON.stringify(wb.state());
    const report = await runEnvironmentCheck({ run: runner(context) });
    expect(report.capabilities.every((c) => c.status === "pass")).toBe(true);
    expect(JSON.stringify(wb.state())).toBe(before);
  });

  it("skips what the host does not offer and the add-in does without (ExcelApi 1.6: no events, no chart)", async () => {
    restore = installRequirementSets(6);
    const { context } = book();
    const report = await runEnvironmentCheck({ run: runner(context) });
    expect(statuses(report.capabilities)).toMatchObject({
      changeEvents: "skipped",
      chart: "skipped",
    });
    expect(report.capabilities.find((c) => c.id === "chart")).toMatchObject({
      detail: "ExcelApi 1.7",
    });
    expect(report.cleanup).toEqual({ ok: true });
  });

  it("under workbook structure protection says nothing could be tried, and why", async () => {
    restore = installRequirementSets(17);
    const { book: wb, context } = book();
    wb.structureProtected = true;
    const report = await runEnvironmentCheck({ run: runner(context) });
    expect(report.setupError).toMatch(/^AccessDenied: /);
    expect(report.capabilities.every((c) => c.status === "not-run")).toBe(true);
    expect(report.cleanup).toEqual({ ok: true });
    const text = environmentReportText(report, "en");
    expect(text).toContain(
      "The temporary sheet could not be added, so nothing was tried: AccessDenied"
    );
    expect(text).toContain("[NOT RUN] Writing formulas");
  });

  it("names the host, platform and Office version from Office.context.diagnostics", async () => {
    restore = installRequirementSets(14);
    const office = (globalThis as unknown as { Office: { context: Record<string, unknown> } })
      .Office;
    office.context.diagnostics = { host: "Excel", platform: "PC", version: "16.0.18025.20000" };
    const { context } = book();
    const report = await runEnvironmentCheck({
      run: runner(context),
      now: () => new Date("2026-12-02T11:00:00Z"),
    });
    const text = environmentReportText(report, "vi").split("\n");
    expect(text.slice(0, 3)).toEqual([
      "CCHC Scoring — Kiểm tra môi trường",
      "Thời điểm: 2026-12-02T11:00:00.000Z",
      "Ứng dụng: Excel · Nền tảng: PC · Phiên bản Office: 16.0.18025.20000",
    ]);
    expect(text[3]).toBe(
      "Bộ yêu cầu: ExcelApi 1.1: có, ExcelApi 1.6: có, ExcelApi 1.7: có, ExcelApi 1.9: có, " +
        "ExcelApi 1.13: có, ExcelApi 1.14: có, DialogApi 1.1: không"
    );
  });
});
