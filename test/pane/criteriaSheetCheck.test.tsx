/**
 * @jest-environment jsdom
 *
 * "Kiểm tra bộ tiêu chí" in the pane, end to end in Excel mode: the real Excel session over the fake Excel (its
 * Excel.run installed), a workbook whose "Bộ tiêu chí" sheet a person broke. The action lists the sheet's
 * problems, each with its cell; a click selects that cell in the workbook.
 */
import { cleanup, configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { criteriaToRows, rowsToCriteria } from "../../src/core/criteria/sheetForm";
import { COLUMNS } from "../../src/core/criteria/sheetLayout";
import { App } from "../../src/taskpane/App";
import { setLang } from "../../src/taskpane/i18n";
import { FakeExcelHost, FakeWorkbook, installRequirementSets } from "../excel/fakeExcel";
import { sampleSet, unitGrids } from "../excel/fixtures";
import { installBrowserStubs } from "../support/jsdomBrowser";

configure({ asyncUtilTimeout: 10000 });

const SET = sampleSet();
const SHEET = "Bộ tiêu chí";

/** The sample set's sheet with a rule nobody knows on 1.1.2 and a negative max on 1.2. */
function brokenSheet() {
  const rows = criteriaToRows(SET.set);
  const header = rows.findIndex((r) => r[0] === "Mã");
  const rowOf = (code: string) => rows.findIndex((r, i) => i > header && r[0] === code);
  rows[rowOf("1.1.2")][COLUMNS.indexOf("rule")] = "Theo phần trăm";
  rows[rowOf("1.2")][COLUMNS.indexOf("max")] = -2;
  return {
    grid: { name: SHEET, values: rows },
    ruleCell: `F${rowOf("1.1.2") + 1}`,
    maxCell: `D${rowOf("1.2") + 1}`,
  };
}

let restoreExcel: () => void;
let restoreSets: () => void;
beforeAll(() => {
  installBrowserStubs();
  setLang("vi");
});
afterEach(() => {
  cleanup();
  restoreExcel?.();
  restoreSets?.();
});

/** The workbook open in the fake Excel, its Excel.run installed, with ExcelApi up to 1.17. */
function openWorkbook(book: FakeWorkbook): FakeWorkbook {
  restoreSets = installRequirementSets(17);
  restoreExcel = new FakeExcelHost(book).install();
  return book;
}

test("lists the broken sheet's problems, each a click away from its cell", async () => {
  const broken = brokenSheet();
  const expected = rowsToCriteria(broken.grid, "vi");
  if (expected.ok) throw new Error("the sheet should be broken");
  const book = openWorkbook(new FakeWorkbook([broken.grid, ...unitGrids(SET, 1)]));

  render(<App host="excel" />);
  const button = await screen.findByRole("button", { name: "Kiểm tra bộ tiêu chí" });
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(button);

  const result = await screen.findByTestId("criteria-sheet-check");
  await waitFor(() =>
    expect(result.textContent).toContain(
      `Trang “${SHEET}” có ${expected.problems.length} lỗi; bấm vào một lỗi để tới ô của nó:`
    )
  );
  const items = result.querySelectorAll<HTMLElement>('[data-testid="criteria-problem"]');
  expect([...items].map((b) => b.dataset.cell)).toEqual(expected.problems.map((p) => p.at?.cell));
  expect([...items].map((b) => b.dataset.cell)).toEqual(
    expect.arrayContaining([broken.ruleCell, broken.maxCell])
  );
  expect([...items].every((b) => b.dataset.sheet === SHEET)).toBe(true);
  expect(items[0].textContent).toContain(expected.problems[0].message);

  const rule = [...items].find((b) => b.dataset.cell === broken.ruleCell)!;
  fireEvent.click(rule);
  await waitFor(() =>
    expect(screen.getByTestId("criteria-goto-status").textContent).toBe(
      `Đã chọn ô ${broken.ruleCell} trên trang “${SHEET}”.`
    )
  );
  expect(book.selection).toEqual({ sheet: SHEET, address: broken.ruleCell });
  expect(book.activeSheet).toBe(SHEET);
  expect(rule.getAttribute("aria-current")).toBe("true");

  // The person fixes both cells and checks again: no problem left.
  const ws = book.sheet(SHEET);
  const at = (a1: string) => {
    const m = /^([A-Z])(\d+)$/.exec(a1)!;
    return [Number(m[2]), m[1].charCodeAt(0) - 64] as const;
  };
  ws.put(...at(broken.ruleCell), { value: "Theo mức" });
  ws.put(...at(broken.maxCell), { value: 2 });
  fireEvent.click(screen.getByRole("button", { name: "Kiểm tra bộ tiêu chí" }));
  await waitFor(() =>
    expect(screen.getByTestId("criteria-sheet-check").textContent).toBe(
      `Bộ tiêu chí trên trang “${SHEET}” không có lỗi (${SET.leaves.length} mục chấm điểm).`
    )
  );
}, 60_000);

test("a workbook without a criteria sheet says so", async () => {
  openWorkbook(new FakeWorkbook(unitGrids(SET, 1)));
  render(<App host="excel" />);
  const button = await screen.findByRole("button", { name: "Kiểm tra bộ tiêu chí" });
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(button);
  await waitFor(() =>
    expect(screen.getByTestId("criteria-sheet-check").textContent).toBe(
      "Sổ tính không có trang “Bộ tiêu chí”."
    )
  );
}, 60_000);
