import * as z from "zod/mini";
import { parseArea } from "../sheet/address";

/**
 * The snapshot's shape, written once: the TypeScript types (z.infer) and the check of what is read back (safeParse)
 * come from these schemas, so they cannot drift apart. It is read back from a workbook anyone may have edited, so
 * every address must lie on Excel's grid and the areas it validates stay within a bound: a hand-made
 * "A1:XFD1048576" must be refused, not looped over. zod/mini, not zod: the pane bundles this, and mini's
 * functional checks tree-shake (full zod's methods do not).
 */

export const SNAPSHOT_FORMAT = "cchc-hoan-tac/1";

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
/** Runs in one cell: Excel keeps a cell's text to 32,767 characters. */
const MAX_RUNS = 32_767;
const MAX_ARRAY_CELLS = 100_000;
/** Excel holds at most 64,000 cell formats (Excel specifications and limits). */
const MAX_XF = 65_535;
/** Far above what a run validates (a few hundred score cells a sheet), far below a hang. */
const MAX_VALIDATED_CELLS = 1_000_000;
/** A name's previous formula: Excel holds at most 8,192 characters. */
const MAX_FORMULA = 8192;

/** Cells in an A1 area on Excel's grid; 0 if it is not one. */
function areaCells(ref: unknown): number {
  if (
    typeof ref !== "string" ||
    !/^\$?[A-Za-z]{1,3}\$?\d{1,7}(:\$?[A-Za-z]{1,3}\$?\d{1,7})?$/.test(ref)
  )
    return 0;
  const a = parseArea(ref);
  if (a.top < 1 || a.left < 1 || a.bottom > MAX_ROW || a.right > MAX_COL) return 0;
  return (a.bottom - a.top + 1) * (a.right - a.left + 1);
}

const int = (min: number, max: number) =>
  z.number().check(z.refine(Number.isInteger), z.gte(min), z.lte(max));
