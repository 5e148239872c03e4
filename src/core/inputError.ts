import { Lang } from "./i18n/lang";

/** Input the tool cannot work on at all: reported as one plain line and exit code 2, never a stack trace. */
export type InputErrorCode =
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
  | "out-exists-as-input"
  | "write-failed"
  | "sheet-protected"
  | "bad-arguments";

export class InputError extends Error {
  constructor(
    readonly code: InputErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(inputErrorMessage(code, params, "en"));
    this.name = "InputError";
  }
}

const VI: Record<InputErrorCode, (p: Record<string, string | number>) => string> = {
  "file-not-found": () => "không tìm thấy tệp",
  "file-unreadable": (p) => `không đọc được tệp (${p.reason})`,
  "file-empty": () => "tệp rỗng (0 byte)",
  "not-xlsx": (p) => `không phải tệp Excel .xlsx${p.looksLike ? ` (nội dung giống ${p.looksLike})` : ""}; hãy mở bằng Excel và lưu dạng .xlsx`,
  "xls-binary": () => "đây là tệp Excel 97–2003 (.xls); hãy mở bằng Excel và chọn Lưu thành (Save As) .xlsx",
  encrypted: () => "tệp được đặt mật khẩu (mã hóa); hãy mở bằng Excel, gỡ mật khẩu (File › Info › Protect Workbook) rồi lưu lại",
  damaged: (p) => `tệp .xlsx bị hỏng, không đọc được${p.reason ? ` (${p.reason})` : ""}`,
  "no-worksheets": () => "tệp .xlsx không có trang tính nào",
  "too-large": (p) => `tệp quá lớn (${p.size} MB; tối đa ${p.limit} MB)`,
  "no-criteria": () => `không có bộ tiêu chí: sổ tính không có trang "Bộ tiêu chí" và không có --criteria`,
  "criteria-refused": (p) => `bộ tiêu chí bị từ chối (${p.count} lỗi)`,
  "criteria-not-json": (p) => `tệp bộ tiêu chí không phải JSON hợp lệ (${p.reason})`,
  "criteria-unknown-type": () => "tệp bộ tiêu chí phải là .criteria.json (hoặc .json) hoặc .xlsx có trang \"Bộ tiêu chí\"",
  "out-exists-as-input": () => "--out trùng với tệp đầu vào; dùng tên khác, hoặc thêm --in-place để ghi đè",
  "write-failed": (p) => `không ghi được tệp (${p.reason})`,
  "sheet-protected": (p) => `trang tính đang được bảo vệ (${p.sheets}); hãy bỏ bảo vệ (Review › Unprotect Sheet) rồi chạy lại — chưa ghi gì`,
  "bad-arguments": (p) => String(p.detail),
};

const EN: Record<InputErrorCode, (p: Record<string, string | number>) => string> = {
  "file-not-found": () => "file not found",
  "file-unreadable": (p) => `cannot read the file (${p.reason})`,
  "file-empty": () => "the file is empty (0 bytes)",
  "not-xlsx": (p) => `not an Excel .xlsx file${p.looksLike ? ` (it looks like ${p.looksLike})` : ""}; open it in Excel and save it as .xlsx`,
  "xls-binary": () => "this is an Excel 97–2003 workbook (.xls); open it in Excel and Save As .xlsx",
  encrypted: () => "the workbook is password-protected (encrypted); open it in Excel, remove the password (File › Info › Protect Workbook) and save",
  damaged: (p) => `the .xlsx file is damaged and cannot be read${p.reason ? ` (${p.reason})` : ""}`,
  "no-worksheets": () => "the .xlsx file has no worksheets",
  "too-large": (p) => `the file is too large (${p.size} MB; at most ${p.limit} MB)`,
  "no-criteria": () => `no criteria set: the workbook has no "Bộ tiêu chí" sheet and no --criteria was given`,
  "criteria-refused": (p) => `the criteria set is refused (${p.count} problems)`,
  "criteria-not-json": (p) => `the criteria file is not valid JSON (${p.reason})`,
  "criteria-unknown-type": () => "the criteria file must be a .criteria.json (or .json) file or an .xlsx with a \"Bộ tiêu chí\" sheet",
  "out-exists-as-input": () => "--out is the input file; choose another name, or add --in-place to overwrite it",
  "write-failed": (p) => `cannot write the file (${p.reason})`,
  "sheet-protected": (p) => `the sheet is protected (${p.sheets}); unprotect it (Review › Unprotect Sheet) and run again — nothing was written`,
  "bad-arguments": (p) => String(p.detail),
};

export function inputErrorMessage(code: InputErrorCode, params: Record<string, string | number>, lang: Lang): string {
  return (lang === "en" ? EN : VI)[code](params);
}
