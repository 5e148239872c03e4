import { isSavedCell, type SavedCell, type Snapshot } from "./snapshotShape";

/**
 * How `written` is stored: a run writes the same few dozen subtotal and index formulas on every unit sheet, so a
 * 300-sheet workbook's `written` held 1.3 MB of repeats. Stored, each distinct cell appears once in `values` and
 * every block is a list of indexes into it (null: a cell not written), parallel to `cells`:
 * `"writtenRefs": { "values": [{"f":"SUM(E6:E9)"}, …], "blocks": [[0, null, 1], …] }`. Decoding gives back
 * `written` as it was; a snapshot written before this holds `written` itself, and is read as it is.
 */
export interface WrittenRefs {
  values: SavedCell[];
  blocks: (number | null)[][];
}

/** The snapshot as stored: `written` replaced by `writtenRefs`. */
export function compactWritten(
  s: Snapshot
): Omit<Snapshot, "written"> & { writtenRefs?: WrittenRefs } {
  if (!s.written) return s;
  const { written, ...rest } = s;
  const index = new Map<string, number>();
  const values: SavedCell[] = [];
  const blocks = written.map((b) =>
    b.cells.map((c) => {
      if (c === null) return null;
      const key = cellKey(c);
      let i = index.get(key);
      if (i === undefined) {
        i = values.length;
        values.push(c);
        index.set(key, i);
      }
      return i;
    })
  );
  return { ...rest, writtenRefs: { values, blocks } };
}

/** One key per distinct saved cell (as its JSON would be, without making the JSON of each). */
function cellKey(c: SavedCell): string {
  if (c === "") return "";
  if ("f" in c) return "f" + c.f;
  if ("e" in c) return "e" + c.e;
  return (typeof c.v === "string" ? "s" : typeof c.v === "number" ? "n" : "b") + String(c.v);
}

/**
 * The stored form read back: `writtenRefs` expanded into `written`, block for block along `cells`. Anything
 * malformed — both forms at once, an index out of range, a block of another length — is left for the shape check
 * to refuse (`writtenRefs` is then kept, which the check does not allow).
 */
export function expandWritten(parsed: unknown): Snapshot {
  const s = parsed as Snapshot & { writtenRefs?: unknown };
  if (typeof s !== "object" || s === null || !("writtenRefs" in s)) return s;
  const refs = s.writtenRefs as Partial<WrittenRefs> | null;
  const cells = s.cells as unknown;
  if (
    s.written !== undefined ||
    typeof refs !== "object" ||
    refs === null ||
    !Array.isArray(refs.values) ||
    !refs.values.every(isSavedCell) ||
    !Array.isArray(refs.blocks) ||
    !Array.isArray(cells) ||
    refs.blocks.length !== cells.length
  )
    return s;
  const values = refs.values;
  const written: Snapshot["written"] = [];
  for (const [i, block] of refs.blocks.entries()) {
    const c = cells[i] as Snapshot["cells"][number] | null;
    if (!Array.isArray(block) || typeof c !== "object" || c === null || !Array.isArray(c.cells))
      return s;
    if (block.length !== c.cells.length) return s;
    const out: (SavedCell | null)[] = [];
    for (const x of block) {
      if (x === null) out.push(null);
      else if (Number.isInteger(x) && x >= 0 && x < values.length) out.push(values[x]);
      else return s;
    }
    written.push({ sheet: c.sheet, col: c.col, top: c.top, cells: out });
  }
  const { writtenRefs: _, ...rest } = s; // eslint-disable-line @typescript-eslint/no-unused-vars
  return { ...rest, written };
}
