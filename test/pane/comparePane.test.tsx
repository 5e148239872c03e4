/**
 * @jest-environment jsdom
 *
 * "So sánh với bản trước" in the pane in Excel, end to end over the fake Excel (test/excel/fakeExcel): the real
 * Excel session, core's diff, the older version read from .xlsx bytes with ExcelJS. The oracle knows nothing of
 * the diff: every cell whose value differs between the two versions' grids is a change, and nothing else is.
 * Highlighting adds rules of the tool's own; "Bỏ đánh dấu" leaves the workbook exactly as it was (cells, styles,
 * the person's own conditional formats); a change is a click away.
 */
import { TextDecoder, TextEncoder } from "util";
import {
  act,
  cleanup,
  configure,
  fireEvent,
  render,
  screen,
  waitFor,
} from "@testing-library/react";
import { checkWorkbook } from "../../src/core/check/checkWorkbook";
import { criteriaToRows } from "../../src/core/criteria/sheetForm";
import { CellValue, SheetGrid } from "../../src/core/port";
import { a1 } from "../../src/core/sheet/address";
import { COMPARE_FILL, COMPARE_RULE_FORMULA } from "../../src/excel/compareHighlight";
import { App } from "../../src/taskpane/App";
import { downloadBytes } from "../../src/taskpane/download";
import { setLang } from "../../src/taskpane/i18n";
import { formatPoints } from "../../src/core/text/numbers";
import { readDocx, tablesHeaded } from "../support/docxRead";
import { unitGrids } from "../excel/fixtures";
import { FakeExcelHost, FakeWorkbook, installRequirementSets } from "../excel/fakeExcel";
import { fixtureSet } from "../support/sample";
import { BuiltSheet, toXlsx, unitSheet } from "../support/workbookBuilder";
import { installBrowserStubs } from "../support/jsdomBrowser";

jest.mock("../../src/taskpane/download", () => ({ downloadBytes: jest.fn() }));
const downloaded = downloadBytes as jest.MockedFunction<typeof downloadBytes>;

const SET = fixtureSet();
configure({ asyncUtilTimeout: 10000 });
// The first render compiles Fluent UI under ts-jest, and the machine is shared: slow.
jest.setTimeout(180_000);

function criteriaGrid(): SheetGrid {
  return { name: "Bộ tiêu chí", values: criteriaToRows(SET.set) as CellValue[][] };
}

function copy(s: BuiltSheet): BuiltSheet {
  return { ...s, values: s.values.map((r) => [...r]) };
}

function put(s: BuiltSheet, code: string, column: string, v: CellValue): void {
  const row = s.values[s.rowOf.get(code)! - 1];
  const col = s.columns[column];
  while (row.length < col) row.push(null);
  row[col - 1] = v;
}

/** Every cell whose value differs between two versions of a sheet, as "sheet!A1". */
function differing(before: SheetGrid, after: SheetGrid): string[] {
  const out: string[] = [];
  const rows = Math.max(before.values.length, after.values.length);
  for (let r = 0; r < rows; r++) {
    const cols = Math.max(before.values[r]?.length ?? 0, after.values[r]?.length ?? 0);
    for (let c = 0; c < cols; c++)
      if ((before.values[r]?.[c] ?? null) !== (after.values[r]?.[c] ?? null))
        out.push(`${after.name}!${a1(r + 1, c + 1)}`);
  }
  return out;
}

function leafCodes(n: number): string[] {
  return SET.leaves
    .filter((l) => l.source !== "survey")
    .slice(0, n)
    .map((l) => l.code);
}

let restoreExcel: () => void;
let restoreSets: () => void;

beforeAll(() => {
  // Browsers have these; jest's jsdom environment does not (ExcelJS reads the older file with them).
  Object.assign(globalThis, { TextEncoder, TextDecoder });
  installBrowserStubs();
  setLang("vi");
});
beforeEach(() => (restoreSets = installRequirementSets(17)));
afterEach(() => {
  cleanup();
  restoreExcel?.();
  restoreSets();
});

async function pickFile(testId: string, name: string, bytes: Uint8Array): Promise<void> {
  const file = { name, arrayBuffer: async () => bytes.slice().buffer } as unknown as File;
  const input = screen.getByTestId(testId);
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
  });
}

