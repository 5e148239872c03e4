/** Header and label comparison: no case, no diacritics, no spacing or punctuation differences, any Unicode form. */
export function foldText(s: string): string {
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
  // Normalising is costly and ASCII text (codes, most numbers) has only one form.
  if (typeof v === "string") return (/[^ -~\t\r\n]/.test(v) ? v.normalize("NFC") : v).trim();
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return "";
}
