import { InputError } from "../../core/inputError";
import { bySheet } from "../../core/plan/bySheet";
import { writtenCells } from "../../core/plan/cellBlocks";
import { parseA1, parseArea } from "../../core/sheet/address";
import { SavedCell, sheetsToUndo, Snapshot, touchedSheets } from "../../core/snapshot/snapshot";
import { CellContent, contentOfSaved, RichRun } from "./cellContent";
import { addRule, nextPriority, removeRulesWithFormulas } from "./conditionalFormats";
import { addSavedValidation, clearValidations } from "./dataValidations";
import { SheetEditor } from "./sheetEditor";
import { PackageSnapshot, RichTextCell } from "./snapshotOfPackage";
import { removeUndoSheet, storedSnapshot } from "./undoSheet";
import { sheetOfReference } from "./workbookFacts";
import { WorkbookEditor } from "./workbookEditor";

export interface PackageRevertOptions {
  /** The snapshot to undo, already read (else it is read from the workbook's undo sheet). */
  snapshot?: Snapshot;
  /** Cells to leave as they are (conflicts the caller chose to skip), by the snapshot's sheet name. */
  skipCell?: (sheet: string, row: number, col: number) => boolean;
}

export interface PackageRevertResult {
  /** When the undone run was made (ISO). */
  createdAt: string;
  restoredCells: number;
  skippedCells: number;
  /** Sheets the run had added, now removed. */
  removedSheets: string[];
  /** Sheets the run had rebuilt, now as they were. */
  restoredSheets: string[];
}

/**
 * Puts back in the package what the last run changed, from its snapshot, then removes the snapshot: undo goes
 * back one run. Sheets are found by the marker names the run left on them (they follow renames), else by
 * name. Nothing is changed if a sheet it would write to is protected. Restored cells keep their style and
 * hyperlink (the writer never touches either), and get back the rich text runs they had.
 */
export async function revertInPackage(
  ed: WorkbookEditor,
  options: PackageRevertOptions = {}
): Promise<PackageRevertResult> {
  const snapshot = (options.snapshot ?? (await storedSnapshot(ed))) as PackageSnapshot | undefined;
  if (!snapshot) throw new InputError("nothing-to-revert");

  const renamed = new Map<string, string>();
  for (const m of snapshot.sheetMarkers ?? []) {
    const now = ed.wb.globalName(m.marker);
    const target = now && sheetOfReference(now.refersTo);
    if (target && ed.wb.sheet(target)) renamed.set(m.sheet, target);
  }
  const current = (name: string) => renamed.get(name) ?? name;
  const sheet = (name: string) => ed.sheet(current(name));

  const blocked: string[] = [];
  for (const name of touchedSheets(snapshot))
    if ((await sheet(name))?.isProtected()) blocked.push(current(name));
  if (blocked.length) throw new InputError("sheet-protected", { sheets: blocked.join(", ") });

  const { added, replaced } = sheetsToUndo(snapshot);
  const removedSheets: string[] = [];
  for (const name of added) {
    const entry = ed.wb.sheet(current(name));
    if (!entry) continue;
    await ed.removeSheet(entry);
    removedSheets.push(entry.name);
  }
  for (const saved of replaced) {
    const entry = ed.wb.sheet(current(saved.name));
    const ws = entry
      ? await ed.sheetOf(entry)
      : await ed.addSheet(saved.name, saved.visibility ?? "visible");
    if (!ws) continue;
    if (entry) {
      ws.empty();
      ed.wb.setState(ed.pkg, entry, saved.visibility ?? "visible");
    }
    ws.setLayout(saved.columnWidths, saved.freezeRows);
    saved.rows.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (cell !== null) ws.write(r + 1, c + 1, contentOfSaved(cell));
      })
    );
  }

  const rich = richTextByCell(snapshot.richText);
  let restored = 0;
  let skipped = 0;
  const skip = options.skipCell ?? (() => false);
  const skipRow = (name: string, row: number, area: { left: number; right: number }) => {
    for (let c = area.left; c <= area.right; c++) if (skip(name, row, c)) return true;
    return false;
  };
  for (const block of snapshot.cells) {
    const ws = await sheet(block.sheet);
    if (!ws) continue;
    for (const { row, col, cell } of writtenCells(block)) {
      if (skip(block.sheet, row, col)) {
        skipped++;
        continue;
      }
      ws.write(row, col, restoredContent(cell, rich.get(`${block.sheet}\u0000${row}\u0000${col}`)));
      restored++;
    }
  }

  for (const a of Array.isArray(snapshot.arrayFormulas) ? snapshot.arrayFormulas : []) {
    if (typeof a?.sheet !== "string" || typeof a.ref !== "string" || typeof a.formula !== "string")
      continue;
    if (!/^[A-Z]{1,3}\d+:[A-Z]{1,3}\d+$/i.test(a.ref)) continue;
    const area = parseArea(a.ref);
    // A hand-edited snapshot could name the whole grid: an array formula of ours is never that large.
    if ((area.bottom - area.top + 1) * (area.right - area.left + 1) > MAX_ARRAY_CELLS) continue;
    if (
      [...Array(area.bottom - area.top + 1).keys()].some((i) =>
        skipRow(a.sheet, area.top + i, area)
      )
    )
      continue;
    (await sheet(a.sheet))?.rejoinArray(a.ref.toUpperCase(), a.formula);
  }

  for (const [name, rules] of bySheet(snapshot.addedFormats)) {
    const ws = await sheet(name);
    if (
      ws &&
      removeRulesWithFormulas(
        ws.worksheet,
        rules.map((f) => f.formula)
      )
    )
      ws.touch();
  }
  for (const [name, formats] of bySheet(snapshot.deletedFormats)) {
    const ws = await sheet(name);
    if (!ws) continue;
    const styles = await ed.styles();
    let priority = nextPriority(ws.worksheet);
    for (const f of formats)
      if (f.ranges.length)
        addRule(ws.worksheet, f.ranges, f.formula, styles.dxf(f.style), priority++);
    ws.touch();
  }

  for (const v of snapshot.validations) {
    const ws = await sheet(v.sheet);
    if (!ws) continue;
    clearValidations(ws.worksheet, v.ranges.map(parseArea));
    if (v.previous) addSavedValidation(ws.worksheet, v.previous, v.ranges);
    ws.touch();
  }

  if (snapshot.styles?.length) {
    const styles = await ed.styles();
    for (const s of snapshot.styles) {
      const ws: SheetEditor | undefined = await sheet(s.sheet);
      if (!ws) continue;
      const { row, col } = parseA1(s.cell);
      if (skip(s.sheet, row, col)) continue;
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      const { sheet: _s, cell: _c, ...change } = s;
      ws.style(row, col, change, styles);
    }
  }

  for (const n of snapshot.names ?? []) {
    if (n.previous !== undefined) ed.wb.setName(ed.pkg, n.name, n.previous);
    else ed.wb.removeName(ed.pkg, n.name);
  }
  await removeUndoSheet(ed);

  return {
    createdAt: snapshot.createdAt,
    restoredCells: restored,
    skippedCells: skipped,
    removedSheets,
    restoredSheets: replaced.map((s) => current(s.name)),
  };
}

