import { UnitResult } from "../check/checkWorkbook";
import { IndexedSet, roundPoints } from "../criteria/indexed";
import { compareFindings, Finding, Severity } from "../findings/finding";
import { findingMessage } from "../findings/messages";
import { Lang } from "../i18n/lang";

/** The JSON of `cchc check --json` (docs/contracts/report.md). Fields may be added, never renamed or removed. */
export interface Report {
  tool: { name: "cchc"; version: string };
  criteriaSet: { id: string; title: string; year?: number; maxTotal: number };
  units: ReportUnit[];
  findings: ReportFinding[];
  counts: Record<Severity, number>;
}

export interface ReportUnit {
  file?: string;
  sheet: string;
  name: string;
  max: number;
  maxApplicable: number;
  self: number;
  appraised: number | null;
  bonus: number;
  penalty: number;
  index: number;
  rank: number;
  band: string;
  /** Added field: appraised − self (null without appraisal); appraised includes the survey points. */
  difference: number | null;
  /** Added field: appraised points on the self-scored leaves only (null without appraisal). */
  appraisedSelfScored: number | null;
  /** Added field: appraisedSelfScored − self, like with like (null without appraisal). */
  differenceSelfScored: number | null;
  /** Added field: appraised points on the survey leaves, which only appraisers fill (null without appraisal). */
  survey: number | null;
  fields: {
    code: string;
    name: string;
    max: number;
    self: number;
    appraised: number | null;
    difference: number | null;
    appraisedSelfScored: number | null;
    differenceSelfScored: number | null;
    survey: number | null;
  }[];
}

export interface ReportFinding {
  rule: string;
  severity: Severity;
  file?: string;
  sheet?: string;
  cell?: string;
  criterion?: string;
  message: string;
  params: Record<string, unknown>;
}

function difference(self: number, appraised: number | null): number | null {
  return appraised === null ? null : roundPoints(appraised - self);
}

export function buildReport(
  set: IndexedSet,
  units: UnitResult[],
  findings: Finding[],
  lang: Lang,
  version: string
): Report {
  const sorted = [...findings].sort(compareFindings);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of sorted) counts[f.severity]++;
  return {
    tool: { name: "cchc", version },
    criteriaSet: {
      id: set.set.id,
      title: set.set.title,
      ...(set.set.year !== undefined ? { year: set.set.year } : {}),
      maxTotal: set.maxTotal,
    },
    units: units.map((u) => ({
      ...(u.file !== undefined ? { file: u.file } : {}),
      sheet: u.sheet,
      name: u.name,
      max: u.scores.max,
      maxApplicable: u.scores.maxApplicable,
      self: u.scores.self,
      appraised: u.scores.appraised,
      bonus: u.scores.bonus,
      penalty: u.scores.penalty,
      index: u.scores.index,
      rank: u.rank,
      band: u.band,
      difference: difference(u.scores.self, u.scores.appraised),
      appraisedSelfScored: u.scores.appraisedSelfScored,
      differenceSelfScored: difference(u.scores.self, u.scores.appraisedSelfScored),
      survey: u.scores.survey,
      fields: u.scores.fields.map((f) => ({
        code: f.code,
        name: f.name,
        max: f.max,
        self: f.self,
        appraised: f.appraised,
        difference: difference(f.self, f.appraised),
        appraisedSelfScored: f.appraisedSelfScored,
        differenceSelfScored: difference(f.self, f.appraisedSelfScored),
        survey: f.survey,
      })),
    })),
    findings: sorted.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      ...(f.file !== undefined ? { file: f.file } : {}),
      ...(f.sheet !== undefined ? { sheet: f.sheet } : {}),
      ...(f.cell !== undefined ? { cell: f.cell } : {}),
      ...(f.criterion !== undefined ? { criterion: f.criterion } : {}),
      message: findingMessage(f, lang),
      params: f.params,
    })),
    counts,
  };
}
