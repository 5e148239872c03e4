/**
 * Why the add-in wrote (or read) nothing. Each names what the user has to fix. Every one has a stable `code`
 * and the `params` its message is made from, and says itself in Vietnamese (`message`, the default) or
 * English (`messageFor("en")`): the pane shows the one of Office's display language.
 */
import { Lang } from "../core/i18n/lang";
import { TypedCellConflict } from "../core/plan/unitPlan";
import { Problem } from "../core/problem";

/** The parameters of each error's message, by code. */
export interface ExcelErrorParams {
  "sheets-protected": { sheets: string; count: number };
  "workbook-changed": { cells: string; count: number };
  "nothing-to-revert": Record<string, never>;
  "snapshot-unreadable": { reason: string };
  "host-too-old": { version: string };
  "criteria-missing": Record<string, never>;
  "criteria-refused": { sheet: string; count: number };
  "typed-cells-not-confirmed": { count: number };
  "structure-protected": Record<string, never>;
  "sheet-hidden": { sheet: string };
}

export type ExcelErrorCode = keyof ExcelErrorParams;

type Messages = { [C in ExcelErrorCode]: (p: ExcelErrorParams[C]) => string };

/** How many changed cells a message names before "…". */
const CELLS_SHOWN = 10;

const VI: Messages = {
  "sheets-protected": (p) =>
    `Trang tính đang được bảo vệ: ${p.sheets}. Hãy bỏ bảo vệ (Review › Unprotect Sheet) rồi chạy lại — chưa ghi gì.`,
  "workbook-changed": (p) =>
    `Sổ tính đã thay đổi sau khi đọc (${p.cells}${p.count > CELLS_SHOWN ? ", …" : ""}). Hãy chạy lại — chưa ghi gì.`,
  "nothing-to-revert": () => "Không có lần chạy nào để hoàn tác trong sổ tính này.",
  "snapshot-unreadable": (p) =>
    `Không đọc được dữ liệu hoàn tác (${p.reason}); sổ tính không bị thay đổi.`,
  "host-too-old": (p) =>
    `Phiên bản Excel này chưa hỗ trợ ExcelApi ${p.version}; hãy cập nhật Excel hoặc dùng Excel trên web.`,
  "criteria-missing": () => 'Sổ tính không có trang "Bộ tiêu chí" và chưa chọn bộ tiêu chí.',
  "criteria-refused": (p) => `Bộ tiêu chí trên trang "${p.sheet}" bị từ chối (${p.count} lỗi).`,
  "typed-cells-not-confirmed": (p) =>
    `${p.count} ô có giá trị nhập tay sẽ thành công thức; hãy mở ngăn CCHC để xem và xác nhận — chưa ghi gì.`,
  "structure-protected": () =>
    "Cấu trúc sổ tính đang được bảo vệ (Review › Protect Workbook) nên không thể thêm, xoá hay ẩn trang tính. Hãy bỏ bảo vệ rồi chạy lại — chưa ghi gì.",
  "sheet-hidden": (p) =>
    `Trang "${p.sheet}" đang bị ẩn. Hãy hiện trang (chuột phải vào thẻ trang › Unhide) rồi mở lại.`,
};

