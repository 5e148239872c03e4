/**
 * @jest-environment jsdom
 *
 * The pane in Excel mode, rendered in jsdom with the Excel session replaced by a fake (the real one needs
 * Excel): the check on open, go-to-cell feedback, the question before typed values are replaced, revert,
 * the summary, and the debounced re-check that ignores the add-in's own writes.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { RevertConflictView } from "../../src/taskpane/session";
import { OUTCOME, paneTestSetup, SET, type Fake } from "../support/fakeExcelSession";

let session: jest.Mocked<Fake>;
jest.mock("../../src/taskpane/modes/excelSession", () => ({ createExcelSession: () => session }));

paneTestSetup((fake) => (session = fake));

/** Shows a job's tab: the pane keeps one job in view. */
function openJob(name: string) {
  fireEvent.click(screen.getByRole("tab", { name }));
}

async function renderExcelPane() {
  render(<App host="excel" />);
  await screen.findByRole("button", { name: "Kiểm tra lại" });
}

describe("the pane in Excel", () => {
  test("checks the workbook on open and lists findings and units", async () => {
    await renderExcelPane();
    expect(session.check).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("heading", { level: 2, name: "Bộ tiêu chí" })).toBeTruthy();
    expect(screen.getByText(SET.set.title)).toBeTruthy();
    const findings = screen.getAllByTestId("finding");
    expect(findings).toHaveLength(OUTCOME.report!.findings.length);
    // Unit names are text, whatever they look like.
    expect(screen.getByText('=HYPERLINK("http://x","y") <b>An Bình</b>')).toBeTruthy();
    expect(document.querySelector("main b")).toBeNull();
    expect(
      screen.getByRole("switch", { name: "Tự kiểm tra lại khi sổ tính thay đổi" })
    ).toBeTruthy();
  });

  test("one job in view, each tab naming its panel; the counts stay in sight; switching loses nothing", async () => {
    await renderExcelPane();
    const names = ["Kiểm tra", "Chấm điểm", "Tổng hợp", "Mùa chấm"];
    expect(screen.getAllByRole("tab")).toEqual(
      names.map((name) => screen.getByRole("tab", { name }))
    );
    for (const tab of screen.getAllByRole("tab")) {
      const panel = document.getElementById(tab.getAttribute("aria-controls")!)!;
      expect(panel.getAttribute("role")).toBe("tabpanel");
      expect(panel.getAttribute("aria-labelledby")).toBe(tab.id);
      expect(panel.hidden).toBe(tab.getAttribute("aria-selected") !== "true");
    }
    const counts = OUTCOME.report!.counts;
    const bar = screen.getByTestId("counts-bar");
    expect(bar.textContent).toContain(`${counts.error} lỗi`);
    expect(bar.textContent).toContain(`${counts.warning} cảnh báo`);
    expect(bar.textContent).toContain(`${OUTCOME.report!.units.length} đơn vị`);

    // Filter the findings, go to Score: the findings are out of view, the counts are not.
    const errors = screen
      .getByTestId("severity-filter")
      .querySelector<HTMLElement>("[data-severity=error]")!;
    fireEvent.click(errors);
    const shown = screen.getAllByTestId("finding").length;
    openJob("Chấm điểm");
    expect(screen.queryByRole("button", { name: "Kiểm tra lại" })).toBeNull();
    expect(screen.getByRole("button", { name: "Tính điểm" })).toBeTruthy();
    expect(screen.getByTestId("counts-bar").textContent).toContain(`${counts.error} lỗi`);
    // The errors' count takes you back to the findings, filtered as they were.
    fireEvent.click(screen.getByTestId("count-error"));
    expect(screen.getByRole("tab", { name: "Kiểm tra" }).getAttribute("aria-selected")).toBe(
      "true"
    );
    expect(screen.getAllByTestId("finding")).toHaveLength(shown);
    expect(errors.getAttribute("aria-pressed")).toBe("false");
    expect(session.check).toHaveBeenCalledTimes(1);
  });

  test("a finding selects its cell through the session, and says so", async () => {
    await renderExcelPane();
    const target = OUTCOME.report!.findings.find((f) => f.cell)!;
    const button = screen
      .getAllByTestId("finding")
      .find((b) => b.dataset.cell === target.cell && b.dataset.sheet === target.sheet)!;
    fireEvent.click(button);
    await waitFor(() =>
      expect(screen.getByTestId("goto-status").textContent).toContain(
        `Đã chọn ô ${target.cell} trên trang “${target.sheet}”.`
      )
    );
    expect(session.goTo).toHaveBeenCalledWith(target.sheet, target.cell);
    expect(button.getAttribute("aria-current")).toBe("true");
  });

  test("asks before typed values become formulas: cancel writes nothing, confirm scores and checks again", async () => {
    await renderExcelPane();
    // Tabster keeps a dialog aria-hidden until focus enters it, which jsdom does not always get to before
    // the queries: the dialog's own content is queried with hidden: true; its role and name are checked.
    const openDialog = async () => {
      openJob("Chấm điểm");
      fireEvent.click(screen.getByRole("button", { name: "Tính điểm" }));
      const dialog = await screen.findByTestId("confirm-replace");
      expect(dialog.getAttribute("role")).toBe("alertdialog");
      expect(dialog.getAttribute("aria-modal")).toBe("true");
      const title = document.getElementById(dialog.getAttribute("aria-labelledby")!);
      expect(title?.textContent).toBe("Thay giá trị nhập tay bằng công thức?");
      return dialog;
    };
    const button = (dialog: HTMLElement, name: string) =>
      within(dialog).getByRole("button", { name, hidden: true });

    let dialog = await openDialog();
    const cells = within(dialog)
      .getAllByRole("cell", { hidden: true })
      .map((c) => c.textContent);
    expect(cells).toEqual(["Bình Minh", "E60", "81,5", "=SUM(E6,E12)"]);
    fireEvent.click(button(dialog, "Hủy"));
    await screen.findByText("Đã hủy: chưa ghi gì vào sổ tính.");
    await waitFor(() => expect(screen.queryByTestId("confirm-replace")).toBeNull());
    expect(session.check).toHaveBeenCalledTimes(1);

    dialog = await openDialog();
    fireEvent.click(button(dialog, "Thay bằng công thức"));
    await screen.findByText("Đã tính điểm: công thức tổng điểm, chỉ số và xếp hạng đã được ghi.");
    await waitFor(() => expect(session.check).toHaveBeenCalledTimes(2));
  });

  test("reverts the last run and builds the summary sheet", async () => {
    await renderExcelPane();
    openJob("Chấm điểm");
    fireEvent.click(screen.getByRole("button", { name: "Hoàn tác lần chạy trước" }));
    await screen.findByText("Đã hoàn tác lần chạy trước.");
    expect(session.revertLastRun).toHaveBeenCalledTimes(1);
    openJob("Tổng hợp");
    fireEvent.click(screen.getByRole("button", { name: "Tạo trang Tổng hợp" }));
    await screen.findByText("Đã tạo trang “Tổng hợp”.");
    expect(session.buildSummary).toHaveBeenCalledTimes(1);
  });

  test("an undo that finds the person's changes lists them, writes nothing, and offers to restore what is safe", async () => {
    const conflicts: RevertConflictView[] = [
      { sheet: "Bình Minh", cell: "E61", wrote: "=SUM(E6,E12)", now: "42" },
      { sheet: "An Bình", missing: true },
    ];
    session.revertLastRun
      .mockResolvedValueOnce({ status: "conflicts", conflicts })
      .mockResolvedValueOnce({
        status: "reverted",
        notices: ['Trên trang "Bình Minh" đã có thay đổi sau lần chạy.'],
        left: conflicts,
      });
    await renderExcelPane();
    openJob("Chấm điểm");
    fireEvent.click(screen.getByRole("button", { name: "Hoàn tác lần chạy trước" }));
    await screen.findByText(
      "Chưa hoàn tác, chưa ghi gì: 2 chỗ đã thay đổi sau lần chạy (CCHC chỉ khôi phục ô còn đúng như nó đã ghi)."
    );
    expect(session.revertLastRun).toHaveBeenLastCalledWith("vi", undefined);
    const table = screen.getByTestId("revert-conflicts-table");
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((c) => c.textContent)
    ).toEqual(["Trang", "Ô", "CCHC đã ghi", "Hiện có"]);
    expect(
      within(table)
        .getAllByRole("cell")
        .map((c) => c.textContent)
    ).toEqual(["Bình Minh", "E61", "=SUM(E6,E12)", "42", "An Bình", "(không tìm thấy trang)"]);
    // Nothing was undone: the check is not run again.
    expect(session.check).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByRole("button", { name: "Khôi phục phần an toàn" }));
    await screen.findByText(
      "Đã hoàn tác phần an toàn; 2 chỗ đã thay đổi sau lần chạy được giữ nguyên như hiện có."
    );
    expect(session.revertLastRun).toHaveBeenLastCalledWith("vi", { restoreSafe: true });
    expect(screen.getByTestId("score-status-notices").textContent).toContain(
      'Trên trang "Bình Minh" đã có thay đổi sau lần chạy.'
    );
    expect(screen.queryByRole("button", { name: "Khôi phục phần an toàn" })).toBeNull();
    await waitFor(() => expect(session.check).toHaveBeenCalledTimes(2));
  });

  test("a run's notices are shown with its outcome", async () => {
    const notice = 'Sổ tính đã có trang "Tổng hợp" của người dùng, … trang mới "Tổng hợp (2)".';
    session.score.mockResolvedValueOnce({ done: true, conflicts: [], notices: [notice] });
    session.buildSummary.mockResolvedValueOnce({ done: true, conflicts: [], notices: [notice] });
    await renderExcelPane();
    openJob("Chấm điểm");
    fireEvent.click(screen.getByRole("button", { name: "Tính điểm" }));
    await screen.findByText("Đã tính điểm: công thức tổng điểm, chỉ số và xếp hạng đã được ghi.");
    expect(
      within(screen.getByTestId("score-status-notices"))
        .getAllByRole("listitem")
        .map((li) => li.textContent)
    ).toEqual([notice]);
    openJob("Tổng hợp");
    fireEvent.click(screen.getByRole("button", { name: "Tạo trang Tổng hợp" }));
    await screen.findByText("Đã tạo trang “Tổng hợp”.");
    expect(screen.getByTestId("summary-status-notices").textContent).toContain(notice);
  });

  test("a finding on a hidden sheet offers to unhide it, and then goes there", async () => {
    const hidden = Object.assign(new Error("Trang “Bình Minh” đang ẩn."), {
      code: "sheet-hidden",
    });
    session.goTo.mockRejectedValueOnce(hidden);
    await renderExcelPane();
    const target = OUTCOME.report!.findings.find((f) => f.cell && f.sheet === "Bình Minh")!;
    const button = screen
      .getAllByTestId("finding")
      .find((b) => b.dataset.cell === target.cell && b.dataset.sheet === target.sheet)!;
    fireEvent.click(button);
    const unhide = await screen.findByRole("button", { name: "Hiện trang “Bình Minh”" });
    expect(screen.getByTestId("goto-status").textContent).toContain("đang ẩn");
    fireEvent.click(unhide);
    await waitFor(() =>
      expect(screen.getByTestId("goto-status").textContent).toContain(
        `Đã chọn ô ${target.cell} trên trang “Bình Minh”.`
      )
    );
    expect(session.goTo).toHaveBeenLastCalledWith("Bình Minh", target.cell, { unhide: true });
    expect(screen.queryByTestId("goto-unhide")).toBeNull();
  });

  test("a failed revert says why", async () => {
    session.revertLastRun.mockRejectedValueOnce(
      new Error("Không có lần chạy nào để hoàn tác trong sổ tính này.")
    );
    await renderExcelPane();
    openJob("Chấm điểm");
    fireEvent.click(screen.getByRole("button", { name: "Hoàn tác lần chạy trước" }));
    await screen.findByText(
      "Không hoàn tác được: Không có lần chạy nào để hoàn tác trong sổ tính này."
    );
  });

  test("edits are re-checked about a second later; the add-in's own writes are not", async () => {
    jest.useFakeTimers();
    try {
      render(<App host="excel" />);
      await act(async () => {
        await jest.advanceTimersByTimeAsync(10);
      });
      expect(session.check).toHaveBeenCalledTimes(1);
      expect(session.changed).toBeDefined();

      session.writing = true;
      act(() => session.changed!());
      await act(async () => {
        await jest.advanceTimersByTimeAsync(3000);
      });
      expect(session.check).toHaveBeenCalledTimes(1);

      session.writing = false;
      act(() => session.changed!());
      await act(async () => {
        await jest.advanceTimersByTimeAsync(500);
      });
      act(() => session.changed!());
      expect(screen.getByText("Sổ tính vừa thay đổi, sắp kiểm tra lại…")).toBeTruthy();
      await act(async () => {
        await jest.advanceTimersByTimeAsync(999);
      });
      expect(session.check).toHaveBeenCalledTimes(1);
      await act(async () => {
        await jest.advanceTimersByTimeAsync(10);
      });
      expect(session.check).toHaveBeenCalledTimes(2);

      // Turning the switch off stops listening.
      fireEvent.click(screen.getByRole("switch", { name: "Tự kiểm tra lại khi sổ tính thay đổi" }));
      await act(async () => {
        await jest.advanceTimersByTimeAsync(10);
      });
      expect(session.changed).toBeUndefined();
    } finally {
      jest.useRealTimers();
    }
  });

  test("a refused criteria sheet shows every problem and no findings", async () => {
    const problems = [
      { path: "Bộ tiêu chí!C12", message: "Điểm tối đa phải lớn hơn 0" },
      { path: "Bộ tiêu chí!A14", message: "Mã 1.2 trùng với dòng 10" },
    ];
    session.check.mockResolvedValue({
      criteria: { status: "refused", source: { kind: "sheet", sheet: "Bộ tiêu chí" }, problems },
    });
    render(<App host="excel" />);
    const list = await screen.findByTestId("criteria-problems");
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.textContent)
    ).toEqual(problems.map((p) => p.path + p.message));
    expect(screen.queryAllByTestId("finding")).toHaveLength(0);
    openJob("Chấm điểm");
    expect((screen.getByRole("button", { name: "Tính điểm" }) as HTMLButtonElement).disabled).toBe(
      true
    );
  });
});
