/**
 * The one small port through which core sees a workbook. The Excel adapter (src/excel) and the .xlsx adapter
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
}

export interface WorkbookRead {
  sheets: SheetGrid[];
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
      prompt?: string;
      error?: string;
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
  name: string;
  /** The add-in owns this sheet: it is emptied and rewritten on every run, never duplicated. */
  owned: true;
  columnWidths?: number[];
  freezeRows?: number;
}

export interface WritePlan {
  sheets: SheetWrite[];
  ranges: RangeWrite[];
  styles: StyleWrite[];
  conditionalFormats: ConditionalFormatWrite[];
  validations: ValidationWrite[];
}

export function emptyPlan(): WritePlan {
  return { sheets: [], ranges: [], styles: [], conditionalFormats: [], validations: [] };
}

export interface WorkbookPort {
  read(): Promise<WorkbookRead>;
  apply(plan: WritePlan): Promise<void>;
}

export function isCellError(v: unknown): v is CellError {
  return (
    typeof v === "object" &&
    v !== null &&
    !(v instanceof Date) &&
    typeof (v as CellError).error === "string"
  );
}
