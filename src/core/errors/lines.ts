/**
 * The command line's messages: one line after "cchc: <file>: ", lower-case, saying what to do and that nothing
 * was written where that is so. Also what the pane's browser mode shows (it works on files, like the command line).
 */
import { Texts } from "./params";

/** The codes the command line (and the browser mode) says. */
export type LineCode =
  | "file-not-found"
  | "file-unreadable"
  | "file-empty"
  | "not-xlsx"
  | "xls-binary"
  | "encrypted"
  | "damaged"
  | "no-worksheets"
  | "too-large"
  | "no-criteria"
  | "criteria-refused"
  | "criteria-not-json"
  | "criteria-unknown-type"
  | "form-not-found"
  | "out-exists-as-input"
  | "out-is-input"
  | "out-is-criteria"
  | "out-not-regular"
  | "write-failed"
  | "sheet-protected"
  | "beyond-limits"
  | "nothing-to-revert"
  | "revert-conflicts"
  | "snapshot-unreadable"
  | "bad-arguments"
  | "opendocument"
  | "no-unit-sheets"
  | "previous-unrecognised"
  | "internal";

/** OpenDocument kinds (the end of their mimetype) and their usual extensions. */
const ODF_EXTENSION: Record<string, string> = {
  spreadsheet: ".ods",
  text: ".odt",
  presentation: ".odp",
  graphics: ".odg",
  "spreadsheet-template": ".ots",
};

/** What an --out that is not a regular file is (see cli/outputPath). */
const KIND_VI: Record<string, string> = {
  directory: "một thư mục",
  fifo: "một đường ống (FIFO)",
  socket: "một socket",
  device: "một thiết bị",
  "dangling-link": "một liên kết tới tệp không tồn tại",
  other: "một tệp đặc biệt",
};
const KIND_EN: Record<string, string> = {
  directory: "a directory",
  fifo: "a pipe (FIFO)",
  socket: "a socket",
  device: "a device",
  "dangling-link": "a link to a file that does not exist",
  other: "a special file",
};

