import { CellValue, isCellError } from "../port";
import { parseNumberText } from "../text/numbers";
import { cellText } from "../text/normalize";
import { decimalOf, shiftDecimal } from "./ruleParams";
import { FLAG_INDEX, foldHeader } from "./sheetLayout";

/**
 * A cell of the "Bộ tiêu chí" sheet as the JSON value validation reads: what a person typed is taken where it is
 * clear ("2,5", "80%", "Có"); anything else is passed on as it is, for validation to refuse with a keyed message.
 */

export function textOf(v: CellValue | undefined): string {
  if (v !== null && v !== undefined && isCellError(v)) return v.error;
  return cellText(v);
}

/** A number, a number typed as text ("2,5" or "2.5"), nothing for an empty cell, else the raw value for validation to refuse. */
export function numberOf(v: CellValue): unknown {
  if (v === null || typeof v === "number") return v ?? undefined;
  const t = textOf(v);
  if (t === "") return undefined;
  if (typeof v === "string") return parseNumberText(t) ?? t;
  return typeof v === "boolean" || v instanceof Date ? v : t;
}

/** Ratios as 0.8, "0,8" or "80%". */
export function ratioOf(v: CellValue): unknown {
  if (typeof v === "string" && v.trim().endsWith("%")) {
    const n = decimalOf(v.trim().slice(0, -1));
    return n === undefined ? v.trim() : Number(shiftDecimal(n, -2));
  }
  return numberOf(v);
}

export function flagOf(v: CellValue): unknown {
  if (v === null || typeof v === "boolean") return v ?? undefined;
  const t = textOf(v);
  if (t === "") return undefined;
  const hit = FLAG_INDEX.get(foldHeader(t));
  return hit ? hit === "yes" : t;
}

export function choiceOf<K extends string>(v: CellValue, index: Map<string, K>): unknown {
  const t = textOf(v);
  if (t === "") return undefined;
  return index.get(foldHeader(t)) ?? t;
}
