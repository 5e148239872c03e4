import { IndexedSet } from "../../core/criteria/indexed";
import { comparePrevious } from "../../core/previous/compare";
import { withPrevious } from "../../core/previous/reportWithPrevious";
import { buildReport } from "../../core/report/report";
import { gatheredSummary } from "../../core/usecases/gatheredSummary";
import { newWorkbook } from "../../xlsx/xlsxFilePort";
import { writeAtomically } from "../atomicWrite";
import { CommandContext } from "../io";
import { OutTarget } from "../outputPath";
import { readLastYear } from "../previousSource";
import { renderPreviousText } from "../previousText";
import { printReport } from "../printReport";
import { renderText } from "../textOutput";
import { checkFiles } from "../workbookRun";

export async function summaryCommand(
  files: string[],
  opts: { criteria?: IndexedSet; out: OutTarget; json: boolean; previous?: string },
  ctx: CommandContext
): Promise<number> {
  // Last year's file is read first: a file that is not one is refused before anything is checked or written.
  const last = opts.previous !== undefined ? await readLastYear(opts.previous) : undefined;
  const run = await checkFiles(files, opts.criteria, ctx.lang, ctx.io);
  const summary = gatheredSummary(run.set, run.units, run.findings);
  const report = buildReport(run.set, run.units, summary.findings, ctx.lang, ctx.version);
  const comparison = last && comparePrevious(run.set, report.units, last);
  await writeAtomically(opts.out, await newWorkbook(summary.plan(comparison?.units)));
  if (!last || !comparison) return printReport(report, opts.json, ctx, opts.out.given);
  const full = withPrevious(report, comparison, last, opts.previous!);
  if (opts.json) {
    ctx.io.out(JSON.stringify(full, null, 2) + "\n");
  } else {
    ctx.io.out(
      renderText(report, ctx.lang) +
        renderPreviousText(full, ctx.lang) +
        (ctx.lang === "en" ? `\nWritten: ${opts.out.given}\n` : `\nĐã ghi: ${opts.out.given}\n`)
    );
  }
  return report.counts.error > 0 ? 1 : 0;
}