const VI: Texts<LineCode>["vi"] = {
  "file-not-found": () => "không tìm thấy tệp",
  "file-unreadable": (p) => `không đọc được tệp (${p.reason})`,
  "file-empty": () => "tệp rỗng (0 byte)",
  "not-xlsx": (p) =>
    `không phải tệp Excel .xlsx${p.looksLike ? ` (nội dung giống ${p.looksLike})` : ""}; hãy mở bằng Excel và lưu dạng .xlsx`,
  "xls-binary": () =>
    "đây là tệp Excel 97–2003 (.xls); hãy mở bằng Excel và chọn Lưu thành (Save As) .xlsx",
  encrypted: () =>
    "tệp được đặt mật khẩu (mã hóa); hãy mở bằng Excel, gỡ mật khẩu (File › Info › Protect Workbook) rồi lưu lại",
  damaged: (p) =>
    `tệp .xlsx bị hỏng, không đọc được${p.missing ? ` (thiếu phần ${p.missing})` : p.reason ? ` (${p.reason})` : ""}`,
  "no-worksheets": () => "tệp .xlsx không có trang tính nào",
  "too-large": (p) => `tệp quá lớn (${p.size} MB; tối đa ${p.limit} MB)`,
  "no-criteria": () =>
    `không có bộ tiêu chí: sổ tính không có trang "Bộ tiêu chí" và không có --criteria`,
  "criteria-refused": (p) => `bộ tiêu chí bị từ chối (${p.count} lỗi)`,
  "criteria-not-json": (p) => `tệp bộ tiêu chí không phải JSON hợp lệ (${p.reason})`,
  "form-not-found": (p) =>
    p.sheet
      ? `trang "${p.sheet}" không có hoặc không có bảng chấm điểm (cột STT/Mã, Tiêu chí, Điểm tối đa)`
      : "không có trang nào có bảng chấm điểm (cột STT/Mã, Tiêu chí, Điểm tối đa); chọn trang bằng --sheet",
  "criteria-unknown-type": () =>
    'tệp bộ tiêu chí phải là .criteria.json (hoặc .json) hoặc .xlsx có trang "Bộ tiêu chí"',
  "out-exists-as-input": () =>
    "--out trùng với tệp đầu vào; dùng tên khác, hoặc thêm --in-place để ghi đè",
  "out-is-input": (p) =>
    `--out là chính tệp đầu vào ${p.file} (cùng một tệp); hãy ghi ra tệp khác — chưa ghi gì`,
  "out-is-criteria": (p) =>
    `--out là chính tệp bộ tiêu chí ${p.file} (--criteria); hãy ghi ra tệp khác — chưa ghi gì`,
  "out-not-regular": (p) =>
    `--out không phải một tệp thường mà là ${KIND_VI[p.kind] ?? p.kind}; hãy chọn đường dẫn tới một tệp — chưa ghi gì`,
  "write-failed": (p) => `không ghi được tệp (${p.reason})`,
  "sheet-protected": (p) =>
    `trang tính đang được bảo vệ (${p.sheets}); hãy bỏ bảo vệ (Review › Unprotect Sheet) rồi chạy lại — chưa ghi gì`,
  "beyond-limits": (p) => {
    const on = p.sheet ? `trang tính "${p.sheet}": ` : "";
    const fix = "; hãy sửa trong Excel, lưu lại rồi chạy lại";
    if (p.what === "row-outside")
      return `${on}hàng ${p.range} nằm ngoài giới hạn 1 048 576 hàng của Excel — tệp bị hỏng${fix}`;
    if (p.what === "col-outside")
      return `${on}cột ${p.range} nằm ngoài giới hạn 16 384 cột của Excel — tệp bị hỏng${fix}`;
    if (p.what === "range-outside")
      return `${on}vùng ${p.range} nằm ngoài giới hạn của Excel (1 048 576 hàng, 16 384 cột) — tệp bị hỏng${fix}`;
    if (p.what === "merged-cells")
      return `${on}các vùng gộp ô (lớn nhất ${p.range}) phủ ${p.count} ô, quá giới hạn ${p.limit}; hãy bỏ gộp ô (Home › Merge & Center) ở vùng thừa, lưu lại rồi chạy lại`;
    if (p.what === "merges")
      return `${on}có ${p.count} vùng gộp ô, quá giới hạn ${p.limit}; hãy bỏ gộp ô ở vùng thừa, lưu lại rồi chạy lại`;
    if (p.what === "validated-cells")
      return `${on}kiểm tra dữ liệu (Data › Data Validation, lớn nhất ${p.range}) phủ ${p.count} ô, quá giới hạn ${p.limit}; hãy thu hẹp vùng kiểm tra, lưu lại rồi chạy lại`;
    return `nội dung tệp khi giải nén là ${p.count} MB, quá giới hạn ${p.limit} MB`;
  },
  "nothing-to-revert": () =>
    "không có lần chạy nào để hoàn tác (sổ tính không có dữ liệu hoàn tác của cchc hay của phần bổ trợ)",
  "revert-conflicts": (p) =>
    `${p.count} chỗ đã bị sửa sau lần chạy nên không hoàn tác được an toàn — chưa ghi gì (cchc revert --skip-conflicts trả lại phần an toàn)`,
  "snapshot-unreadable": (p) => `không đọc được dữ liệu hoàn tác (${p.reason}) — chưa ghi gì`,
  "bad-arguments": (p) => String(p.detail),
  opendocument: (p) =>
    String(p.kind).startsWith("spreadsheet")
      ? `đây là bảng tính OpenDocument (${ODF_EXTENSION[p.kind]}), không phải tệp Excel .xlsx; hãy mở bằng LibreOffice Calc hoặc Excel rồi lưu thành (Save As) "Excel 2007-365 (.xlsx)"`
      : `đây là tài liệu OpenDocument (${ODF_EXTENSION[p.kind] ?? p.kind}), không phải sổ tính Excel .xlsx`,
  "no-unit-sheets": () => "sổ tính không có trang chấm điểm nào của đơn vị để so sánh",
  "previous-unrecognised": (p) =>
    `không phải báo cáo --json của cchc check/summary hay sổ tổng hợp do cchc ghi${p.reason ? ` (${p.reason})` : ""}`,
  internal: (p) => `lỗi nội bộ: ${p.reason}`,
};

