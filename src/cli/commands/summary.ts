import { IndexedSet } from "../../core/criteria/indexed";
import { planGatheredSummary } from "../../core/plan/workbookPlan";
import { buildReport } from "../../core/report/report";
import { leafAverages, weakCriterionFindings } from "../../core/scoring/leafAverages";
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
  const leaves = leafAverages(
    run.set,
    run.units.map((u) => u.check.values)
  );
  await writeAtomically(
    opts.out,
    await newWorkbook(planGatheredSummary(run.set, run.units, leaves))
  );
  const report = buildReport(
    run.set,
    run.units,
    [...run.findings, ...weakCriterionFindings(leaves)],
    ctx.lang,
    ctx.version
  );
  return printReport(report, opts.json, ctx, opts.out.given);
}
