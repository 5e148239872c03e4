import { parseArea } from "../sheet/address";
import { SavedCell, SNAPSHOT_FORMAT, Snapshot } from "./snapshot";

/**
 * Whether parsed JSON is a snapshot undo can carry out safely. It is read back from a workbook anyone may have
 * edited, so every address must lie on Excel's grid and the areas it validates stay within a bound: a
 * hand-made "A1:XFD1048576" must be refused, not looped over.
 */
export function isWellFormedSnapshot(s: unknown): s is Snapshot {
  if (!isObject(s) || s.format !== SNAPSHOT_FORMAT || typeof s.createdAt !== "string") return false;
  const x = s as unknown as Snapshot;
  let validated = 0;
  return (
    all(x.cells, (b) => {
      if (
        !isObject(b) ||
        !isName(b.sheet) ||
        !isInt(b.col, 1, MAX_COL) ||
        !isInt(b.top, 1, MAX_ROW)
      )
        return false;
      const cells = b.cells as unknown;
      return (
        Array.isArray(cells) && b.top + cells.length - 1 <= MAX_ROW && cells.every(isSavedOrNull)
      );
    }) &&
    all(x.addedSheets, isName) &&
    all(
      x.replacedSheets,
      (r) =>
        isObject(r) &&
        isName(r.name) &&
        isInt(r.position, 0, 65_535) &&
        (r.visibility === undefined || VISIBILITIES.has(r.visibility)) &&
        Array.isArray(r.rows) &&
        r.rows.length <= MAX_ROW &&
        r.rows.every(
          (line) => Array.isArray(line) && line.length <= MAX_COL && line.every(isSavedOrNull)
        ) &&
        (r.columnWidths === undefined ||
          (Array.isArray(r.columnWidths) &&
            r.columnWidths.length <= MAX_COL &&
            r.columnWidths.every(
              (w) => w === null || (typeof w === "number" && w >= 0 && w <= 255)
            ))) &&
        (r.freezeRows === undefined || isInt(r.freezeRows, 0, MAX_ROW))
    ) &&
    all(x.addedFormats, (f) => isObject(f) && isName(f.sheet) && typeof f.formula === "string") &&
    all(
      x.deletedFormats,
      (f) =>
        isObject(f) &&
        isName(f.sheet) &&
        typeof f.formula === "string" &&
        all(f.ranges, (r) => areaCells(r) > 0) &&
        isObject(f.style) &&
        isColorOrAbsent(f.style.fill) &&
        isColorOrAbsent(f.style.fontColor) &&
        (f.style.bold === undefined || typeof f.style.bold === "boolean")
    ) &&
    all(x.validations, (v) => {
      if (!isObject(v) || !isName(v.sheet) || !Array.isArray(v.ranges)) return false;
      if (v.previous !== undefined && !isSavedValidation(v.previous)) return false;
      for (const r of v.ranges) {
        const n = areaCells(r);
        if (n === 0) return false;
        validated += n;
      }
      return validated <= MAX_VALIDATED_CELLS;
    }) &&
    (x.styles === undefined ||
      all(
        x.styles,
        (st) =>
          isObject(st) &&
          isName(st.sheet) &&
          typeof st.cell === "string" &&
          areaCells(st.cell) === 1 &&
          (st.fill === undefined || st.fill === null || isColor(st.fill)) &&
          (st.fontColor === undefined || st.fontColor === null || isColor(st.fontColor)) &&
          (st.numberFormat === undefined || typeof st.numberFormat === "string")
      )) &&
    (x.written === undefined || isParallel(x.written, x.cells)) &&
    (x.sheetMarkers === undefined ||
      all(
        x.sheetMarkers,
        (m) =>
          isObject(m) &&
          isName(m.sheet) &&
          typeof m.marker === "string" &&
          /^_cchc\.undo\.\d{1,6}$/i.test(m.marker)
      )) &&
    (x.names === undefined ||
      all(
        x.names,
        (n) =>
          isObject(n) &&
          typeof n.name === "string" &&
          /^_cchc\.[A-Za-z0-9._]{1,249}$/i.test(n.name) &&
          (n.previous === undefined ||
            (typeof n.previous === "string" && n.previous.length <= MAX_FORMULA))
      )) &&
    (x.richText === undefined ||
      all(
        x.richText,
        (r) =>
          isObject(r) &&
          isName(r.sheet) &&
          areaCells(r.cell) === 1 &&
          Array.isArray(r.runs) &&
          r.runs.length <= MAX_RUNS &&
          r.runs.every(isRun)
      )) &&
    (x.arrayFormulas === undefined ||
      all(x.arrayFormulas, (a) => {
        if (!isObject(a) || !isName(a.sheet) || typeof a.formula !== "string") return false;
        const n = areaCells(a.ref);
        // A run's array formula is a few cells; a hand-made one over the grid must not make undo loop over it.
        return n > 1 && n <= MAX_ARRAY_CELLS && a.formula.length <= MAX_FORMULA;
      })) &&
    (x.styleIndexes === undefined ||
      all(
        x.styleIndexes,
        (st) =>
          isObject(st) &&
          isName(st.sheet) &&
          typeof st.cell === "string" &&
          areaCells(st.cell) === 1 &&
          isInt(st.xf, 0, MAX_XF)
      )) &&
    (x.emptyNameList === undefined || typeof x.emptyNameList === "boolean") &&
    !("writtenRefs" in x)
  );
}

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

