/**
 * The shapes through which core sees a workbook (the port itself, WorkbookPort, is in core/usecases/workbookPort.ts). The Excel adapter (src/excel) and the .xlsx adapter
 * (src/xlsx) both read into these shapes and apply a WritePlan; core never touches either library.
 */

export interface CellError {
  error: string; // "#REF!", "#VALUE!", …
}

/** A cell as read: formula cells carry their cached value; dates stay dates so they can be reported. */
export type CellValue = null | number | string | boolean | Date | CellError;

export interface SheetGrid {
  name: string;
  /** values[r][c] is the cell at sheet row r+1, column c+1 (always from A1; rows may be ragged). */
  values: CellValue[][];
  /** Formula text without the leading "=", where the cell holds one. */
  formulas?: (string | null | undefined)[][];
  /** Number formats, where known (used to tell a code 1.10 stored as a number from 1.1). */
  numberFormats?: (string | null | undefined)[][];
  /** Merged areas as A1 ranges ("E5:F5"). */
  merges?: string[];
  /** 1-based rows that are hidden: they still count. */
  hiddenRows?: number[];
  /** Sheet protection is on: an adapter writes nothing to it. */
  protected?: boolean;
  visibility?: "visible" | "hidden" | "veryHidden";
  /**
   * The tool's role for this sheet, where the workbook marks the sheet as the tool's own (a hidden workbook name
   * "_cchc.sheet.<role>" pointing at its A1; see core/owned). Absent: a person's sheet, whatever its name.
   */
  role?: SheetRole;
}

/** The sheets the tool creates and owns: the summary, its veryHidden data sheet and the undo snapshot. */
export type SheetRole = "summary" | "data" | "undo";

/** A defined name as the workbook holds it. */
export interface DefinedName {
  name: string;
  /** The formula without "=": "'Tổng hợp'!$A$1", "cchc_du_lieu!$A$1:$A$8", or "#REF!" once its sheet is gone. */
  refersTo: string;
  /** The sheet a sheet-local name belongs to; absent for a workbook name. */
  sheet?: string;
  hidden?: boolean;
}

export interface WorkbookRead {
  sheets: SheetGrid[];
  /** The workbook's own names ("_cchc." prefix), where the adapter reads them; others may be omitted. */
  names?: DefinedName[];
  /** Workbook structure is protected: no sheet can be added, removed, renamed, moved or hidden. */
  structureProtected?: boolean;
  /**
   * How far the formula results stored in the file can be trusted, where the adapter knows (the .xlsx reader;
   * Excel has always calculated): "stored" — a formula cell read as null has no stored result (never
   * calculated); "stale" — the file asks to be recalculated when opened and this tool did not ask it (openpyxl
   * and XlsxWriter do: their stored results are empty or 0), so no stored result is trusted. See the rule
   * `not-calculated` (core/check/notCalculated).
   */
  formulaResults?: "stored" | "stale";
}

/** What goes into one cell. Text is always written as text, never parsed as a formula. */
export type CellWrite =
  | { formula: string; result?: number | string } // formula without "="
  | { value: number | string | boolean | null };

export interface RangeWrite {
  sheet: string;
  /** Top-left cell, A1. */
  at: string;
  cells: CellWrite[][];
}

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fill?: string; // "#RRGGBB"
  fontColor?: string; // "#RRGGBB"
  numberFormat?: string;
  wrap?: boolean;
  align?: "left" | "center" | "right";
}

export interface StyleWrite {
  sheet: string;
  range: string;
  style: CellStyle;
}

/** A formula-based conditional format over one or more areas; `formula` is relative to the first area's top-left cell. */
export interface ConditionalFormatWrite {
  sheet: string;
  /** Stable key: a second run replaces the rule with the same key instead of adding one. */
  key: string;
  ranges: string[];
  formula: string;
  style: { fill?: string; fontColor?: string; bold?: boolean };
}

export type ValidationWrite =
  | {
      sheet: string;
      ranges: string[];
      kind: "list";
      values: (number | string)[];
      /**
       * The list as a formula without "=": a hidden name over the data sheet's cells ("_cchc.list.2"), so a picked
       * score is a number whatever the user's locale (an inline "0,1.5" is read in the locale's separators).
       * `values` are the same items, for messages and checks.
       */
      source: string;
      prompt?: string;
      error?: string;
      /**
       * What Excel does with a value not in the list: "stop" (the default) refuses it; "warning" asks and keeps it
       * when the person says so (the criteria sheet's dropdowns: other words, English codes, are read too).
       */
      alert?: "stop" | "warning";
    }
  | {
      sheet: string;
      ranges: string[];
      kind: "decimal";
      min: number;
      max: number;
      orText?: string[];
      prompt?: string;
      error?: string;
    };

export interface SheetWrite {
  /** The sheet's name: an existing sheet of this role keeps its own; a new one takes a free name (core/owned). */
  name: string;
  /**
   * The tool's role: such a sheet is marked as the tool's own, and a later run empties it in place and rewrites it,
   * never deleting nor duplicating it. Absent for sheets made for a person (a template's unit sheets, a criteria
   * sheet), which the plan creates in a new workbook and never owns.
   */
  role?: Exclude<SheetRole, "undo">;
  /** The plan creates this sheet, or rebuilds the one of its role. */
  owned: true;
  /** Default visible; the data sheet is veryHidden. */
  visibility?: "visible" | "veryHidden";
  columnWidths?: number[];
  freezeRows?: number;
}

/**
 * A hidden workbook-level name the run sets (an existing name of the same name is replaced): the owned-sheet
 * markers, the not-applicable marks and the allowed-score lists on the data sheet. Always "_cchc." names.
 */
export interface NameWrite {
  name: string;
  /** Without "=". */
  refersTo: string;
}

export interface WritePlan {
  sheets: SheetWrite[];
  ranges: RangeWrite[];
  styles: StyleWrite[];
  conditionalFormats: ConditionalFormatWrite[];
  validations: ValidationWrite[];
  names: NameWrite[];
}

export function emptyPlan(): WritePlan {
  return { sheets: [], ranges: [], styles: [], conditionalFormats: [], validations: [], names: [] };
}

export function isCellError(v: unknown): v is CellError {
  return (
    typeof v === "object" &&
    v !== null &&
    !(v instanceof Date) &&
    typeof (v as CellError).error === "string"
  );
}
