/** The messages of long work's progress and its stop button (spread into i18n.ts's table; same rules). */
export const workVi = {
  "work.reading": "Đang đọc sổ tính…",
  "work.checking": "Đang kiểm tra các trang đơn vị…",
  "work.writing": "Đang ghi vào sổ tính…",
  "work.writingCount": "Đang ghi vào sổ tính: đợt {done}/{total}…",
  "work.readingOther": "Đang đọc bản trước…",
  "work.comparing": "Đang so sánh…",
  "work.stop": "Dừng",
  "work.noStop": "Đang ghi: không dừng giữa chừng, để sổ không bị ghi dở.",
  "work.stopped": "Đã dừng: không có gì thay đổi.",
  "check.stopped": "Đã dừng kiểm tra: kết quả đang hiện là của lần kiểm tra trước.",
  "file.stopped": "Đã dừng đọc {name}.",
} as const;

export const workEn: Record<keyof typeof workVi, string> = {
  "work.reading": "Reading the workbook…",
  "work.checking": "Checking the unit sheets…",
  "work.writing": "Writing to the workbook…",
  "work.writingCount": "Writing to the workbook: batch {done}/{total}…",
  "work.readingOther": "Reading the earlier version…",
  "work.comparing": "Comparing…",
  "work.stop": "Stop",
  "work.noStop": "Writing: not stopped halfway, so the workbook is never left half written.",
  "work.stopped": "Stopped: nothing was changed.",
  "check.stopped": "Check stopped: the results shown are from the check before.",
  "file.stopped": "Stopped reading {name}.",
};