const name = z.string().check(z.minLength(1), z.maxLength(255));
const color = z.string().check(z.regex(/^#[0-9A-Fa-f]{6}$/));
/** An area on Excel's grid ("B5", "D5:E9"). */
const area = z.string().check(z.refine((r) => areaCells(r) > 0));
/** One cell on Excel's grid. */
const oneCell = z.string().check(z.refine((r) => areaCells(r) === 1));

/** A cell's previous content: "" empty, {f} formula (without "="), {v} constant, {e} error value. */
const savedCell = z.union([
  z.literal(""),
  z.strictObject({ f: z.string() }),
  z.strictObject({ e: z.string() }),
  z.strictObject({ v: z.union([z.string(), z.number(), z.boolean()]) }),
]);
export type SavedCell = z.infer<typeof savedCell>;
const savedOrNull = z.nullable(savedCell);

/** A saved cell: "", {f}, {v} or {e}, nothing else. */
export function isSavedCell(c: unknown): c is SavedCell {
  return savedCell.safeParse(c).success;
}

const cellBlock = z
  .object({
    sheet: name,
    col: int(1, MAX_COL),
    top: int(1, MAX_ROW),
    /** cells[i] is row top+i; null = not written. */
    cells: z.array(savedOrNull),
  })
  .check(z.refine((b) => b.top + b.cells.length - 1 <= MAX_ROW));

const savedSheet = z.object({
  name,
  position: int(0, 65_535),
  visibility: z.optional(z.enum(["visible", "hidden", "veryHidden"])),
  rows: z.array(z.array(savedOrNull).check(z.maxLength(MAX_COL))).check(z.maxLength(MAX_ROW)),
  /** Column widths in characters (null = default) and frozen rows, where the adapter knows them. */
  columnWidths: z.optional(
    z.array(z.nullable(z.number().check(z.gte(0), z.lte(255)))).check(z.maxLength(MAX_COL))
  ),
  freezeRows: z.optional(int(0, MAX_ROW)),
});
export type SavedSheet = z.infer<typeof savedSheet>;

const savedConditionalFormat = z.object({
  sheet: name,
  ranges: z.array(area),
  /** Relative to the first area's top-left cell, without "=". */
  formula: z.string(),
  style: z.object({
    fill: z.optional(color),
    fontColor: z.optional(color),
    bold: z.optional(z.boolean()),
  }),
});
export type SavedConditionalFormat = z.infer<typeof savedConditionalFormat>;

const formula = z.union([z.string(), z.number()]);
// Office.js may give null for a property it does not use.
const flag = z.nullish(z.boolean());
const text = z.nullish(z.string());

const savedBasicRule = z.object({
  operator: z.string(),
  formula1: formula,
  formula2: z.nullish(formula),
});
export type SavedBasicRule = z.infer<typeof savedBasicRule>;

const savedValidationRule = z.strictObject({
  list: z.optional(z.object({ inCellDropDown: flag, source: z.string() })),
  custom: z.optional(z.object({ formula: z.string() })),
  wholeNumber: z.optional(savedBasicRule),
  decimal: z.optional(savedBasicRule),
  date: z.optional(savedBasicRule),
  time: z.optional(savedBasicRule),
  textLength: z.optional(savedBasicRule),
});
export type SavedValidationRule = z.infer<typeof savedValidationRule>;

/**
 * A data validation as it was, in the JSON shape of Office.js's DataValidation (rule, ignoreBlanks, prompt,
 * errorAlert): the Excel adapter sets it as it is, the .xlsx adapter translates it.
 */
const savedValidation = z.object({
  rule: savedValidationRule,
  ignoreBlanks: flag,
  prompt: z.optional(z.object({ showPrompt: flag, title: text, message: text })),
  errorAlert: z.optional(z.object({ showAlert: flag, style: text, title: text, message: text })),
});
export type SavedValidation = z.infer<typeof savedValidation>;

/** The style a styled cell had, in the properties a plan can set; null = none (no fill, automatic colour). */
const savedStyle = z.object({
  sheet: name,
  cell: oneCell,
  bold: z.optional(z.boolean()),
  italic: z.optional(z.boolean()),
  fontColor: z.nullish(color),
  fill: z.nullish(color),
  numberFormat: z.optional(z.string()),
  wrap: z.optional(z.boolean()),
  align: z.nullish(z.enum(["left", "center", "right"])),
});
export type SavedStyle = z.infer<typeof savedStyle>;

/** Run properties (CT_RPrElt, ECMA-376 Part 1 §18.4.7): a hand-edited snapshot can put nothing else in a cell. */
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
// Typed as a string: the .xlsx adapter reads run properties from a package as element names.
const runProperty = z.string().check(z.refine((p) => RUN_PROPERTIES.has(p)));

/** A run of rich text: its text and its run properties (`<rPr>` children as [element, attributes]). */
const savedRun = z.object({
  text: z.string(),
  font: z.optional(
    z.array(
      z.tuple([
        runProperty,
        z.record(z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9]*$/)), z.string()),
      ])
    )
  ),
});
export type SavedRun = z.infer<typeof savedRun>;

const savedRichText = z.object({
  sheet: name,
  cell: oneCell,
  runs: z.array(savedRun).check(z.maxLength(MAX_RUNS)),
});
export type SavedRichText = z.infer<typeof savedRichText>;

const savedArrayFormula = z.object({
  sheet: name,
  /** The area, A1 ("D5:E6"); a run's array formula is a few cells, one over the grid must not make undo loop. */
  ref: z.string().check(
    z.refine((r) => {
      const n = areaCells(r);
      return n > 1 && n <= MAX_ARRAY_CELLS;
    })
  ),
  /** Without "=". */
  formula: z.string().check(z.maxLength(MAX_FORMULA)),
});
export type SavedArrayFormula = z.infer<typeof savedArrayFormula>;

const savedStyleIndex = z.object({ sheet: name, cell: oneCell, xf: int(0, MAX_XF) });
export type SavedStyleIndex = z.infer<typeof savedStyleIndex>;

/**
 * Everything one run changed, as it was before, kept inside the workbook on a veryHidden sheet: Excel's undo
 * history does not survive add-in writes, and a file scored by `cchc` may be passed on. Both adapters write
 * and read this one format, so a run of either can be undone by the other. A run replaces the previous one.
 */
