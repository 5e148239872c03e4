/** A1 addresses and areas as the fake's ranges use them. */
import { a1, sheetRef } from "../../../src/core/sheet/address";
import { OfficeError } from "./errors";
import { Area, FakeSheet, MAX_COL, MAX_ROW } from "./model";

export function addressOf(sheet: FakeSheet, area: Area): string {
  const tl = a1(area.top, area.left);
  const br = a1(area.bottom, area.right);
  return sheetRef(sheet.name, tl === br ? tl : `${tl}:${br}`).replace(/^'([^' !,]+)'!/, "$1!");
}

export function parseRef(ref: string): { row?: number; col?: number } {
  const m = /^\$?([A-Z]*)\$?(\d*)$/.exec(ref.trim().toUpperCase());
  if (!m) throw new OfficeError("InvalidArgument", `bad address ${ref}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: m[2] ? Number(m[2]) : undefined, col: col || undefined };
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** "Sheet!" or "'Sheet name'!" as formulas write a reference to the sheet `name`, matched globally. */
export function sheetReference(name: string): RegExp {
  const quoted = escapeRegExp(name.replace(/'/g, "''"));
  return new RegExp(`(?:'${quoted}'|${escapeRegExp(name)})!`, "g");
}

export function parseAreaAddress(address: string): Area {
  const [a, b = a] = address.split(":");
  const p = parseRef(a);
  const q = parseRef(b);
  return {
    top: Math.min(p.row ?? 1, q.row ?? 1),
    bottom: Math.max(p.row ?? MAX_ROW, q.row ?? MAX_ROW),
    left: Math.min(p.col ?? 1, q.col ?? 1),
    right: Math.max(p.col ?? MAX_COL, q.col ?? MAX_COL),
  };
}

export function areaText(area: Area): string {
  const tl = a1(area.top, area.left);
  const br = a1(area.bottom, area.right);
  return tl === br ? tl : `${tl}:${br}`;
}

export function cellsOf(areas: Area[]): [number, number][] {
  const out: [number, number][] = [];
  for (const a of areas)
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++) out.push([r, c]);
  return out;
}

export function intersects(a: Area, b: Area): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}
