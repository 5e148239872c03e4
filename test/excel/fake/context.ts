/**
 * The request context: every call is queued until sync(), when methods and setters run in order and loads
 * answer. Counts syncs and the request/response bytes of each, and can refuse payloads over a limit as Excel
 * on the web does (5 MB).
 */
import { FakeApplication } from "./application";
import { OfficeError } from "./errors";
import { FakeWorkbook } from "./model";
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
  private readonly limit: number;

  constructor(
    readonly book: FakeWorkbook,
    options: FakeOptions = {}
  ) {
    this.limit = options.payloadLimit ?? Number.POSITIVE_INFINITY;
    this.workbook = new FakeWorkbookProxy(this);
    this.application = new FakeApplication(this);
  }

  /** Each call costs its data plus what Office.js sends around it (an action and an object path in JSON). */
  enqueue(bytes: number, run: Op["run"]): void {
    this.queue.push({ bytes: bytes + FakeContext.CALL_OVERHEAD, run });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    this.syncs++;
    const request = ops.reduce((n, op) => n + op.bytes, 0);
    this.requestBytes.push(request);
    if (request > this.limit)
      throw new OfficeError("RequestPayloadSizeLimitExceeded", `request of ${request} bytes`);
    let response = 0;
    const commits: (() => void)[] = [];
    for (const op of ops) {
      const r = op.run();
      if (r && typeof r === "object" && typeof r.commit === "function") {
        response += r.bytes;
        commits.push(r.commit);
      }
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
