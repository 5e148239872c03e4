/**
 * Excel.run as Office.js has it, over a fake workbook: each run gets a new request context, or the context
 * of an earlier run (Excel.run(context, batch), or RunOptions.previousObjects); RunOptions.delayForCellEdit
 * is honoured (see FakeWorkbook.startCellEdit). install() puts it at globalThis.Excel.run, so the adapter's
 * own Excel.run calls reach it.
 */
import { FakeContext, FakeOptions } from "./context";
import { FakeWorkbook } from "./model";
import type { ExcelRunner } from "../../../src/excel/excelRunner";

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

export class FakeExcelHost {
  /** Every context a run made, in order. */
  readonly contexts: FakeContext[] = [];
  /** The RunOptions each run was given (undefined: Excel.run(batch) or Excel.run(context, batch)). */
  readonly runOptions: (Excel.RunOptions | undefined)[] = [];

  constructor(
    readonly book: FakeWorkbook,
    private readonly options: FakeOptions = {}
  ) {}

  run = <T>(first: unknown, second?: unknown): Promise<T> => {
    const batch = (second ?? first) as Batch<T>;
    if (typeof batch !== "function") throw new Error("Excel.run needs a batch function");
    const given = second === undefined ? undefined : first;
    let context: FakeContext;
    if (given instanceof FakeContext) {
      context = given;
      this.runOptions.push(undefined);
    } else {
      const options = given as Excel.RunOptions | undefined;
      this.runOptions.push(options);
      const previous = options?.previousObjects;
      context =
        previous instanceof FakeContext
          ? previous
          : new FakeContext(this.book, {
              ...this.options,
              delayForCellEdit: options?.delayForCellEdit ?? false,
            });
      if (!(previous instanceof FakeContext)) this.contexts.push(context);
    }
    return batch(context.asExcel());
  };

  /** All syncs of all runs. */
  get syncs(): number {
    return this.contexts.reduce((n, c) => n + c.syncs, 0);
  }

  /** Makes globalThis.Excel.run this host's run; returns the function that puts the previous one back. */
  install(): () => void {
    const g = globalThis as Record<string, unknown>;
    const before = g.Excel;
    g.Excel = { ...(before as object), run: this.run };
    return () => {
      g.Excel = before;
    };
  }
}

/** The adapter's runner over one fake context: every batch runs in that context (no new Excel.run). */
export const runIn =
  (context: FakeContext): ExcelRunner =>
  (batch) =>
    batch(context.asExcel());
