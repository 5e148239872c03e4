import type { CellValue as ExcelJsValue } from "exceljs";
import { CellValue } from "../core/port";

/** ExcelJS's many value shapes to core's: formula cells give their cached result, rich text its plain text. */
export function toCellValue(v: ExcelJsValue | undefined): { value: CellValue; formula?: string } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return { value: v };
  if (v instanceof Date) return { value: v };
  const o = v as unknown as Record<string, unknown>;
  if ("formula" in o || "sharedFormula" in o) {
    const inner = toCellValue(o.result as ExcelJsValue | undefined).value;
    return { value: inner, formula: String(o.formula ?? o.sharedFormula ?? "") };
  }
  if ("error" in o) return { value: { error: String(o.error) } };
  if ("richText" in o && Array.isArray(o.richText))
    return { value: (o.richText as { text?: string }[]).map((r) => r.text ?? "").join("") };
  if ("text" in o) {
    const t = o.text as unknown;
    if (typeof t === "string") return { value: t };
    if (t && typeof t === "object" && "richText" in (t as object))
      return toCellValue(t as ExcelJsValue);
    return { value: null };
  }
  return { value: null };
}