const EN: Texts<LineCode>["en"] = {
  "file-not-found": () => "file not found",
  "file-unreadable": (p) => `cannot read the file (${p.reason})`,
  "file-empty": () => "the file is empty (0 bytes)",
  "not-xlsx": (p) =>
    `not an Excel .xlsx file${p.looksLike ? ` (it looks like ${p.looksLike})` : ""}; open it in Excel and save it as .xlsx`,
  "xls-binary": () =>
    "this is an Excel 97–2003 workbook (.xls); open it in Excel and Save As .xlsx",
  encrypted: () =>
    "the workbook is password-protected (encrypted); open it in Excel, remove the password (File › Info › Protect Workbook) and save",
  damaged: (p) =>
    `the .xlsx file is damaged and cannot be read${p.missing ? ` (its part ${p.missing} is missing)` : p.reason ? ` (${p.reason})` : ""}`,
  "no-worksheets": () => "the .xlsx file has no worksheets",
  "too-large": (p) => `the file is too large (${p.size} MB; at most ${p.limit} MB)`,
  "no-criteria": () =>
    `no criteria set: the workbook has no "Bộ tiêu chí" sheet and no --criteria was given`,
  "criteria-refused": (p) =>
    `the criteria set is refused (${p.count} ${Number(p.count) === 1 ? "problem" : "problems"})`,
  "criteria-not-json": (p) => `the criteria file is not valid JSON (${p.reason})`,
  "form-not-found": (p) =>
    p.sheet
      ? `there is no sheet "${p.sheet}" with a scoring table (code, criterion and max columns)`
      : "no sheet has a scoring table (code, criterion and max columns); name one with --sheet",
  "criteria-unknown-type": () =>
    'the criteria file must be a .criteria.json (or .json) file or an .xlsx with a "Bộ tiêu chí" sheet',
  "out-exists-as-input": () =>
    "--out is the input file; choose another name, or add --in-place to overwrite it",
  "out-is-input": (p) =>
    `--out is the input file ${p.file} itself (the same file); write to another file — nothing was written`,
  "out-is-criteria": (p) =>
    `--out is the criteria file ${p.file} itself (--criteria); write to another file — nothing was written`,
  "out-not-regular": (p) =>
    `--out is not a regular file but ${KIND_EN[p.kind] ?? p.kind}; give the path of a file — nothing was written`,
  "write-failed": (p) => `cannot write the file (${p.reason})`,
  "sheet-protected": (p) =>
    `the sheet is protected (${p.sheets}); unprotect it (Review › Unprotect Sheet) and run again — nothing was written`,
  "beyond-limits": (p) => {
    const on = p.sheet ? `sheet "${p.sheet}": ` : "";
    const fix = "; fix it in Excel, save and run again";
    if (p.what === "row-outside")
      return `${on}row ${p.range} is past Excel's last row 1048576 — the file is damaged${fix}`;
    if (p.what === "col-outside")
      return `${on}column ${p.range} is past Excel's last column 16384 — the file is damaged${fix}`;
    if (p.what === "range-outside")
      return `${on}range ${p.range} is outside Excel's grid (1048576 rows, 16384 columns) — the file is damaged${fix}`;
    if (p.what === "merged-cells")
      return `${on}merged ranges (the largest ${p.range}) cover ${p.count} cells, more than ${p.limit}; unmerge the ones not needed (Home › Merge & Center), save and run again`;
    if (p.what === "merges")
      return `${on}${p.count} merged ranges, more than ${p.limit}; unmerge the ones not needed, save and run again`;
    if (p.what === "validated-cells")
      return `${on}data validation (Data › Data Validation, the largest ${p.range}) covers ${p.count} cells, more than ${p.limit}; narrow it, save and run again`;
    return `the file unzips to ${p.count} MB, more than ${p.limit} MB`;
  },
  "nothing-to-revert": () =>
    "there is no run to undo (the workbook holds no undo data from cchc or the add-in)",
  "revert-conflicts": (p) =>
    `${p.count} place(s) changed since the run, so undo is not safe — nothing was written (cchc revert --skip-conflicts restores what is safe)`,
  "snapshot-unreadable": (p) => `the undo data cannot be read (${p.reason}) — nothing was written`,
  "bad-arguments": (p) => String(p.detail),
  opendocument: (p) =>
    String(p.kind).startsWith("spreadsheet")
      ? `this is an OpenDocument spreadsheet (${ODF_EXTENSION[p.kind]}), not an Excel .xlsx file; open it in LibreOffice Calc or Excel and Save As "Excel 2007-365 (.xlsx)"`
      : `this is an OpenDocument file (${ODF_EXTENSION[p.kind] ?? p.kind}), not an Excel .xlsx workbook`,
  "no-unit-sheets": () => "the workbook has no unit scoring sheet to compare",
  "previous-unrecognised": (p) =>
    `not a cchc check/summary --json report nor a summary workbook written by cchc${p.reason ? ` (${p.reason})` : ""}`,
  internal: (p) => `internal error: ${p.reason}`,
};

export const LINES: Texts<LineCode> = { vi: VI, en: EN };
