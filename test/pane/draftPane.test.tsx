/**
 * @jest-environment jsdom
 *
 * "Tạo bộ tiêu chí từ trang này" in the pane (fake Excel session): the outcome said, with the items to confirm and
 * what did not add up, and the check made with the draft shown; a workbook with a criteria sheet keeps it.
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { paneTestSetup, OUTCOME, type Fake } from "../support/fakeExcelSession";

let session: jest.Mocked<Fake>;
jest.mock("../../src/taskpane/modes/excelSession", () => ({ createExcelSession: () => session }));

paneTestSetup((fake) => {
  session = fake;
  session.check.mockResolvedValue({ criteria: { status: "none" } });
});

describe("drafting a criteria set from the active sheet", () => {
  test("written: the sheet, the items to confirm, the notes, and the check made with it", async () => {
    session.draftCriteria.mockResolvedValue({
      status: "written",
      sheet: "Bộ tiêu chí",
      from: "Mẫu tỉnh",
      toConfirm: 7,
      notes: ["Mẫu tỉnh!C9: Tổng điểm ghi 19 nhưng các lĩnh vực cộng lại 19,5"],
      check: OUTCOME,
    });
    render(<App host="excel" />);
    await screen.findByText(/Sổ tính chưa có trang/i);
    fireEvent.click(screen.getByRole("button", { name: "Tạo bộ tiêu chí từ trang này" }));
    await screen.findByText(
      "Đã tạo trang “Bộ tiêu chí” từ trang “Mẫu tỉnh”: 7 mục cần xác nhận (cột “Cần xác nhận”). Hãy soát lại các mục đó."
    );
    expect(
      screen.getByText("Mẫu tỉnh!C9: Tổng điểm ghi 19 nhưng các lĩnh vực cộng lại 19,5")
    ).toBeTruthy();
    await waitFor(() =>
      expect(screen.getAllByTestId("finding")).toHaveLength(OUTCOME.report!.findings.length)
    );
  });

  test("a workbook with a criteria sheet keeps it, and the pane says how to go on", async () => {
    session.draftCriteria.mockResolvedValue({
      status: "exists",
      sheet: "Bộ tiêu chí",
    });
    render(<App host="excel" />);
    await screen.findByText(/Sổ tính chưa có trang/i);
    fireEvent.click(screen.getByRole("button", { name: "Tạo bộ tiêu chí từ trang này" }));
    await screen.findByText(
      "Sổ đã có trang “Bộ tiêu chí”: bản nháp không ghi đè lên bộ tiêu chí đã có. Đổi tên hoặc xóa trang đó rồi thử lại."
    );
  });
});