describe("compare with a previous version, in Excel", () => {
  test("lists exactly the changed cells, highlights them, removes the highlight leaving everything as it was, and goes to a cell", async () => {
    const [a, b, c] = leafCodes(3);
    const oldA = unitSheet(SET, {
      sheet: "An Bình",
      unitName: "UBND xã An Bình",
      appraisalRounds: 2,
    });
    const oldB = unitSheet(SET, {
      sheet: "Bình Minh",
      unitName: "UBND xã Bình Minh",
      appraisalRounds: 1,
    });
    const oldC = unitSheet(SET, { sheet: "Cẩm Hà", unitName: "UBND xã Cẩm Hà" });
    const newA = copy(oldA);
    put(newA, a, "self", 0); // a self-score cut
    put(newA, b, "appraised2", 0.5); // a second appraisal round
    put(newA, c, "evidence", null); // evidence removed
    put(newA, a, "note", "Đã giải trình"); // a note added
    const newB = copy(oldB);
    put(newB, c, "appraised", 0);
    const expected = [...differing(oldA, newA), ...differing(oldB, newB), ...differing(oldC, oldC)];
    expect(expected).toHaveLength(5);

    const book = new FakeWorkbook([criteriaGrid(), newA, newB, oldC]);
    // The person's own formatting: a style on a changed cell and a rule of theirs on the same sheet.
    const [firstSheet] = expected[0].split("!");
    book.sheet(firstSheet).styles.set("7,5", { italic: true, fill: "#E2EFDA" });
    book
      .sheet(firstSheet)
      .conditionalFormats.push({ formula: "=$E7<0", ranges: ["E7:E40"], fill: "#FF0000" });
    const before = book.state(true);
    const host = new FakeExcelHost(book);
    restoreExcel = host.install();
    const older = new Uint8Array(await toXlsx([oldA, oldB, oldC], SET));

    render(<App host="excel" />);
    await screen.findByRole("button", { name: "Kiểm tra lại" });
    await pickFile("compare-file", "ban-cu.xlsx", older);
    await waitFor(() =>
      expect(screen.getByTestId("compare-status").textContent).toContain("5 ô thay đổi ở 2 đơn vị")
    );
    const listed = screen
      .getAllByTestId("compare-change")
      .map(
        (el) =>
          `${el.closest("[data-sheet]")!.getAttribute("data-sheet")}!${el.getAttribute("data-cell")}`
      );
    expect(listed.sort()).toEqual([...expected].sort());
    // Per unit its figures before and after (the unchanged unit too).
    expect(screen.getAllByTestId("compare-unit")).toHaveLength(3);
    expect(screen.getAllByTestId("compare-figures")[0].textContent).toMatch(
      /Tự chấm .+ → .+; Thẩm định .+ → .+; Chỉ số .+ → .+/
    );
    // Before → after as read: the cut self-score.
    const cut = screen
      .getAllByTestId("compare-change")
      .find((el) => el.getAttribute("data-cell") === a1(newA.rowOf.get(a)!, newA.columns.self))!;
    expect(cut.textContent).toContain(`${a} · Điểm tự chấm`);
    expect(cut.textContent).toMatch(/→ 0$/);
    expect(book.state(true)).toEqual(before); // comparing writes nothing

    fireEvent.click(screen.getByTestId("compare-highlight"));
    await waitFor(() =>
      expect(screen.getByTestId("compare-highlight-status").textContent).toContain(
        "Đã đánh dấu 5 ô"
      )
    );
    const ours = book.sheets.flatMap((s) =>
      s.conditionalFormats
        .filter((cf) => cf.formula === "=" + COMPARE_RULE_FORMULA)
        .flatMap((cf) => cf.ranges.map((r) => ({ sheet: s.name, r, fill: cf.fill })))
    );
    const covered = ours.flatMap(({ sheet, r }) =>
      expandRange(r).map((cell) => `${sheet}!${cell}`)
    );
    expect(covered.sort()).toEqual([...expected].sort());
    expect(new Set(ours.map((o) => o.fill))).toEqual(new Set([COMPARE_FILL]));
    // The person's rule and style are still there, untouched.
    expect(
      book.sheet(firstSheet).conditionalFormats.find((cf) => cf.formula === "=$E7<0")
    ).toBeTruthy();
    expect(book.sheet(firstSheet).styles.get("7,5")).toEqual({ italic: true, fill: "#E2EFDA" });

    // Highlighting again replaces ours, never stacks; three syncs however many cells.
    const rules = () =>
      book.sheets.reduce(
        (n, s) =>
          n + s.conditionalFormats.filter((cf) => cf.formula === "=" + COMPARE_RULE_FORMULA).length,
        0
      );
    const once = rules();
    const runs = host.contexts.length;
    const syncs = host.syncs;
    fireEvent.click(screen.getByTestId("compare-highlight"));
    await waitFor(() => expect(host.contexts.length).toBe(runs + 1));
    await waitFor(() =>
      expect(screen.getByTestId("compare-highlight").hasAttribute("disabled")).toBe(false)
    );
    expect(rules()).toBe(once);
    expect(host.syncs - syncs).toBe(3);

    fireEvent.click(screen.getByTestId("compare-clear"));
    await waitFor(() =>
      expect(screen.getByTestId("compare-highlight-status").textContent).toContain("Đã bỏ đánh dấu")
    );
    expect(book.state(true)).toEqual(before);

    // A click selects the changed cell.
    const target = screen.getAllByTestId("compare-change")[0];
    const sheet = target.closest("[data-sheet]")!.getAttribute("data-sheet")!;
    fireEvent.click(target);
    await waitFor(() =>
      expect(book.selection).toEqual({ sheet, address: target.getAttribute("data-cell") })
    );
    expect((await screen.findByTestId("compare-goto-status")).textContent).toContain(
      `Đã chọn ô ${target.getAttribute("data-cell")}`
    );
  });

  test("a protected sheet is left as it is and named", async () => {
    const [a] = leafCodes(1);
    const old = unitSheet(SET, { sheet: "An Bình", unitName: "UBND xã An Bình" });
    const now = copy(old);
    put(now, a, "self", 0);
    const book = new FakeWorkbook([criteriaGrid(), now]);
    book.sheet("An Bình").protected = true;
    restoreExcel = new FakeExcelHost(book).install();
    render(<App host="excel" />);
    await screen.findByRole("button", { name: "Kiểm tra lại" });
    await pickFile("compare-file", "cu.xlsx", new Uint8Array(await toXlsx([old], SET)));
    await waitFor(() => expect(screen.getAllByTestId("compare-change")).toHaveLength(1));
    fireEvent.click(screen.getByTestId("compare-highlight"));
    await waitFor(() =>
      expect(screen.getByTestId("compare-highlight-status").textContent).toContain(
        "Trang được bảo vệ, không đánh dấu được: An Bình"
      )
    );
    expect(book.sheet("An Bình").conditionalFormats).toEqual([]);
  });
});

