import { WorkbookDiff } from "./diffReadings";

/** The JSON of `cchc diff --json` (contracts/report.md). Fields may be added, never renamed or removed. */
export interface DiffReport extends WorkbookDiff {
  tool: { name: "cchc"; version: string };
  /** Added: the two files compared, as given. */
  files: { before: string; after: string };
}

export function buildDiffReport(
  diff: WorkbookDiff,
  files: { before: string; after: string },
  version: string
): DiffReport {
  return {
    tool: { name: "cchc", version },
    changes: diff.changes,
    units: diff.units,
    files,
    unitsOnlyBefore: diff.unitsOnlyBefore,
    unitsOnlyAfter: diff.unitsOnlyAfter,
    criteriaOnlyBefore: diff.criteriaOnlyBefore,
    criteriaOnlyAfter: diff.criteriaOnlyAfter,
  };
}
