/**
 * The add-in's messages (the pane in Excel, the ribbon's dialog): whole sentences naming what the person has to
 * fix. A code without a sentence is said with the command line's line (lines.ts).
 */
import { Texts } from "./params";

/** The codes the add-in says in its own words. */
export type SentenceCode =
  | "sheet-protected"
  | "workbook-changed"
  | "nothing-to-revert"
  | "snapshot-unreadable"
  | "host-too-old"
  | "no-criteria"
  | "criteria-refused"
  | "typed-cells-not-confirmed"
  | "structure-protected"
  | "sheet-hidden";

/** How many changed cells a message names before "…". */
export const CELLS_SHOWN = 10;

const VI: Texts<SentenceCode>["vi"] = {
  "sheet-protected": (p) =>
    `Trang tính đang được bảo vệ: ${p.sheets}. Hãy bỏ bảo vệ (Review › Unprotect Sheet) rồi chạy lại — chưa ghi gì.`,
  "workbook-changed": (p) =>
    `Sổ tính đã thay đổi sau khi đọc (${p.cells}${p.count > CELLS_SHOWN ? ", …" : ""}). Hãy chạy lại — chưa ghi gì.`,
  "nothing-to-revert": () => "Không có lần chạy nào để hoàn tác trong sổ tính này.",
  "snapshot-unreadable": (p) =>
    `Không đọc được dữ liệu hoàn tác (${p.reason}); sổ tính không bị thay đổi.`,
  "host-too-old": (p) =>
    `Phiên bản Excel này chưa hỗ trợ ExcelApi ${p.version}; hãy cập nhật Excel hoặc dùng Excel trên web.`,
  "no-criteria": () => 'Sổ tính không có trang "Bộ tiêu chí" và chưa chọn bộ tiêu chí.',
  "criteria-refused": (p) => `Bộ tiêu chí trên trang "${p.sheet}" bị từ chối (${p.count} lỗi).`,
  "typed-cells-not-confirmed": (p) =>
    `${p.count} ô có giá trị nhập tay sẽ thành công thức; hãy mở ngăn CCHC để xem và xác nhận — chưa ghi gì.`,
  "structure-protected": () =>
    "Cấu trúc sổ tính đang được bảo vệ (Review › Protect Workbook) nên không thể thêm, xoá hay ẩn trang tính. Hãy bỏ bảo vệ rồi chạy lại — chưa ghi gì.",
  "sheet-hidden": (p) =>
    `Trang "${p.sheet}" đang bị ẩn. Hãy hiện trang (chuột phải vào thẻ trang › Unhide) rồi mở lại.`,
};

const EN: Texts<SentenceCode>["en"] = {
  "sheet-protected": (p) =>
    `${p.count === 1 ? "This sheet is" : "These sheets are"} protected: ${p.sheets}. Unprotect ${p.count === 1 ? "it" : "them"} (Review › Unprotect Sheet) and run again — nothing was written.`,
  "workbook-changed": (p) =>
    `The workbook changed after it was read (${p.cells}${p.count > CELLS_SHOWN ? ", …" : ""}). Run again — nothing was written.`,
  "nothing-to-revert": () => "There is no run to undo in this workbook.",
  "snapshot-unreadable": (p) =>
    `The undo data cannot be read (${p.reason}); the workbook was not changed.`,
  "host-too-old": (p) =>
    `This version of Excel does not support ExcelApi ${p.version}; update Excel or use Excel on the web.`,
  "no-criteria": () =>
    'The workbook has no "Bộ tiêu chí" (or "Criteria") sheet and no criteria set was chosen.',
  "criteria-refused": (p) =>
    `The criteria set on sheet "${p.sheet}" is refused (${p.count} ${p.count === 1 ? "problem" : "problems"}).`,
  "typed-cells-not-confirmed": (p) =>
    `${p.count} ${p.count === 1 ? "cell holds a typed value that would become a formula" : "cells hold typed values that would become formulas"}; open the CCHC pane to review and confirm — nothing was written.`,
  "structure-protected": () =>
    "The workbook's structure is protected (Review › Protect Workbook), so sheets cannot be added, deleted or hidden. Unprotect it and run again — nothing was written.",
  "sheet-hidden": (p) =>
    `Sheet "${p.sheet}" is hidden. Unhide it (right-click a sheet tab › Unhide) and go to it again.`,
};

export const SENTENCES: Texts<SentenceCode> = { vi: VI, en: EN };