describe("the report button, in Excel", () => {
  test("downloads a .docx that reads back with every unit, its index and its rank", async () => {
    const grids = unitGrids(SET, 3);
    const book = new FakeWorkbook([criteriaGrid(), ...grids]);
    restoreExcel = new FakeExcelHost(book).install();
    render(<App host="excel" />);
    await screen.findByRole("button", { name: "Kiểm tra lại" });
    const rows = await screen.findAllByTestId("unit-row");
    expect(rows).toHaveLength(3);
    await waitFor(() =>
      expect(screen.getByTestId("report-button").hasAttribute("disabled")).toBe(false)
    );
    fireEvent.click(screen.getByTestId("report-button"));
    await waitFor(() => expect(downloaded).toHaveBeenCalledTimes(1));
    const [bytes, name, type] = downloaded.mock.calls[0];
    expect(name).toMatch(/\.docx$/);
    expect(type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    await screen.findByText(`Đã tạo ${name} (3 đơn vị).`);
    const { blocks } = await readDocx(bytes);
    const [ranking] = tablesHeaded(blocks, "Hạng", "Chỉ số (%)");
    // Core on the same sheets is the oracle: every unit with its rank and index.
    const expected = checkWorkbook(SET, { sheets: grids }).units;
    const unitRows = ranking.filter((r) => r.length === 6 && /^\d+$/.test(r[0].text));
    expect(unitRows.map((r) => [r[0].text, r[1].text, r[4].text]).sort()).toEqual(
      expected.map((u) => [String(u.rank), u.name, formatPoints(u.scores.index, "vi")]).sort()
    );
  });
});

function expandRange(r: string): string[] {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(r)!;
  if (!m[3]) return [r];
  const out: string[] = [];
  for (let row = Number(m[2]); row <= Number(m[4]); row++) out.push(`${m[1]}${row}`);
  return out;
}
