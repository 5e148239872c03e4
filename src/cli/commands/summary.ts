import ExcelJS from "exceljs";
import { IndexedSet } from "../../core/criteria/indexed";
import { planGatheredSummary } from "../../core/plan/workbookPlan";
import { buildReport } from "../../core/report/report";
import { leafAverages, weakCriterionFindings } from "../../core/scoring/leafAverages";
import { applyPlan } from "../../xlsx/applyPlan";
import { writeAtomically } from "../files";
import { CommandContext } from "../io";
import { renderText } from "../textOutput";
import { checkFiles } from "../workbookRun";

export async function summaryCommand(
  files: string[],
  opts: { criteria?: IndexedSet; out: string; json: boolean },
  ctx: CommandContext
): Promise<number> {
  const run = await checkFiles(files, opts.criteria, ctx.lang, ctx.io);
  const leaves = leafAverages(
    run.set,
    run.units.map((u) => u.check.values)
  );
  const book = new ExcelJS.Workbook();
  applyPlan(book, planGatheredSummary(run.set, run.units, leaves));
  await writeAtomically(opts.out, Buffer.from(await book.xlsx.writeBuffer()));
  const report = buildReport(
    run.set,
    run.units,
    [...run.findings, ...weakCriterionFindings(leaves)],
    ctx.lang,
    ctx.version
  );
  if (opts.json) ctx.io.out(JSON.stringify(report, null, 2) + "\n");
  else
    ctx.io.out(
      renderText(report, ctx.lang) +
        (ctx.lang === "en" ? `\nWritten: ${opts.out}\n` : `\nĐã ghi: ${opts.out}\n`)
    );
  return report.counts.error > 0 ? 1 : 0;
}
