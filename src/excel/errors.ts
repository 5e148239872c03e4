/**
 * The adapter's side of errors: core's DomainError made from what Excel reports, and Office.js's own errors told
 * apart (officeErrorCode). The messages live with the codes in core/errors.
 */
import { DomainError } from "../core/errors/domainError";
import { CELLS_SHOWN } from "../core/errors/sentences";

export interface ChangedCell {
  sheet: string;
  /** A1 address; "" when the whole sheet is missing or was renamed. */
  cell: string;
}

/** Someone (the user, a co-author) changed a cell the run would write, between the read and the write. */
export function workbookChanged(cells: ChangedCell[]): DomainError<"workbook-changed"> {
  const shown = cells.slice(0, CELLS_SHOWN).map((c) => (c.cell ? `${c.sheet}!${c.cell}` : c.sheet));
  return new DomainError("workbook-changed", {
    cells: shown.join(", "),
    count: cells.length,
    changed: cells,
  });
}

/** An Office.js error's code ("ItemNotFound", "ResponsePayloadSizeLimitExceeded", …), if it has one. */
export function officeErrorCode(error: unknown): string | undefined {
  if (error instanceof DomainError) return undefined; // ours: its code is not Office's
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
