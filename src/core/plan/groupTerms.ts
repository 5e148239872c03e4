import { IndexedNode, IndexedSet } from "../criteria/indexed";
import { notAssessedCodes } from "../facts/notAssessed";
import { a1 } from "../sheet/address";
import { UnitGroupCell } from "../sheet/unitGroupCell";

/**
 * The unit sheet's formulas for the set's unit groups: per leaf some group is not assessed on, the test "the
 * group named in this sheet's 'Nhóm đơn vị' cell is one that skips it", live on that cell. Excel compares text
 * without case and TRIM collapses spaces, as core's match does (criteria/unitGroups.ts, unitGroupNamed). No group
 * cell on the sheet, or no groups in the set: no tests, and the formulas are those of a set without groups.
 */
export function notAssessedTests(
  set: IndexedSet,
  cell: UnitGroupCell | undefined
): Map<string, string> {
  const tests = new Map<string, string[]>();
  if (!cell) return new Map();
  const ref = a1(cell.row, cell.col);
  const named = cell.sameCell ? `TRIM(MID(${ref},FIND(":",${ref})+1,255))` : `TRIM(${ref})`;
  for (const group of set.set.unitGroups ?? []) {
    const names = [...new Set([group.name, group.id])].map((n) => `${named}=${literal(n)}`);
    for (const code of notAssessedCodes(set, group))
      tests.set(code, [...(tests.get(code) ?? []), ...names]);
  }
  // A label cell without a colon has none to find: FIND's error means no group, not an error in the formulas.
  return new Map(
    [...tests].map(([code, terms]) => [
      code,
      `IFERROR(${terms.length > 1 ? `OR(${terms.join(",")})` : terms[0]},FALSE)`,
    ])
  );
}

/** A leaf's points in a sum: `term`, or 0 where the sheet's group is not assessed on the leaf. */
export function unlessSkipped(tests: Map<string, string>, leaf: IndexedNode, term: string): string {
  const test = tests.get(leaf.code);
  return test ? `IF(${test},0,${term})` : term;
}

/** When a leaf's max leaves the denominator: the group skips it, or it is marked not applicable. */
export function leavesWhen(test?: string, marked?: string): string | undefined {
  return test && marked ? `OR(${test},${marked})` : (test ?? marked);
}

/** A string literal of Excel's formula language. */
function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
