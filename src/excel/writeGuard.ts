/**
 * The add-in's own writes fire worksheet events ("Events within an Excel workbook can be triggered by: …
 * Office Add-in (JavaScript) code that changes the workbook"). Where the host supports ExcelApi 1.14, a
 * changed event says who caused it (WorksheetChangedEventArgs.triggerSource, "ThisLocalAddin"); elsewhere,
 * and for sheets added or deleted (those events carry no triggerSource), events during a write and for a
 * grace period after it are taken as the add-in's own.
 */
import { EXCEL_API, supportsExcelApi } from "./requirements";

let writesInFlight = 0;
let lastWriteEndedAt = Number.NEGATIVE_INFINITY;

/** Change events are delivered asynchronously, after the sync that caused them has resolved. */
export const WRITE_EVENT_GRACE_MS = 1500;

/** A write is under way, or ended less than the grace period ago. */
function writingOrJustWrote(now: number): boolean {
  return writesInFlight > 0 || now - lastWriteEndedAt < WRITE_EVENT_GRACE_MS;
}

/**
 * Whether a change the pane hears now may be the add-in's own: while it writes, and where changed events
 * cannot say who caused them (before ExcelApi 1.14), for the grace period after.
 */
export function isAddinWriting(now: number = Date.now()): boolean {
  return supportsExcelApi(EXCEL_API.eventTriggerSource)
    ? writesInFlight > 0
    : writingOrJustWrote(now);
}

/** Whether a worksheet event is the add-in's own: by its triggerSource where it has one, else by the clock. */
export function isOwnEvent(args: unknown, now: number = Date.now()): boolean {
  const trigger = (args as { triggerSource?: unknown } | null | undefined)?.triggerSource;
  if (typeof trigger === "string" && supportsExcelApi(EXCEL_API.eventTriggerSource))
    return trigger === "ThisLocalAddin";
  return writingOrJustWrote(now);
}

export async function whileAddinWrites<T>(write: () => Promise<T>): Promise<T> {
  writesInFlight++;
  try {
    return await write();
  } finally {
    writesInFlight--;
    lastWriteEndedAt = Date.now();
  }
}
