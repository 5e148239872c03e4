import { UnitResult } from "../check/checkWorkbook";
import { IndexedSet } from "../criteria/indexed";
import { Finding } from "../findings/finding";
import { Lang } from "../i18n/lang";
import { fieldAverages } from "../scoring/fieldAverages";
import { leafAverages, weakCriterionFindings } from "../scoring/leafAverages";
import { unitsBelowThreshold } from "../scoring/unitsBelow";
import { DocModel } from "./docModel";
import { PreviousFigures } from "./previousFigures";
import { buildReport, Report } from "./report";
import { reportDocument } from "./reportDocument";

/**
 * The report people file (`cchc report`, the pane's "Báo cáo" button) from checked and ranked units: the run's
 * report (with the weak-criterion findings) and the document model src/docx writes.
 */
export function seasonReport(input: {
  set: IndexedSet;
  units: UnitResult[];
  findings: Finding[];
  lang: Lang;
  version: string;
  previous?: PreviousFigures;
  today: Date;
}): { report: Report; model: DocModel } {
  const { set, units, lang, today } = input;
  const values = units.map((u) => u.check.values);
  const leaves = leafAverages(set, values);
  const report = buildReport(
    set,
    units,
    [...input.findings, ...weakCriterionFindings(leaves)],
    lang,
    input.version
  );
  const scored = units.map((u) => ({ name: u.name, values: u.check.values }));
  const below = new Map(
    set.leaves
      .filter((leaf) => leaves.some((l) => l.code === leaf.code && l.weak))
      .map((leaf) => [leaf.code, unitsBelowThreshold(leaf, scored)])
  );
  const model = reportDocument({
    report,
    bands: set.set.bands,
    fields: fieldAverages(set, values),
    leaves,
    below,
    ...(input.previous ? { previous: input.previous } : {}),
    date: { year: today.getFullYear(), month: today.getMonth() + 1, day: today.getDate() },
    lang,
  });
  return { report, model };
}
