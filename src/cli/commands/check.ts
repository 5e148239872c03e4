import { buildReport } from "../../core/report/report";
import { IndexedSet } from "../../core/criteria/indexed";
import { CommandContext } from "../io";
import { printReport } from "../printReport";
import { checkFiles } from "../workbookRun";

export async function checkCommand(
  files: string[],
  opts: { criteria?: IndexedSet; json: boolean },
  ctx: CommandContext
): Promise<number> {
  const run = await checkFiles(files, opts.criteria, ctx.lang, ctx.io);
  const report = buildReport(run.set, run.units, run.findings, ctx.lang, ctx.version);
  return printReport(report, opts.json, ctx);
}
