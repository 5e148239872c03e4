/** The messages of "Tạo bộ tiêu chí từ trang này" (spread into i18n.ts's table; same rules). */
export const draftVi = {
  "draft.run": "Tạo bộ tiêu chí từ trang này",
  "draft.runBrowser": "Tạo bộ tiêu chí từ sổ này",
  "draft.hint":
    "Đọc mẫu chấm điểm (cột Mã/STT, Tên, Điểm tối đa) và lập bộ tiêu chí; những gì mẫu không nói được đánh dấu “Cần xác nhận”.",
  "draft.running": "Đang lập bộ tiêu chí từ mẫu…",
  "draft.written":
    "Đã tạo trang “{sheet}” từ trang “{from}”: {count} mục cần xác nhận (cột “Cần xác nhận”). Hãy soát lại các mục đó.",
  "draft.downloaded":
    "Đã tạo tệp {file} từ trang “{from}”: {count} mục cần xác nhận. Khung đang dùng bản nháp này để kiểm tra sổ.",
  "draft.notes": "Những chỗ trên mẫu không khớp:",
  "draft.exists":
    "Sổ đã có trang “{sheet}”: bản nháp không ghi đè lên bộ tiêu chí đã có. Đổi tên hoặc xóa trang đó rồi thử lại.",
  "draft.noForm":
    "“{from}” không có mẫu chấm điểm đọc được: cần một bảng có cột Mã (STT), Tên và Điểm tối đa.",
  "draft.refused": "Bộ tiêu chí lập từ “{from}” chưa dùng được ({count} vấn đề):",
  "draft.failed": "Không lập được bộ tiêu chí: {reason}",
  "draft.noWorkbook": "Hãy mở tệp .xlsx có mẫu chấm điểm trước.",
} as const;

export const draftEn: Record<keyof typeof draftVi, string> = {
  "draft.run": "Draft a criteria set from this sheet",
  "draft.runBrowser": "Draft a criteria set from this workbook",
  "draft.hint":
    "Reads a scoring form (code, name and maximum columns) into a criteria set; what the form cannot say is marked “Cần xác nhận” (to confirm).",
  "draft.running": "Drafting a criteria set from the form…",
  "draft.written":
    "Created the sheet “{sheet}” from “{from}”: {count} items to confirm (column “Cần xác nhận”). Please review them.",
  "draft.downloaded":
    "Created {file} from “{from}”: {count} items to confirm. The pane now checks the workbook with this draft.",
  "draft.notes": "What did not add up on the form:",
  "draft.exists":
    "The workbook already has the sheet “{sheet}”: the draft is not written over an existing criteria set. Rename or delete that sheet and try again.",
  "draft.noForm":
    "“{from}” holds no scoring form the reader knows: it needs a table with code, name and maximum columns.",
  "draft.refused": "The set drafted from “{from}” cannot be used yet ({count} problems):",
  "draft.failed": "Could not draft a criteria set: {reason}",
  "draft.noWorkbook": "Open an .xlsx file with a scoring form first.",
};
