import { IndexedSet } from "../../core/criteria/indexed";
import { buildReport } from "../../core/report/report";
import { reportDocument } from "../../core/report/reportDocument";
import { PreviousFigures } from "../../core/report/previousFigures";
import { fieldAverages } from "../../core/scoring/fieldAverages";
import { leafAverages, weakCriterionFindings } from "../../core/scoring/leafAverages";
import { unitsBelowThreshold } from "../../core/scoring/unitsBelow";
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
  const leaves = leafAverages(
    run.set,
    run.units.map((u) => u.check.values)
  );
  const report = buildReport(
    run.set,
    run.units,
    [...run.findings, ...weakCriterionFindings(leaves)],
    ctx.lang,
    ctx.version
  );
  const scored = run.units.map((u) => ({ name: u.name, values: u.check.values }));
  const below = new Map(
    run.set.leaves
      .filter((leaf) => leaves.some((l) => l.code === leaf.code && l.weak))
      .map((leaf) => [leaf.code, unitsBelowThreshold(leaf, scored)])
  );
  const today = opts.today ?? new Date();
  const model = reportDocument({
    report,
    bands: run.set.set.bands,
    fields: fieldAverages(
      run.set,
      run.units.map((u) => u.check.values)
    ),
    leaves,
    below,
    ...(opts.previous ? { previous: opts.previous } : {}),
    date: { year: today.getFullYear(), month: today.getMonth() + 1, day: today.getDate() },
    lang: ctx.lang,
  });
  await writeAtomically(opts.out, await docxFromModel(model));
  return printReport(report, false, ctx, opts.out.given);
}
