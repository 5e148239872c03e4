import { IndexedSet, roundPoints } from "../criteria/indexed";
import { canonicalCode } from "../sheet/codes";
import { foldText } from "../text/normalize";
import { LastYear, LastYearUnit } from "./lastYear";

/** A unit's figures last year and the changes since (`previous` of a unit in the report). */
export interface PreviousFigures {
  index: number;
  rank: number;
  band: string;
  /** This year's index − last year's. */
  indexChange: number;
  /** Last year's rank − this year's: positive when the unit moved up. */
  rankChange: number;
}

/** A criterion that differs between last year's set and this year's: listed, never silently compared. */
export interface CriteriaChange {
  code: string;
  change: "added" | "removed" | "max";
  /** Its max last year (null: it did not exist). */
  before: number | null;
  /** Its max this year (null: it no longer exists). */
  after: number | null;
}

export interface PreviousComparison {
  /** Per unit of this year, in the order given: its figures last year, null where it is not found. */
  units: (PreviousFigures | null)[];
  /** Last year's units no unit of this year matched. */
  notFound: LastYearUnit[];
  criteriaCompared: LastYear["criteria"]["depth"];
  criteriaChanges: CriteriaChange[];
}

/** The key units are matched by: their names without case, spacing, punctuation or diacritics differences. */
export function unitKey(name: string): string {
  return foldText(name);
}

/**
 * This year's units against last year's, by name; where two of last year's units share a name, the one on a
 * sheet of the same name, else none (a guess would put another unit's figures beside this one).
 */
export function comparePrevious(
  set: IndexedSet,
  units: { name: string; sheet: string; index: number; rank: number }[],
  last: LastYear
): PreviousComparison {
  const byName = new Map<string, LastYearUnit[]>();
  for (const u of last.units) {
    const key = unitKey(u.name);
    byName.set(key, [...(byName.get(key) ?? []), u]);
  }
  const used = new Set<LastYearUnit>();
  const found = units.map((u): PreviousFigures | null => {
    const candidates = byName.get(unitKey(u.name)) ?? [];
    const hit =
      candidates.length === 1
        ? candidates[0]
        : candidates.filter((c) => c.sheet !== undefined && unitKey(c.sheet) === unitKey(u.sheet))
              .length === 1
          ? candidates.find((c) => c.sheet !== undefined && unitKey(c.sheet) === unitKey(u.sheet))
          : undefined;
    if (!hit) return null;
    used.add(hit);
    return {
      index: hit.index,
      rank: hit.rank,
      band: hit.band,
      indexChange: roundPoints(u.index - hit.index),
      rankChange: hit.rank - u.rank,
    };
  });
  return {
    units: found,
    notFound: last.units.filter((u) => !used.has(u)),
    criteriaCompared: last.criteria.depth,
    criteriaChanges: criteriaChanges(set, last),
  };
}

/** This year's leaves (or fields, when last year shows only fields) against last year's, by code and max. */
export function criteriaChanges(set: IndexedSet, last: LastYear): CriteriaChange[] {
  if (last.criteria.depth === "none") return [];
  const now =
    last.criteria.depth === "leaves"
      ? set.leaves.map((l) => ({ code: l.code, max: l.innerMax }))
      : set.fields.map((f) => ({ code: f.code, max: f.max }));
  const then = new Map(last.criteria.nodes.map((n) => [canonicalCode(n.code), n]));
  const out: CriteriaChange[] = [];
  const seen = new Set<string>();
  for (const n of now) {
    const key = canonicalCode(n.code);
    seen.add(key);
    const was = then.get(key);
    if (!was) out.push({ code: n.code, change: "added", before: null, after: n.max });
    else if (Math.abs(was.max - n.max) > 1e-9)
      out.push({ code: n.code, change: "max", before: was.max, after: n.max });
  }
  for (const [key, was] of then)
    if (!seen.has(key))
      out.push({ code: was.code, change: "removed", before: was.max, after: null });
  return out;
}
