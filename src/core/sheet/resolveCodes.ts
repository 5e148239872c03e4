import { IndexedNode, IndexedSet } from "../criteria/indexed";
import { Finding, finding } from "../findings/finding";
import { a1 } from "./address";
import { canonicalCode, formatDecimals } from "./codes";
import { CodeRow, UnitSheet } from "./unitSheet";
import { cellText } from "../text/normalize";

export interface NodeRow extends CodeRow {
  node: IndexedNode;
}

/**
 * Matches the sheet's code rows to the set's nodes. A code stored as a number (1.1) that could also be a code
 * the set has with a trailing zero (1.10) is resolved by its number format or by the order of the rows, and is
 * always reported: Excel drops that zero silently.
 */
export function resolveCodes(
  set: IndexedSet,
  unit: UnitSheet
): { rows: NodeRow[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const rows: NodeRow[] = [];
  const seen = new Map<string, number>();
  const codeCol = unit.layout.columns.code!;
  let previous: IndexedNode | undefined;
  /** The node of the last row coded with a Roman field number. */
  let field: IndexedNode | undefined;

  for (const r of unit.codeRows) {
    const at = () => ({ sheet: unit.sheet, cell: a1(r.row, codeCol), row: r.row });
    let node: IndexedNode | undefined;
    if (r.code.kind === "number") {
      const candidates = [r.code.code, r.code.code + "0"].filter((c) => set.byCode.has(c));
      const shown = formatDecimals(r.code.numberFormat);
      if (candidates.length > 1) {
        const byFormat =
          shown !== undefined
            ? candidates.find((c) => c.split(".").pop()!.length === shown)
            : undefined;
        const nextNode = previous ? set.nodes[previous.order + 1] : undefined;
        const next = nextNode ? canonicalCode(nextNode.code) : undefined;
        const chosen =
          byFormat ??
          (next && candidates.includes(next)
            ? next
            : (candidates.find((c) => !seen.has(c)) ?? candidates[0]));
        findings.push(
          finding("ambiguous-code", {
            ...at(),
            criterion: chosen,
            params: { value: r.code.value, candidates, chosen },
          })
        );
        node = set.byCode.get(chosen);
      } else {
        node = set.byCode.get(candidates[0] ?? r.code.code);
      }
    } else if (r.code.kind === "item") {
      // A letter item belongs to the criterion above it: the last matched row, or its parent if that is an item.
      const context = itemContext(previous);
      node = context
        ? set.byCode.get(`${canonicalCode(context.code)}.${r.code.letter}`)
        : undefined;
      // A lettered line the set does not score is read as before, as text under its criterion.
      if (!node && !hasScore(r)) continue;
    } else {
      const code = r.code.code;
      const exact =
        (r.code.roman ? set.byCode.get(r.code.roman) : undefined) ?? set.byCode.get(code);
      // Sets that number criteria afresh under each Roman field ("I.1", "II.1") show "1" under "II".
      const relative =
        field && !r.code.roman ? set.byCode.get(`${canonicalCode(field.code)}.${code}`) : undefined;
      node = exact && (!relative || !seen.has(exact.code)) ? exact : (relative ?? exact);
      if (r.code.roman && !r.code.roman.includes(".") && node) field = node;
    }
    const shownCode =
      r.code.kind === "code"
        ? (r.code.roman ?? r.code.code)
        : r.code.kind === "item"
          ? `${r.code.letter})`
          : r.code.code;
    if (!node) {
      findings.push(finding("unknown-criterion", { ...at(), params: { code: shownCode } }));
      continue;
    }
    const first = seen.get(node.code);
    if (first !== undefined) {
      findings.push(
        finding("duplicate-criterion", {
          ...at(),
          criterion: node.code,
          params: { firstCell: a1(first, codeCol) },
        })
      );
      continue;
    }
    seen.set(node.code, r.row);
    rows.push(Object.assign(r, { node }));
    previous = node;
  }

  for (const node of set.nodes) {
    if (!seen.has(node.code))
      findings.push(
        finding("missing-criterion", {
          sheet: unit.sheet,
          criterion: node.code,
          row: 0,
          params: { name: node.name },
        })
      );
  }
  return { rows, findings };
}

function isLetterItem(node: IndexedNode): boolean {
  return /\.\D+$/u.test(canonicalCode(node.code));
}

function itemContext(previous: IndexedNode | undefined): IndexedNode | undefined {
  let n = previous;
  while (n && isLetterItem(n)) n = n.parent;
  return n;
}

function hasScore(r: CodeRow): boolean {
  return [r.self, ...r.appraised].some((v) => v !== null && cellText(v) !== "");
}
