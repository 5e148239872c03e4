/** Why the add-in wrote nothing. Each names what the user has to fix; the pane shows the message. */

export class ProtectedSheetsError extends Error {
  constructor(readonly sheets: string[]) {
    super(
      `Trang tính đang được bảo vệ: ${sheets.join(", ")}. Hãy bỏ bảo vệ (Review › Unprotect Sheet) rồi chạy lại — chưa ghi gì.`
    );
    this.name = "ProtectedSheetsError";
  }
}

export interface ChangedCell {
  sheet: string;
  /** A1 address; "" when the whole sheet is missing or was renamed. */
  cell: string;
}

/** Someone (the user, a co-author) changed a cell the run would write, between the read and the write. */
export class WorkbookChangedError extends Error {
  constructor(readonly cells: ChangedCell[]) {
    const shown = cells.slice(0, 10).map((c) => (c.cell ? `${c.sheet}!${c.cell}` : c.sheet));
    super(
      `Sổ tính đã thay đổi sau khi đọc (${shown.join(", ")}${cells.length > 10 ? ", …" : ""}). Hãy chạy lại — chưa ghi gì.`
    );
    this.name = "WorkbookChangedError";
  }
}

export class NothingToRevertError extends Error {
  constructor() {
    super("Không có lần chạy nào để hoàn tác trong sổ tính này.");
    this.name = "NothingToRevertError";
  }
}

/** The stored undo snapshot is not one this version wrote, or is damaged. */
export class SnapshotUnreadableError extends Error {
  constructor(readonly reason: string) {
    super(`Không đọc được dữ liệu hoàn tác (${reason}); sổ tính không bị thay đổi.`);
    this.name = "SnapshotUnreadableError";
  }
}

/** An Office.js error's code ("ItemNotFound", "ResponsePayloadSizeLimitExceeded", …), if it has one. */
export function officeErrorCode(error: unknown): string | undefined {
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