const EN: Messages = {
  "sheets-protected": (p) =>
    `${p.count === 1 ? "This sheet is" : "These sheets are"} protected: ${p.sheets}. Unprotect ${p.count === 1 ? "it" : "them"} (Review › Unprotect Sheet) and run again — nothing was written.`,
  "workbook-changed": (p) =>
    `The workbook changed after it was read (${p.cells}${p.count > CELLS_SHOWN ? ", …" : ""}). Run again — nothing was written.`,
  "nothing-to-revert": () => "There is no run to undo in this workbook.",
  "snapshot-unreadable": (p) =>
    `The undo data cannot be read (${p.reason}); the workbook was not changed.`,
  "host-too-old": (p) =>
    `This version of Excel does not support ExcelApi ${p.version}; update Excel or use Excel on the web.`,
  "criteria-missing": () =>
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

/** The message of `code` in `lang`. */
export function excelErrorMessage<C extends ExcelErrorCode>(
  code: C,
  params: ExcelErrorParams[C],
  lang: Lang
): string {
  return (lang === "en" ? EN : VI)[code](params);
}

/** The common shape of the adapter's errors: a code, its params, and the message in either language. */
export abstract class ExcelAddinError<C extends ExcelErrorCode = ExcelErrorCode> extends Error {
  protected constructor(
    readonly code: C,
    readonly params: ExcelErrorParams[C]
  ) {
    super(excelErrorMessage(code, params, "vi"));
  }

  messageFor(lang: Lang): string {
    return excelErrorMessage(this.code, this.params, lang);
  }
}

export class ProtectedSheetsError extends ExcelAddinError<"sheets-protected"> {
  constructor(readonly sheets: string[]) {
    super("sheets-protected", { sheets: sheets.join(", "), count: sheets.length });
    this.name = "ProtectedSheetsError";
  }
}

export interface ChangedCell {
  sheet: string;
  /** A1 address; "" when the whole sheet is missing or was renamed. */
  cell: string;
}

/** Someone (the user, a co-author) changed a cell the run would write, between the read and the write. */
export class WorkbookChangedError extends ExcelAddinError<"workbook-changed"> {
  constructor(readonly cells: ChangedCell[]) {
    const shown = cells
      .slice(0, CELLS_SHOWN)
      .map((c) => (c.cell ? `${c.sheet}!${c.cell}` : c.sheet));
    super("workbook-changed", { cells: shown.join(", "), count: cells.length });
    this.name = "WorkbookChangedError";
  }
}

export class NothingToRevertError extends ExcelAddinError<"nothing-to-revert"> {
  constructor() {
    super("nothing-to-revert", {});
    this.name = "NothingToRevertError";
  }
}

/** The stored undo snapshot is not one this version wrote, or is damaged. */
export class SnapshotUnreadableError extends ExcelAddinError<"snapshot-unreadable"> {
  constructor(readonly reason: string) {
    super("snapshot-unreadable", { reason });
    this.name = "SnapshotUnreadableError";
  }
}

/** The host cannot do what the command needs; nothing was read or written. */
export class HostTooOldError extends ExcelAddinError<"host-too-old"> {
  constructor(readonly version: string) {
    super("host-too-old", { version });
    this.name = "HostTooOldError";
  }
}

/** No criteria set was given and the workbook has no criteria sheet. */
export class CriteriaMissingError extends ExcelAddinError<"criteria-missing"> {
  constructor() {
    super("criteria-missing", {});
    this.name = "CriteriaMissingError";
  }
}

/** The workbook's criteria sheet (`sheet`, as found: "Bộ tiêu chí", "Criteria", …) does not validate. */
export class CriteriaRefusedError extends ExcelAddinError<"criteria-refused"> {
  constructor(
    readonly problems: Problem[],
    readonly sheet: string
  ) {
    super("criteria-refused", { sheet, count: problems.length });
    this.name = "CriteriaRefusedError";
  }
}

/** A ribbon command would replace typed values with formulas; it cannot ask, so it wrote nothing. */
export class TypedCellsNotConfirmedError extends ExcelAddinError<"typed-cells-not-confirmed"> {
  constructor(readonly conflicts: TypedCellConflict[]) {
    super("typed-cells-not-confirmed", { count: conflicts.length });
    this.name = "TypedCellsNotConfirmedError";
  }
}

/** Workbook structure protection is on: the run would add, delete or hide a sheet, so it wrote nothing. */
export class StructureProtectedError extends ExcelAddinError<"structure-protected"> {
  constructor() {
    super("structure-protected", {});
    this.name = "StructureProtectedError";
  }
}

/** Going to a cell on a hidden or veryHidden sheet: Excel cannot show it. */
export class SheetHiddenError extends ExcelAddinError<"sheet-hidden"> {
  constructor(readonly sheet: string) {
    super("sheet-hidden", { sheet });
    this.name = "SheetHiddenError";
  }
}

/** An Office.js error's code ("ItemNotFound", "ResponsePayloadSizeLimitExceeded", …), if it has one. */
export function officeErrorCode(error: unknown): string | undefined {
  if (error instanceof ExcelAddinError) return undefined; // ours: its code is not Office's
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

export function isPayloadTooLarge(error: unknown): boolean {
  const code = officeErrorCode(error);
  return (
    code === "RequestPayloadSizeLimitExceeded" ||
    code === "ResponsePayloadSizeLimitExceeded" ||
    code === "PayloadSizeLimitExceeded"
  );
}
