import { Report, ReportUnit } from "../report/report";
import { CriteriaChange, PreviousComparison, PreviousFigures } from "./compare";
import { LastYear, LastYearUnit } from "./lastYear";

/** What the report says about last year's file (the top-level `previous` of `summary --previous --json`). */
export interface PreviousSource {
  file: string;
  kind: LastYear["kind"];
  criteriaSet: LastYear["criteriaSet"];
  /** How deep the criteria could be compared: "leaves", "fields", or "none" (last year's file shows none). */
  criteriaCompared: LastYear["criteria"]["depth"];
  criteriaChanges: CriteriaChange[];
  /** Last year's units that no unit of this year matched. */
  unitsNotFound: LastYearUnit[];
}

export type ReportWithPrevious = Omit<Report, "units"> & {
  units: (ReportUnit & { previous: PreviousFigures | null })[];
  previous: PreviousSource;
};

/** The report with each unit's last-year figures (in the order of report.units) and the file's summary. */
export function withPrevious(
  report: Report,
  comparison: PreviousComparison,
  last: LastYear,
  file: string
): ReportWithPrevious {
  return {
    ...report,
    units: report.units.map((u, i) => ({ ...u, previous: comparison.units[i] ?? null })),
    previous: {
      file,
      kind: last.kind,
      criteriaSet: last.criteriaSet,
      criteriaCompared: comparison.criteriaCompared,
      criteriaChanges: comparison.criteriaChanges,
      unitsNotFound: comparison.notFound,
    },
  };
}
