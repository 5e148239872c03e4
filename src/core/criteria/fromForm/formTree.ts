import { a1 } from "../../sheet/address";
import { canonicalCode, formatDecimals, matchableCode } from "../../sheet/codes";
import { CodeRow } from "../../sheet/unitSheet";
import { DraftNoteCode } from "./draft";

/** One code row of a form placed in the tree its codes make. */
export interface FormNode {
  /** The code the set will carry: as the reader will match it ("1.2", "II", "II.1", "1.2.a"). */
  code: string;
  row: number;
  name: string;
  /** The form's max cell. */
  max: CodeRow["max"];
  /** A letter item: its parent is the criterion above it. */
  item: boolean;
  children: FormNode[];
}

export type Report = (code: DraftNoteCode, cell: string, params: Record<string, unknown>) => void;

const LETTER_END = /\.\D+$/u;

/**
 * The tree a form's codes make, read as the sheet reader reads them (see resolveCodes): a letter item under the
 * criterion above it; "1.2" under "1" (or under the Roman field I); a plain number under the Roman field above
 * it. A form that numbers criteria afresh under each Roman field (I: 1, 2; II: 1, 2) gets codes "I.1", "II.1".
 */
export function formTree(rows: CodeRow[], codeCol: number, report: Report): FormNode[] {
  const afresh = numbersAfresh(rows);
  const roots: FormNode[] = [];
  const byKey = new Map<string, { node: FormNode; row: number }>();
  /** Roman fields by their Arabic number: "1.2" on a form whose fields are I, II belongs under I. */
  const fieldByNumber = new Map<string, FormNode>();
  let field: FormNode | undefined;
  let context: FormNode | undefined;

  for (const r of rows) {
    const cell = a1(r.row, codeCol);
    let code: string;
    let parent: FormNode | undefined;
    if (r.code.kind === "item") {
      const text = `${r.code.letter})`;
      const full = context ? matchableCode(text, context.code) : undefined;
      if (!context || !full) {
        report("item-without-parent", cell, { text, cell });
        continue;
      }
      code = full;
      parent = context;
    } else {
      code =
        r.code.kind === "number"
          ? padded(r.code.code, r.code.numberFormat)
          : (r.code.roman ?? r.code.code);
      const roman = r.code.kind === "code" ? r.code.roman : undefined;
      const romanField = roman !== undefined && !roman.includes(".");
      if (field && afresh && !roman) code = `${field.code}.${code}`;
      parent = romanField ? undefined : (prefixParent(code) ?? field);
    }
    const key = canonicalCode(code);
    const first = byKey.get(key);
    if (first) {
      report("duplicate-row", cell, { code, cell, firstCell: a1(first.row, codeCol) });
      continue;
    }
    const node: FormNode = {
      code,
      row: r.row,
      name: r.name,
      max: r.max,
      item: LETTER_END.test(key),
      children: [],
    };
    byKey.set(key, { node, row: r.row });
    (parent ? parent.children : roots).push(node);
    if (r.code.kind === "code" && r.code.roman && !r.code.roman.includes(".")) {
      field = node;
      fieldByNumber.set(r.code.code, node);
    }
    if (!node.item) context = node;
  }
  return roots;

  function prefixParent(code: string): FormNode | undefined {
    const parts = canonicalCode(code).split(".");
    for (let n = parts.length - 1; n >= 1; n--) {
      const prefix = parts.slice(0, n).join(".");
      const hit = byKey.get(prefix)?.node ?? (n === 1 ? fieldByNumber.get(prefix) : undefined);
      if (hit) return hit;
    }
    return undefined;
  }
}

/** A code stored as a number keeps the decimals its format shows: 1.1 shown as "1.10" is 1.10. */
function padded(code: string, numberFormat: string | undefined): string {
  const shown = formatDecimals(numberFormat);
  const [whole, decimals = ""] = code.split(".");
  return shown !== undefined && decimals.length < shown
    ? `${whole}.${decimals.padEnd(shown, "0")}`
    : code;
}

/** Whether a plain number repeats under two Roman fields: the form numbers afresh under each. */
function numbersAfresh(rows: CodeRow[]): boolean {
  const fieldsOf = new Map<string, string>();
  let field: string | undefined;
  for (const r of rows) {
    if (r.code.kind !== "code") continue;
    if (r.code.roman) {
      if (!r.code.roman.includes(".")) field = r.code.roman;
      continue;
    }
    if (field === undefined || r.code.code.includes(".")) continue;
    const seen = fieldsOf.get(r.code.code);
    if (seen !== undefined && seen !== field) return true;
    fieldsOf.set(r.code.code, field);
  }
  return false;
}
