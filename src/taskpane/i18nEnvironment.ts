/**
 * The messages of "Môi trường Excel" (the environment check), kept apart from i18n.ts's table, which spreads them
 * into its own: same rules (Vietnamese first, English the same keys).
 */
export const environmentVi = {
  "env.title": "Môi trường Excel",
  "env.hint":
    "Thử trên một trang tạm mọi khả năng của Excel mà add-in dùng (đọc, ghi công thức, định dạng có điều kiện, danh sách chọn, trang ẩn, sự kiện, chuyển tới ô, biểu đồ), rồi xoá trang tạm. Kết quả là văn bản để gửi kèm yêu cầu hỗ trợ.",
  "env.run": "Kiểm tra môi trường",
  "env.running": "Đang kiểm tra môi trường…",
  "env.failed": "Không kiểm tra được môi trường: {reason}",
  "env.report": "Kết quả kiểm tra môi trường",
  "env.copy": "Sao chép",
  "env.copied": "Đã sao chép kết quả.",
  "env.copyFailed": "Không sao chép được; hãy chọn văn bản ở trên và sao chép (Ctrl+C).",
  "env.noExcel":
    "Không chạy trong Excel (chế độ trình duyệt): không có Excel để kiểm tra. Hãy mở add-in trong Excel.",
} as const;

export const environmentEn: Record<keyof typeof environmentVi, string> = {
  "env.title": "Excel environment",
  "env.hint":
    "Tries on a temporary sheet every Excel capability the add-in uses (reading, writing formulas, conditional formats, dropdown lists, hidden sheets, events, going to a cell, the chart), then removes the sheet. The result is text to attach to a support request.",
  "env.run": "Check the environment",
  "env.running": "Checking the environment…",
  "env.failed": "The environment check failed: {reason}",
  "env.report": "Environment check result",
  "env.copy": "Copy",
  "env.copied": "The result was copied.",
  "env.copyFailed": "Could not copy; select the text above and copy it (Ctrl+C).",
  "env.noExcel":
    "Not running in Excel (browser mode): there is no Excel to check. Open the add-in in Excel.",
};
