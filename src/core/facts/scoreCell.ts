import { CellValue, isCellError } from "../port";
import { parseNumberText } from "../text/numbers";

/** What a score cell holds, as the rules see it. */
export type ScoreCell =
  | { kind: "empty" }
  | { kind: "number"; value: number; asText?: string }
  | { kind: "na"; text: string }
  | { kind: "error"; error: string }
  | { kind: "invalid"; text: string; what: "text" | "date" | "boolean" };

/**
 * Marks for "not applicable". Compared trimmed, without case, in either Unicode form — exactly what the written
 * formulas' MATCH against this list does, so the sheet and the report always agree on which leaves apply.
 */
export const NOT_APPLICABLE_MARKS = ["KĐG", "KDG", "Không đánh giá", "Khong danh gia", "N/A", "NA"];
const MARKS = new Set(NOT_APPLICABLE_MARKS.map((m) => m.normalize("NFC").toLowerCase()));

export function isNotApplicableMark(text: string): boolean {
  return MARKS.has(text.normalize("NFC").trim().toLowerCase());
}

export function readScoreCell(v: CellValue): ScoreCell {
  if (v === null || v === undefined) return { kind: "empty" };
  if (typeof v === "number")
    return Number.isFinite(v)
      ? { kind: "number", value: v }
      : { kind: "invalid", text: String(v), what: "text" };
  if (typeof v === "boolean")
    return { kind: "invalid", text: v ? "TRUE" : "FALSE", what: "boolean" };
  if (v instanceof Date)
    return { kind: "invalid", text: v.toISOString().slice(0, 10), what: "date" };
  if (isCellError(v)) return { kind: "error", error: v.error };
  const text = String(v).trim();
  if (!text) return { kind: "empty" };
  if (/^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i.test(text))
    return { kind: "error", error: text.toUpperCase() };
  if (isNotApplicableMark(text)) return { kind: "na", text };
  const n = parseNumberText(text);
  if (n !== undefined) return { kind: "number", value: n, asText: text };
  return { kind: "invalid", text: text.length > 60 ? text.slice(0, 57) + "…" : text, what: "text" };
}

export function numberOf(c: ScoreCell): number | undefined {
  return c.kind === "number" ? c.value : undefined;
}
