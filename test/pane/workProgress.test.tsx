/**
 * @jest-environment jsdom
 *
 * Long work in the pane (fake Excel session): the check's and the score's progress with "Dừng"; a stop before
 * writing says nothing changed; while the workbook is written the stop is disabled and the pane says why.
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { ConflictView } from "../../src/taskpane/session";
import { WorkCancelled, type WorkOptions } from "../../src/taskpane/work";
import { paneTestSetup, OUTCOME, type Fake } from "../support/fakeExcelSession";

let session: jest.Mocked<Fake>;
jest.mock("../../src/taskpane/modes/excelSession", () => ({ createExcelSession: () => session }));

paneTestSetup((fake) => {
  session = fake;
});

/** Resolves when the run's signal is aborted, by throwing WorkCancelled as the sessions do. */
function untilStopped(work: WorkOptions | undefined): Promise<never> {
  return new Promise((_resolve, reject) =>
    work?.signal?.addEventListener("abort", () => reject(new WorkCancelled()))
  );
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("long work in the pane", () => {
  test("the check shows what it is doing and stops when asked; checked again, it shows the findings", async () => {
    session.check.mockImplementationOnce(async (_lang, work?: WorkOptions) => {
      work?.onProgress?.({ step: "reading" });
      return untilStopped(work);
    });
    render(<App host="excel" />);
    const progress = await screen.findByTestId("check-progress");
    expect(within(progress).getByTestId("check-progress-step").textContent).toBe(
      "Đang đọc sổ tính…"
    );
    expect(within(progress).getByRole("progressbar", { name: "Đang kiểm tra…" })).toBeTruthy();
    fireEvent.click(within(progress).getByRole("button", { name: "Dừng" }));
    await screen.findByText("Đã dừng kiểm tra: kết quả đang hiện là của lần kiểm tra trước.");
    expect(screen.queryByTestId("check-progress")).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra" }));
    await waitFor(() =>
      expect(screen.getAllByTestId("finding")).toHaveLength(OUTCOME.report!.findings.length)
    );
  });

  test("a score stopped before it writes says nothing changed", async () => {
    render(<App host="excel" />);
    await screen.findByRole("button", { name: "Kiểm tra lại" });
    session.score.mockImplementationOnce(async (_lang, _confirm, work?: WorkOptions) => {
      work?.onProgress?.({ step: "checking" });
      return untilStopped(work);
    });
    fireEvent.click(screen.getByRole("tab", { name: "Chấm điểm" }));
    fireEvent.click(screen.getByRole("button", { name: "Tính điểm" }));
    const progress = await screen.findByTestId("score-status-work");
    expect(within(progress).getByTestId("score-status-work-step").textContent).toBe(
      "Đang kiểm tra các trang đơn vị…"
    );
    fireEvent.click(within(progress).getByRole("button", { name: "Dừng" }));
    await screen.findByText("Đã dừng: không có gì thay đổi.");
  });

  test("while the workbook is written the stop is disabled and the pane says why; the batches count up", async () => {
    render(<App host="excel" />);
    await screen.findByRole("button", { name: "Kiểm tra lại" });
    const written = deferred();
    session.score.mockImplementationOnce(
      async (_lang, _confirm: (c: ConflictView[]) => Promise<boolean>, work?: WorkOptions) => {
        work?.onProgress?.({ step: "writing", done: 1, total: 3 });
        await written.promise;
        return { done: true, conflicts: [] };
      }
    );
    fireEvent.click(screen.getByRole("tab", { name: "Chấm điểm" }));
    fireEvent.click(screen.getByRole("button", { name: "Tính điểm" }));
    const progress = await screen.findByTestId("score-status-work");
    expect(within(progress).getByTestId("score-status-work-step").textContent).toBe(
      "Đang ghi vào sổ tính: đợt 1/3…"
    );
    expect(within(progress).getByRole("progressbar").getAttribute("aria-valuenow")).toBe(
      String(1 / 3)
    );
    const stop = within(progress).getByRole("button", { name: "Dừng" }) as HTMLButtonElement;
    expect(stop.disabled).toBe(true);
    expect(
      within(progress).getByText("Đang ghi: không dừng giữa chừng, để sổ không bị ghi dở.")
    ).toBeTruthy();
    written.resolve();
    await screen.findByText("Đã tính điểm: công thức tổng điểm, chỉ số và xếp hạng đã được ghi.");
  });
});