function isRun(r: unknown): boolean {
  return (
    isObject(r) &&
    typeof r.text === "string" &&
    (r.font === undefined ||
      (Array.isArray(r.font) &&
        r.font.every(
          (p: unknown) =>
            Array.isArray(p) &&
            p.length === 2 &&
            RUN_PROPERTIES.has(p[0]) &&
            isObject(p[1]) &&
            Object.entries(p[1]).every(
              ([k, v]) => /^[A-Za-z][A-Za-z0-9]*$/.test(k) && typeof v === "string"
            )
        )))
  );
}

/** What the run wrote: block for block the same sheets, columns, rows and lengths as `cells`. */
function isParallel(written: unknown, cells: Snapshot["cells"]): boolean {
  return (
    Array.isArray(written) &&
    written.length === cells.length &&
    written.every((b, i) => {
      const c = cells[i];
      return (
        isObject(b) &&
        b.sheet === c.sheet &&
        b.col === c.col &&
        b.top === c.top &&
        Array.isArray(b.cells) &&
        b.cells.length === c.cells.length &&
        b.cells.every(isSavedOrNull)
      );
    })
  );
}

const MAX_ROW = 1_048_576;
/** Runs in one cell: Excel keeps a cell's text to 32,767 characters. */
const MAX_RUNS = 32_767;
const MAX_ARRAY_CELLS = 100_000;
/** Excel holds at most 64,000 cell formats (Excel specifications and limits). */
const MAX_XF = 65_535;
const MAX_COL = 16_384;
/** Far above what a run validates (a few hundred score cells a sheet), far below a hang. */
const MAX_VALIDATED_CELLS = 1_000_000;
const VISIBILITIES = new Set(["visible", "hidden", "veryHidden"]);
/** A name's previous formula: Excel holds at most 8,192 characters. */
const MAX_FORMULA = 8192;

function isObject(x: unknown): x is Record<string, any> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function all<T>(list: T[] | unknown, ok: (x: T) => boolean): boolean {
  return Array.isArray(list) && list.every(ok);
}

function isInt(x: unknown, min: number, max: number): x is number {
  return Number.isInteger(x) && (x as number) >= min && (x as number) <= max;
}

function isName(x: unknown): x is string {
  return typeof x === "string" && x.length > 0 && x.length <= 255;
}

function isColor(x: unknown): boolean {
  return typeof x === "string" && /^#[0-9A-Fa-f]{6}$/.test(x);
}

function isColorOrAbsent(x: unknown): boolean {
  return x === undefined || isColor(x);
}

function isSavedOrNull(c: unknown): c is SavedCell | null {
  return c === null || isSavedCell(c);
}

/** A saved cell: "", {f}, {v} or {e}, nothing else. */
export function isSavedCell(c: unknown): c is SavedCell {
  if (c === "") return true;
  if (!isObject(c)) return false;
  const keys = Object.keys(c);
  if (keys.length !== 1) return false;
  if ("f" in c || "e" in c) return typeof (c.f ?? c.e) === "string";
  if ("v" in c)
    return (
      typeof c.v === "string" ||
      typeof c.v === "boolean" ||
      (typeof c.v === "number" && Number.isFinite(c.v))
    );
  return false;
}

const isFormula = (x: unknown) =>
  typeof x === "string" || (typeof x === "number" && Number.isFinite(x));
// Office.js may give null for a property it does not use.
const isText = (x: unknown) => x === undefined || x === null || typeof x === "string";
const isFlag = (x: unknown) => x === undefined || x === null || typeof x === "boolean";
const BASIC_KINDS = new Set(["wholeNumber", "decimal", "date", "time", "textLength"]);

/** A validation in Office.js's JSON shape, with the types undo relies on. */
function isSavedValidation(v: unknown): boolean {
  if (!isObject(v) || !isObject(v.rule) || !isFlag(v.ignoreBlanks)) return false;
  const { list, custom, ...basic } = v.rule;
  if (
    list !== undefined &&
    !(isObject(list) && typeof list.source === "string" && isFlag(list.inCellDropDown))
  )
    return false;
  if (custom !== undefined && !(isObject(custom) && typeof custom.formula === "string"))
    return false;
  for (const [kind, b] of Object.entries(basic)) {
    if (!BASIC_KINDS.has(kind) || !isObject(b) || typeof b.operator !== "string") return false;
    if (
      !isFormula(b.formula1) ||
      !(b.formula2 === undefined || b.formula2 === null || isFormula(b.formula2))
    )
      return false;
  }
  const p = v.prompt;
  if (
    p !== undefined &&
    !(isObject(p) && isFlag(p.showPrompt) && isText(p.title) && isText(p.message))
  )
    return false;
  const e = v.errorAlert;
  return (
    e === undefined ||
    (isObject(e) && isFlag(e.showAlert) && isText(e.style) && isText(e.title) && isText(e.message))
  );
}

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