/** Undo of the package in `original`: the new bytes, and what was done. */
export async function revertPackage(
  original: Uint8Array,
  options: PackageRevertOptions = {}
): Promise<{ bytes: Uint8Array; result: PackageRevertResult }> {
  const ed = await WorkbookEditor.open(original);
  const result = await revertInPackage(ed, options);
  return { bytes: await ed.save(), result };
}

const MAX_ARRAY_CELLS = 100_000;

function restoredContent(saved: SavedCell, runs: RichRun[] | undefined): CellContent {
  if (
    runs &&
    typeof saved === "object" &&
    "v" in saved &&
    saved.v === runs.map((r) => r.text).join("")
  )
    return { rich: runs };
  return contentOfSaved(saved);
}

/** Run properties (CT_RPrElt) a saved run may carry: a hand-edited snapshot cannot put anything else in a cell. */
const RUN_PROPERTIES = new Set([
  "rFont",
  "charset",
  "family",
  "b",
  "i",
  "strike",
  "outline",
  "shadow",
  "condense",
  "extend",
  "color",
  "sz",
  "u",
  "vertAlign",
  "scheme",
]);

function isRun(x: unknown): x is RichRun {
  if (typeof x !== "object" || x === null) return false;
  const r = x as RichRun;
  return (
    typeof r.text === "string" &&
    (r.font === undefined ||
      (Array.isArray(r.font) &&
        r.font.every(
          (p) =>
            Array.isArray(p) &&
            p.length === 2 &&
            RUN_PROPERTIES.has(p[0]) &&
            typeof p[1] === "object" &&
            p[1] !== null &&
            Object.entries(p[1]).every(
              ([k, v]) => /^[A-Za-z][A-Za-z0-9]*$/.test(k) && typeof v === "string"
            )
        )))
  );
}

function richTextByCell(list: RichTextCell[] | undefined): Map<string, RichRun[]> {
  const out = new Map<string, RichRun[]>();
  if (!Array.isArray(list)) return out;
  for (const x of list) {
    if (
      typeof x?.sheet !== "string" ||
      typeof x.cell !== "string" ||
      !Array.isArray(x.runs) ||
      !x.runs.every(isRun)
    )
      continue;
    try {
      const { row, col } = parseA1(x.cell);
      out.set(`${x.sheet}\u0000${row}\u0000${col}`, x.runs);
    } catch {
      // not a cell address: ignored
    }
  }
  return out;
}
