/**
 * Labels seen before, folded: the same headers and criterion names recur on every unit sheet of a batch, and
 * folding (NFD normalisation and four regex passes) was the largest single cost of checking one. Short texts
 * only, and the cache starts over when full, so memory stays small.
 */
const FOLDED = new Map<string, string>();
const FOLD_CACHE_MAX_ENTRIES = 20000;
const FOLD_CACHE_MAX_LENGTH = 300;

/** Header and label comparison: no case, no diacritics, no spacing or punctuation differences, any Unicode form. */
export function foldText(s: string): string {
  if (s.length > FOLD_CACHE_MAX_LENGTH) return fold(s);
  const hit = FOLDED.get(s);
  if (hit !== undefined) return hit;
  const out = fold(s);
  if (FOLDED.size >= FOLD_CACHE_MAX_ENTRIES) FOLDED.clear();
  FOLDED.set(s, out);
  return out;
}

function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();
}

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.normalize("NFC").trim();
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return "";
}
