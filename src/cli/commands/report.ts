import { IndexedSet } from "../../core/criteria/indexed";
import { PreviousFigures } from "../../core/report/previousFigures";
import { seasonReport } from "../../core/report/seasonReport";
import { docxFromModel } from "../../docx/docxFromModel";
import { writeAtomically } from "../atomicWrite";
import { CommandContext } from "../io";
import { OutTarget } from "../outputPath";
import { printReport } from "../printReport";
import { checkFiles } from "../workbookRun";

/** `cchc report`: the Word draft of the season's results (contracts/cli.md), and the run's report on stdout. */
export async function reportCommand(
  files: string[],
  opts: { criteria?: IndexedSet; out: OutTarget; previous?: PreviousFigures; today?: Date },
  ctx: CommandContext
): Promise<number> {
  const run = await checkFiles(files, opts.criteria, ctx.lang, ctx.io);
  const { report, model } = seasonReport({
    set: run.set,
    units: run.units,
    findings: run.findings,
    lang: ctx.lang,
    version: ctx.version,
    ...(opts.previous ? { previous: opts.previous } : {}),
    today: opts.today ?? new Date(),
  });
  await writeAtomically(opts.out, await docxFromModel(model));
  return printReport(report, false, ctx, opts.out.given);
}
