/**
 * The request context: every call is queued until sync(), when methods and setters run in order and loads
 * answer. Counts syncs and the request/response bytes of each, and can refuse payloads over a limit as Excel
 * on the web does (5 MB).
 */
import { a1 } from "../../../src/core/sheet/address";
import { FakeApplication } from "./application";
import { OfficeError } from "./errors";
import { changedEvent, FakeSheet, FakeWorkbook, recordChanges } from "./model";
import { FakeWorkbookProxy } from "./workbook";

export interface Response {
  bytes: number;
  commit(): void;
}
export interface Op {
  bytes: number;
  run(): Response | void;
}

export interface FakeOptions {
  /** Request and response limit in bytes (Excel on the web: 5 MB); none by default (desktop). */
  payloadLimit?: number;
  /** Excel.RunOptions.delayForCellEdit of the Excel.run that made this context. */
  delayForCellEdit?: boolean;
  /**
   * What a read of more than 5,000,000 cells gives: "the API will either return null or throw an error"
   * (resource-limits-and-performance-optimization.md, Excel add-ins). Default "throw" (RangeExceedsLimit).
   */
  overLimitRead?: "throw" | "null";
  /**
   * What activate() or select() does on a hidden sheet; not documented. Default "fail" (InvalidOperation);
   * "ignore": nothing happens.
   */
  hiddenSheetNavigation?: "fail" | "ignore";
  /** Which Excel: "web" refuses to insert sheets with charts or comments (insertWorksheetsFromBase64). */
  platform?: "desktop" | "web";
}

export class FakeContext {
  static readonly CALL_OVERHEAD = 120;
  readonly workbook: FakeWorkbookProxy;
  readonly application: FakeApplication;
  syncs = 0;
  readonly requestBytes: number[] = [];
  readonly responseBytes: number[] = [];
  suspendedSyncs = 0;
  calculations = 0;
  private queue: Op[] = [];
  /** Work a queued call needs done before the sync runs it (reading an inserted workbook's file). */
  private preparing: Promise<unknown>[] = [];
  private readonly limit: number;
  readonly delayForCellEdit: boolean;
  readonly overLimitRead: "throw" | "null";
  readonly hiddenSheetNavigation: "fail" | "ignore";
  readonly platform: "desktop" | "web";

  constructor(
    readonly book: FakeWorkbook,
    options: FakeOptions = {}
  ) {
    this.limit = options.payloadLimit ?? Number.POSITIVE_INFINITY;
    this.delayForCellEdit = options.delayForCellEdit ?? false;
    this.overLimitRead = options.overLimitRead ?? "throw";
    this.hiddenSheetNavigation = options.hiddenSheetNavigation ?? "fail";
    this.platform = options.platform ?? "desktop";
    this.workbook = new FakeWorkbookProxy(this);
    this.application = new FakeApplication(this);
  }

  /** Each call costs its data plus what Office.js sends around it (an action and an object path in JSON). */
  enqueue(bytes: number, run: Op["run"]): void {
    this.queue.push({ bytes: bytes + FakeContext.CALL_OVERHEAD, run });
  }

  /** `work` finishes before the next sync runs its calls (its failure surfaces in that call, at the sync). */
  prepare(work: Promise<unknown>): void {
    this.preparing.push(work.catch(() => undefined));
  }

  async sync(): Promise<void> {
    const preparing = this.preparing;
    this.preparing = [];
    await Promise.all(preparing);
    if (this.book.inCellEdit) {
      if (!this.delayForCellEdit)
        throw new OfficeError(
          "InvalidOperationInCellEditMode",
          "The operation isn't available while Excel is in Edit cell mode."
        );
      await this.book.cellEditEnded();
    }
    const ops = this.queue;
    this.queue = [];
    this.syncs++;
    const request = ops.reduce((n, op) => n + op.bytes, 0);
    this.requestBytes.push(request);
    if (request > this.limit)
      throw new OfficeError("RequestPayloadSizeLimitExceeded", `request of ${request} bytes`);
    let response = 0;
    const commits: (() => void)[] = [];
    const changes = new ChangeLog();
    recordChanges(changes);
    try {
      for (const op of ops) {
        const r = op.run();
        if (r && typeof r === "object" && typeof r.commit === "function") {
          response += r.bytes;
          commits.push(r.commit);
        }
      }
    } finally {
      recordChanges(undefined);
      // What ran before a failing call stays done, and its events follow, as in Excel.
      this.book.pendingEvents.push(...changes.events());
      if (this.book.pendingEvents.length) setTimeout(() => void this.book.deliverEvents(), 0);
    }
    this.responseBytes.push(response);
    if (response > this.limit)
      throw new OfficeError("ResponsePayloadSizeLimitExceeded", `response of ${response} bytes`);
    commits.forEach((c) => c());
  }

  asExcel(): Excel.RequestContext {
    return this as unknown as Excel.RequestContext;
  }

  totals(): { syncs: number; maxRequest: number; maxResponse: number } {
    return {
      syncs: this.syncs,
      maxRequest: Math.max(0, ...this.requestBytes),
      maxResponse: Math.max(0, ...this.responseBytes),
    };
  }
}

/**
 * The events a sync causes: "Events within an Excel workbook can be triggered by: … Office Add-in
 * (JavaScript) code that changes the workbook" (docs/excel/excel-add-ins-events.md, Event triggers). One
 * onChanged per sheet whose cells changed, over the changed area, with triggerSource "ThisLocalAddin" where
 * ExcelApi 1.14 is supported (WorksheetChangedEventArgs.triggerSource: "identifies whether this local
 * add-in triggers the event"); onAdded/onDeleted per sheet added or deleted (their args have no
 * triggerSource). They are delivered after the sync has returned.
 */
class ChangeLog {
  private readonly cells = new Map<
    FakeSheet,
    { top: number; left: number; bottom: number; right: number }
  >();
  private readonly sheets: { event: "onAdded" | "onDeleted"; sheet: FakeSheet }[] = [];

  cell(sheet: FakeSheet, row: number, col: number): void {
    const a = this.cells.get(sheet);
    this.cells.set(
      sheet,
      a
        ? {
            top: Math.min(a.top, row),
            left: Math.min(a.left, col),
            bottom: Math.max(a.bottom, row),
            right: Math.max(a.right, col),
          }
        : { top: row, left: col, bottom: row, right: col }
    );
  }

  sheet(event: "onAdded" | "onDeleted", sheet: FakeSheet): void {
    this.sheets.push({ event, sheet });
  }

  events(): { event: "onChanged" | "onAdded" | "onDeleted"; args: unknown }[] {
    const changed = [...this.cells]
      .filter(([sheet]) => !sheet.deleted)
      .map(([sheet, a]) => {
        const tl = a1(a.top, a.left);
        const br = a1(a.bottom, a.right);
        return {
          event: "onChanged" as const,
          args: changedEvent(sheet, tl === br ? tl : `${tl}:${br}`, "ThisLocalAddin"),
        };
      });
    const sheets = this.sheets.map(({ event, sheet }) => ({
      event,
      args: {
        type: event === "onAdded" ? "WorksheetAdded" : "WorksheetDeleted",
        worksheetId: sheet.id,
        source: "Local",
      },
    }));
    return [...sheets, ...changed];
  }
}
