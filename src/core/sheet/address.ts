/** A1 addresses. Rows and columns here are 1-based, as people read them. */
export function columnLetter(col: number): string {
  // Checks and plans spell a column per cell: each of Excel's 16,384 columns is spelled once.
  if (Number.isInteger(col) && col > 0 && col <= 16384) return (LETTERS[col] ??= lettersOf(col));
  return lettersOf(col);
}

const LETTERS: string[] = [];

function lettersOf(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function a1(row: number, col: number): string {
  return columnLetter(col) + row;
}

export function absA1(row: number, col: number): string {
  return "$" + columnLetter(col) + "$" + row;
}

export function parseA1(ref: string): { row: number; col: number } {
  return plainA1(ref) ?? parsedA1(ref);
}

/**
 * The common spelling ("B12", "$B$12": ASCII letters, then digits) read without a regular expression: writers
 * parse an address per cell. Anything else (spaces, other letters, a bad address) is left to parsedA1.
 */
function plainA1(ref: string): { row: number; col: number } | undefined {
  let i = ref.charCodeAt(0) === 36 ? 1 : 0; // "$"
  let col = 0;
  const lettersFrom = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32; // a–z as A–Z
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === lettersFrom) return undefined;
  if (ref.charCodeAt(i) === 36) i++;
  const digitsFrom = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  if (i === digitsFrom) return undefined;
  return { row: Number(ref.slice(digitsFrom)), col };
}

function parsedA1(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref.trim().toUpperCase());
  if (!m) throw new Error(`Bad cell address: ${ref}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseArea(ref: string): Area {
  const colon = ref.indexOf(":");
  const p = parseA1(colon < 0 ? ref : ref.slice(0, colon));
  const end = colon < 0 ? "" : ref.slice(colon + 1, nextColon(ref, colon));
  const q = end ? parseA1(end) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** Where the part after the colon at `colon` ends: at a further colon (ignored, as split() did) or the end. */
function nextColon(ref: string, colon: number): number {
  const next = ref.indexOf(":", colon + 1);
  return next < 0 ? ref.length : next;
}

export function areaA1(area: Area): string {
  const tl = a1(area.top, area.left);
  const br = a1(area.bottom, area.right);
  return tl === br ? tl : `${tl}:${br}`;
}

/** A sheet name as a formula reference needs it: 'An Bình'!A1, with inner quotes doubled. */
export function sheetRef(sheet: string, ref: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${ref}`;
}

/** Rows 3,4,5,8 → "E3:E5", "E8": few areas for many cells. */
export function columnAreas(col: number, rows: number[]): string[] {
  const sorted = [...new Set(rows)].sort((x, y) => x - y);
  const out: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(areaA1({ top: sorted[i], left: col, bottom: sorted[j], right: col }));
    i = j + 1;
  }
  return out;
}
