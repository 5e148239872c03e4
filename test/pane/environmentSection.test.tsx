/**
 * @jest-environment jsdom
 *
 * "Kiểm tra môi trường" in the pane: in Excel mode the button runs the check (here the real check on the
 * fake Excel, through a session whose other methods are stubs) and shows its report as text with a copy
 * button; in the browser mode the section says there is no Excel to check.
 */
import { cleanup, configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { environmentReportText } from "../../src/excel/environmentCheck/reportText";
import { runEnvironmentCheck } from "../../src/excel/environmentCheck/runEnvironmentCheck";
import { App } from "../../src/taskpane/App";
import { EnvironmentSection } from "../../src/taskpane/components/EnvironmentSection";
import { setLang } from "../../src/taskpane/i18n";
import type { ExcelSession } from "../../src/taskpane/session";
import { FakeContext, FakeWorkbook, installRequirementSets } from "../excel/fakeExcel";
import { sampleSet, unitGrids } from "../excel/fixtures";
import { installBrowserStubs } from "../support/jsdomBrowser";

let session: ExcelSession;
jest.mock("../../src/taskpane/modes/excelSession", () => ({ createExcelSession: () => session }));

configure({ asyncUtilTimeout: 5000 });

let restore: () => void;
let book: FakeWorkbook;
beforeAll(() => {
  installBrowserStubs();
  setLang("vi");
});

beforeEach(() => {
  restore = installRequirementSets(17);
  book = new FakeWorkbook(unitGrids(sampleSet(), 1));
  const context = new FakeContext(book);
  session = {
    mode: "excel",
    check: jest.fn(async () => ({ criteria: { status: "none" as const } })),
    importCriteria: jest.fn(),
    score: jest.fn(),
    revertLastRun: jest.fn(),
    buildSummary: jest.fn(),
    goTo: jest.fn(),
    watchChanges: jest.fn(async () => async () => undefined),
    isAddinWriting: () => false,
    checkEnvironment: jest.fn(async (lang) =>
      environmentReportText(
        await runEnvironmentCheck({ run: (batch) => batch(context.asExcel()) }),
        lang
      )
    ),
  } as unknown as ExcelSession;
});
afterEach(() => {
  cleanup();
  restore();
});

describe("the environment check in the pane", () => {
  test("runs on the button, shows the report as text, and copies it", async () => {
    const writeText = jest.fn(async () => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    render(<App host="excel" />);
    // The environment check is among the season's tools.
    fireEvent.click(await screen.findByRole("tab", { name: "Mùa chấm" }));
    const button = await screen.findByRole("button", { name: "Kiểm tra môi trường" });
    await waitFor(() => expect(button.hasAttribute("disabled")).toBe(false));
    fireEvent.click(button);
    const report = (await screen.findByTestId(
      "env-report",
      {},
      { timeout: 10_000 }
    )) as HTMLTextAreaElement;
    expect(session.checkEnvironment).toHaveBeenCalledWith("vi");
    expect(report.readOnly).toBe(true);
    expect(report.value).toMatch(/^CCHC Scoring — Kiểm tra môi trường\n/);
    expect(report.value).toContain("Kết quả: 9/9 khả năng đạt.");
    expect(report.value).toContain("[ĐẠT] Ghi chữ trông như công thức (phải giữ là chữ)");
    expect(report.value).toContain("ExcelApi 1.14: có");
    expect(book.sheets.map((s) => s.name)).toEqual(["Xã 001"]);
    fireEvent.click(screen.getByRole("button", { name: "Sao chép" }));
    await screen.findByText("Đã sao chép kết quả.");
    expect(writeText).toHaveBeenCalledWith(report.value);
  });

  test("a check that throws says why", async () => {
    (session.checkEnvironment as jest.Mock).mockRejectedValueOnce(new Error("Excel bận"));
    render(<App host="excel" />);
    // The environment check is among the season's tools.
    fireEvent.click(await screen.findByRole("tab", { name: "Mùa chấm" }));
    const button = await screen.findByRole("button", { name: "Kiểm tra môi trường" });
    await waitFor(() => expect(button.hasAttribute("disabled")).toBe(false));
    fireEvent.click(button);
    await screen.findByText("Không kiểm tra được môi trường: Excel bận");
    expect(screen.queryByTestId("env-report")).toBeNull();
  });

  test("in the browser mode there is no Excel to check, and no button", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <EnvironmentSection
          mode="browser"
          canRun
          status={{ kind: "idle" }}
          onRun={() => undefined}
        />
      </FluentProvider>
    );
    expect(screen.getByTestId("env-no-excel").textContent).toBe(
      "Không chạy trong Excel (chế độ trình duyệt): không có Excel để kiểm tra. Hãy mở add-in trong Excel."
    );
    expect(screen.queryByRole("button", { name: "Kiểm tra môi trường" })).toBeNull();
  });
});
