import { LastYear } from "../previous/lastYear";
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

/** Units are matched by name, without case, spacing, punctuation, diacritics or Unicode-form differences. */
export function matchKey(name: string): string {
  return foldText(name);
}

/**
 * Last year's figures as the report shows them, from what `--previous LAST` read (core/previous: a --json report
 * of check or summary, or a summary workbook).
 */
export function previousFiguresOf(last: LastYear): PreviousFigures {
  const units = last.units.map((u) => ({
    name: u.name,
    index: u.index,
    rank: u.rank,
    band: u.band,
  }));
  const byKey = new Map<string, PreviousFigure | undefined>();
  for (const figure of units) {
    const key = matchKey(figure.name);
    byKey.set(key, byKey.has(key) ? undefined : figure);
  }
  const year = last.criteriaSet?.year;
  return { ...(year !== undefined ? { year } : {}), units, byKey };
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