const snapshotSchema = z
  .object({
    format: z.literal(SNAPSHOT_FORMAT),
    createdAt: z.string(),
    /** Previous content of every cell written on sheets that are not owned; null = not written. */
    cells: z.array(cellBlock),
    /** Owned sheets the run created (they did not exist): removed on undo. */
    addedSheets: z.array(name),
    /** Owned sheets the run rebuilt: their whole content from A1, put back on undo. */
    replacedSheets: z.array(savedSheet),
    /** Rules the run added, known by formula: removed on undo. */
    addedFormats: z.array(z.object({ sheet: name, formula: z.string() })),
    /** Rules the run deleted (an earlier run's): added back on undo. */
    deletedFormats: z.array(savedConditionalFormat),
    /** Areas the run validated, with the one rule they had before, if any. */
    validations: z.array(
      z.object({ sheet: name, ranges: z.array(area), previous: z.optional(savedValidation) })
    ),
    /** Cells the run styled on sheets that are not owned, with the style they had (added later: may be absent). */
    styles: z.optional(z.array(savedStyle)),
    /**
     * What the run wrote into the cells of `cells`, block for block (same sheet, col, top and length): undo
     * restores a cell only where it still holds this (added later: may be absent in older snapshots).
     */
    written: z.optional(
      z.array(
        z.object({
          sheet: z.string(),
          col: z.number(),
          top: z.number(),
          cells: z.array(savedOrNull),
        })
      )
    ),
    /**
     * The sheets the run wrote to, each with the hidden workbook name ("_cchc.undo.<n>", pointing at its A1) that
     * follows the sheet through renames: undo finds a sheet by it, not by its name at the time (may be absent).
     */
    sheetMarkers: z.optional(
      z.array(
        z.object({ sheet: name, marker: z.string().check(z.regex(/^_cchc\.undo\.\d{1,6}$/i)) })
      )
    ),
    /** The workbook names the run set, with what each referred to before; absent `previous`: it did not exist. */
    names: z.optional(
      z.array(
        z.object({
          name: z.string().check(z.regex(/^_cchc\.[A-Za-z0-9._]{1,249}$/i)),
          previous: z.optional(z.string().check(z.maxLength(MAX_FORMULA))),
        })
      )
    ),
    /**
     * Cells of `cells` that held rich text, with its runs: undo puts the runs back where the cell gets back the same
     * text (the .xlsx adapter writes and reads it; may be absent).
     */
    richText: z.optional(z.array(savedRichText)),
    /**
     * Multi-cell array formulas a written cell lay in: the run gave their other cells formulas of their own, and undo
     * joins them back where every cell still holds what the run left (the .xlsx adapter; may be absent).
     */
    arrayFormulas: z.optional(z.array(savedArrayFormula)),
    /**
     * The style index (`s`, an xf of styles.xml) each cell of `styles` had, where the .xlsx writer styled it: undo
     * gives back that very index when it still has the properties `styles` records (Excel may renumber styles on
     * save; then undo derives a style as the Excel adapter does). Absent from the Excel adapter's snapshots.
     */
    styleIndexes: z.optional(z.array(savedStyleIndex)),
    /** The workbook had an empty list of names (`<definedNames/>`, as openpyxl writes it): undo keeps it. */
    emptyNameList: z.optional(z.boolean()),
  })
  .check(
    z.refine(
      (s) =>
        s.validations.reduce((n, v) => n + v.ranges.reduce((m, r) => m + areaCells(r), 0), 0) <=
        MAX_VALIDATED_CELLS
    ),
    // What the run wrote: block for block the same sheets, columns, rows and lengths as `cells`.
    z.refine(
      (s) =>
        s.written === undefined ||
        (s.written.length === s.cells.length &&
          s.written.every((b, i) => {
            const c = s.cells[i];
            return (
              b.sheet === c.sheet &&
              b.col === c.col &&
              b.top === c.top &&
              b.cells.length === c.cells.length
            );
          }))
    )
  );
export type Snapshot = z.infer<typeof snapshotSchema>;

/** Whether parsed JSON is a snapshot undo can carry out safely (see the schema above). */
export function isWellFormedSnapshot(s: unknown): s is Snapshot {
  // The stored form's `writtenRefs` left unexpanded (core/snapshot/compactWritten) means it was malformed.
  if (typeof s === "object" && s !== null && "writtenRefs" in s) return false;
  return snapshotSchema.safeParse(s).success;
}
