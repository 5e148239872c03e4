import { jsonBytes } from "./payload";
import { EXCEL_API, supportsExcelApi } from "./requirements";

/** Worksheet proxies for one batch; a sheet deleted and re-added in the batch is reached through the new one. */
export class Batch {
  private readonly sheets = new Map<string, Excel.Worksheet>();
  constructor(readonly context: Excel.RequestContext) {}

  sheet(name: string): Excel.Worksheet {
    let ws = this.sheets.get(name);
    if (!ws) this.sheets.set(name, (ws = this.context.workbook.worksheets.getItem(name)));
    return ws;
  }

  addSheet(name: string): Excel.Worksheet {
    const ws = this.context.workbook.worksheets.add(name);
    this.sheets.set(name, ws);
    return ws;
  }

  forget(name: string): void {
    this.sheets.delete(name);
  }
}

/** One queued write and an estimate of its share of the request payload (JSON length). */
export interface WriteOp {
  bytes: number;
  queue(batch: Batch): void;
  /** It adds, deletes, moves or hides a sheet: not allowed under workbook structure protection. */
  structural?: boolean;
}

/**
 * What one queued API call (a method, a property set, a new proxy object) adds to the request besides its
 * data: Office.js sends an action and an object path as JSON, ids and type names, some 100–150 bytes.
 */
export const CALL_BYTES = 160;

/** The estimated request size of `calls` API calls carrying `payload`. */
export function opBytes(calls: number, ...payload: unknown[]): number {
  return calls * CALL_BYTES + payload.reduce<number>((n, p) => n + jsonBytes(p), 0);
}

export interface BatchReport {
  syncs: number;
  /** Estimated request bytes of each write batch. */
  batchBytes: number[];
}

/**
 * Queues the writes in order and syncs whenever the next one would take the batch over `budget` bytes, so no
 * request exceeds Excel on the web's 5 MB limit. Calculation is suspended in each batch (ExcelApi 1.6);
 * Excel leaves the recalculation to the add-in after suspendApiCalculationUntilNextSync, so one sync follows
 * the last batch and recalculates the sheets written, `calculate` in order (a sheet after those it reads:
 * Worksheet.calculate computes that sheet only). Not Application.calculate: it "recalculates all currently
 * opened workbooks", the person's other workbooks too.
 */
export async function runWriteBatches(
  context: Excel.RequestContext,
  ops: WriteOp[],
  budget: number,
  calculate: string[],
  onBatch?: (done: number, total: number) => void
): Promise<BatchReport> {
  const suspend = supportsExcelApi(EXCEL_API.suspendCalculation);
  const groups = groupByBytes(ops, budget);
  for (const [i, group] of groups.entries()) {
    if (suspend) context.application.suspendApiCalculationUntilNextSync();
    const batch = new Batch(context);
    for (const op of group) op.queue(batch);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-sized batch, by design
    await context.sync();
    onBatch?.(i + 1, groups.length);
  }
  let syncs = groups.length;
  if (suspend && groups.length && calculate.length) {
    for (const sheet of new Set(calculate))
      context.workbook.worksheets.getItem(sheet).calculate(true);
    await context.sync();
    syncs++;
  }
  return { syncs, batchBytes: groups.map((g) => g.reduce((n, op) => n + op.bytes, 0)) };
}

function groupByBytes(ops: WriteOp[], budget: number): WriteOp[][] {
  const groups: WriteOp[][] = [];
  let current: WriteOp[] = [];
  let bytes = 0;
  for (const op of ops) {
    if (current.length && bytes + op.bytes > budget) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(op);
    bytes += op.bytes;
  }
  if (current.length) groups.push(current);
  return groups;
}
