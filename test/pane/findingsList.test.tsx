/**
 * @jest-environment jsdom
 *
 * The findings list as a person uses it: groups per sheet with their counts, collapsed and expanded, one Tab stop
 * with the arrow keys moving between headers and findings, and each finding's place in the whole list. (The
 * windowed drawing of long lists needs layout: it is tested in Chromium, test/pane/pane.e2e.test.ts.)
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import type { Report, ReportFinding } from "../../src/core/report/report";
import { FindingsList } from "../../src/taskpane/components/FindingsList";
import { setLang } from "../../src/taskpane/i18n";
import { installBrowserStubs } from "../support/jsdomBrowser";

beforeAll(() => {
  installBrowserStubs();
  setLang("vi");
});
afterEach(cleanup);

function finding(
  sheet: string | undefined,
  severity: ReportFinding["severity"],
  cell: string
): ReportFinding {
  return {
    rule: "score-missing",
    severity,
    ...(sheet !== undefined ? { sheet } : {}),
    cell,
    criterion: "1.1",
    message: `${sheet ?? "-"} ${cell}`,
    params: {},
  };
}

const FINDINGS = [
  finding("An Bình", "error", "E10"),
  finding("An Bình", "warning", "E11"),
  finding("An Bình", "error", "E12"),
  finding("Đông Sơn", "info", "H5"),
];
const REPORT = {
  tool: { name: "cchc", version: "test" },
  criteriaSet: { id: "x", title: "x", maxTotal: 100 },
  units: [],
  findings: FINDINGS,
  counts: { error: 2, warning: 1, info: 1 },
} as unknown as Report;

function renderList(onPick = jest.fn()) {
  render(
    <FluentProvider theme={webLightTheme}>
      <FindingsList report={REPORT} currentId={undefined} onPick={onPick} />
    </FluentProvider>
  );
  return onPick;
}

const groupToggle = (sheet: string) =>
  screen.getAllByTestId("finding-group-toggle").find((b) => b.textContent === sheet)!;

test("each sheet's header says its count and its count per severity", () => {
  renderList();
  const groups = screen.getAllByTestId("finding-group");
  expect(groups.map((g) => g.dataset.sheet)).toEqual(["An Bình", "Đông Sơn"]);
  expect(within(groups[0]).getByTestId("finding-group-count").textContent).toBe("3");
  expect(within(groups[0]).getByLabelText("Lỗi: 2")).toBeTruthy();
  expect(within(groups[0]).getByLabelText("Cảnh báo: 1")).toBeTruthy();
  expect(within(groups[0]).queryByLabelText(/Thông tin/)).toBeNull();
});

test("a sheet collapses and expands from its header; the others stay as they were", () => {
  renderList();
  const toggle = groupToggle("An Bình");
  expect(toggle.getAttribute("aria-expanded")).toBe("true");
  fireEvent.click(toggle);
  expect(groupToggle("An Bình").getAttribute("aria-expanded")).toBe("false");
  expect(screen.getAllByTestId("finding").map((b) => b.dataset.cell)).toEqual(["H5"]);
  fireEvent.click(groupToggle("An Bình"));
  expect(screen.getAllByTestId("finding")).toHaveLength(4);
});

test("the list is one Tab stop; arrows, Home and End move between headers and findings", () => {
  renderList();
  const list = screen.getByTestId("findings");
  const stops = [...list.querySelectorAll<HTMLElement>("[data-row-key]")].filter(
    (e) => e.tabIndex === 0
  );
  expect(stops).toEqual([groupToggle("An Bình")]);

  groupToggle("An Bình").focus();
  const key = (k: string) => fireEvent.keyDown(document.activeElement!, { key: k });
  const focused = () =>
    (document.activeElement as HTMLElement).dataset.cell ?? document.activeElement?.textContent;
  key("ArrowDown");
  // Errors first within a sheet, then warnings.
  expect(focused()).toBe("E10");
  key("ArrowDown");
  expect(focused()).toBe("E12");
  key("ArrowDown");
  expect(focused()).toBe("E11");
  key("ArrowDown");
  expect(focused()).toBe("Đông Sơn");
  key("ArrowUp");
  expect(focused()).toBe("E11");
  // The focused row is the one Tab stop now.
  expect(
    [...list.querySelectorAll<HTMLElement>("[data-row-key]")].filter((e) => e.tabIndex === 0)
  ).toHaveLength(1);
  expect((document.activeElement as HTMLElement).tabIndex).toBe(0);
  key("End");
  expect(focused()).toBe("H5");
  key("Home");
  expect(focused()).toBe("An Bình");
  // Left on a finding goes to its sheet's header; Left there collapses it, Right expands it again.
  key("ArrowDown");
  key("ArrowLeft");
  expect(focused()).toBe("An Bình");
  key("ArrowLeft");
  expect(groupToggle("An Bình").getAttribute("aria-expanded")).toBe("false");
  key("ArrowRight");
  expect(groupToggle("An Bình").getAttribute("aria-expanded")).toBe("true");
});

test("Enter on a focused finding picks it; each finding says its place among all listed", () => {
  const onPick = renderList();
  const findings = screen.getAllByTestId("finding");
  expect(findings.map((b) => b.closest("li")!.getAttribute("aria-posinset"))).toEqual([
    "1",
    "2",
    "3",
    "4",
  ]);
  expect(findings.every((b) => b.closest("li")!.getAttribute("aria-setsize") === "4")).toBe(true);
  fireEvent.click(findings[1]);
  expect(onPick).toHaveBeenCalledWith(expect.objectContaining({ id: 2 }));
});
