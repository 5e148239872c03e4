import { IndexedSet } from "../../core/criteria/indexed";
import { buildReport } from "../../core/report/report";
import { gatheredSummary } from "../../core/usecases/gatheredSummary";
import { newWorkbook } from "../../xlsx/package/newWorkbook";
import { writeAtomically } from "../atomicWrite";
import { CommandContext } from "../io";
import { OutTarget } from "../outputPath";
import { printReport } from "../printReport";
import { checkFiles } from "../workbookRun";

export async function summaryCommand(
  files: string[],
  opts: { criteria?: IndexedSet; out: OutTarget; json: boolean },
  ctx: CommandContext
): Promise<number> {
  const run = await checkFiles(files, opts.criteria, ctx.lang, ctx.io);
  const summary = gatheredSummary(run.set, run.units, run.findings);
  await writeAtomically(opts.out, await newWorkbook(summary.plan));
  const report = buildReport(run.set, run.units, summary.findings, ctx.lang, ctx.version);
  return printReport(report, opts.json, ctx, opts.out.given);
}
