import { buildReport } from "../../core/report/report";
import { IndexedSet } from "../../core/criteria/indexed";
import { CommandContext } from "../io";
import { renderText } from "../textOutput";
import { checkFiles } from "../workbookRun";

export async function checkCommand(
  files: string[],
  opts: { criteria?: IndexedSet; json: boolean },
  ctx: CommandContext
): Promise<number> {
  const run = await checkFiles(files, opts.criteria, ctx.lang, ctx.io);
  const report = buildReport(run.set, run.units, run.findings, ctx.lang, ctx.version);
  ctx.io.out(opts.json ? JSON.stringify(report, null, 2) + "\n" : renderText(report, ctx.lang));
  return report.counts.error > 0 ? 1 : 0;
}
