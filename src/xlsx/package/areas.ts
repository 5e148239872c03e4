import { MAX_COL, MAX_ROW } from "../../core/formula/tokenize";
import { Area, areaA1, parseArea } from "../../core/sheet/address";

/** Areas of a sheet as sqref lists hold them ("A1 C3:D9 E:E 5:5"), and what is left of one after others. */

/** One sqref item as an area; whole columns and rows span the grid. Undefined if it is not one. */
export function parseSqrefItem(item: string): Area | undefined {
  const s = item.replace(/\$/g, "").toUpperCase();
  let m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(s);
  if (m) {
    const l = parseArea(`${m[1]}1`).left;
    const r = parseArea(`${m[2]}1`).left;
    return { top: 1, bottom: MAX_ROW, left: Math.min(l, r), right: Math.max(l, r) };
  }
  m = /^(\d+):(\d+)$/.exec(s);
  if (m) {
    const t = Number(m[1]);
    const b = Number(m[2]);
    return { top: Math.min(t, b), bottom: Math.max(t, b), left: 1, right: MAX_COL };
  }
  if (!/^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/.test(s)) return undefined;
  return parseArea(s);
}

export function parseSqref(sqref: string): Area[] {
  return sqref
    .split(/\s+/)
    .filter(Boolean)
    .map(parseSqrefItem)
    .filter((a): a is Area => a !== undefined);
}

export function sqrefOf(areas: Area[]): string {
  return areas.map(areaA1).join(" ");
}

export function overlaps(a: Area, b: Area): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(a: Area, row: number, col: number): boolean {
  return row >= a.top && row <= a.bottom && col >= a.left && col <= a.right;
}

/** `a` without `b`: up to four rectangles (above, below, left, right of the overlap). */
function subtractOne(a: Area, b: Area): Area[] {
  if (!overlaps(a, b)) return [a];
  const out: Area[] = [];
  if (a.top < b.top) out.push({ ...a, bottom: b.top - 1 });
  if (a.bottom > b.bottom) out.push({ ...a, top: b.bottom + 1 });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) out.push({ top, bottom, left: a.left, right: b.left - 1 });
  if (a.right > b.right) out.push({ top, bottom, left: b.right + 1, right: a.right });
  return out;
}

export function subtract(areas: Area[], minus: Area[]): Area[] {
  let left = areas;
  for (const b of minus) left = left.flatMap((a) => subtractOne(a, b));
  return left;
}
