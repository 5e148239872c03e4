import { z } from "zod";
import { Lang } from "../i18n/lang";
import { foldText } from "../text/normalize";

/** Last year's figures of one unit, as its report gave them. */
export interface PreviousFigure {
  name: string;
  index: number;
  rank: number;
  band: string;
}

/** Last year's report, read: its units by matching key (see matchKey). */
export interface PreviousFigures {
  year?: number;
  units: PreviousFigure[];
  /** undefined where two of last year's units share the key: neither can be told apart, so neither matches. */
  byKey: Map<string, PreviousFigure | undefined>;
}

export type PreviousProblem = "not-a-report" | "no-units";

export type PreviousRead =
  { ok: true; figures: PreviousFigures } | { ok: false; problem: PreviousProblem; detail?: string };

/**
 * What is read of a `cchc check --json` or `cchc summary --json` report (contracts/report.md): the set's year and
 * each unit's name, index, rank and band. Anything else in it is left alone, so later additions do not matter.
 */
const REPORT = z.object({
  criteriaSet: z.object({ year: z.number().int().optional() }).optional(),
  units: z.array(
    z.object({
      name: z.string(),
      index: z.number().finite(),
      rank: z.number().int().positive(),
      band: z.string(),
    })
  ),
});

/** Units are matched by name, without case, spacing, punctuation, diacritics or Unicode-form differences. */
export function matchKey(name: string): string {
  return foldText(name);
}

/** Reads an already-parsed JSON value as last year's report. */
export function readPreviousReport(json: unknown): PreviousRead {
  const parsed = REPORT.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue?.path.length ? issue.path.join(".") : undefined;
    return { ok: false, problem: "not-a-report", ...(at ? { detail: at } : {}) };
  }
  const units = parsed.data.units;
  if (units.length === 0) return { ok: false, problem: "no-units" };
  const byKey = new Map<string, PreviousFigure | undefined>();
  for (const u of units) {
    const key = matchKey(u.name);
    const figure = { name: u.name, index: u.index, rank: u.rank, band: u.band };
    byKey.set(key, byKey.has(key) ? undefined : figure);
  }
  const year = parsed.data.criteriaSet?.year;
  return { ok: true, figures: { ...(year !== undefined ? { year } : {}), units, byKey } };
}

/** Last year's figures for a unit of this year, or null where none (or more than one) matches its name. */
export function previousFor(figures: PreviousFigures, name: string): PreviousFigure | null {
  return figures.byKey.get(matchKey(name)) ?? null;
}

/** Last year's units that no unit of this year matches. */
export function previousUnmatched(figures: PreviousFigures, names: string[]): PreviousFigure[] {
  const keys = new Set(names.map(matchKey));
  return figures.units.filter((u) => !keys.has(matchKey(u.name)));
}

export function previousProblemMessage(
  problem: PreviousProblem,
  lang: Lang,
  detail?: string
): string {
  const at = detail ? (lang === "en" ? ` (at ${detail})` : ` (tại ${detail})`) : "";
  if (problem === "no-units")
    return lang === "en"
      ? "last year's report lists no unit"
      : "báo cáo năm trước không có đơn vị nào";
  return lang === "en"
    ? `not a report of cchc check --json or cchc summary --json: each unit needs name, index, rank and band${at}`
    : `không phải báo cáo của cchc check --json hay cchc summary --json: mỗi đơn vị cần có name, index, rank và band${at}`;
}
