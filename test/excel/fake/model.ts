/**
 * The workbook the fake holds: sheets with their cells, styles, merges, conditional formats, validations and
 * charts, and the worksheet-collection event handlers. Tests arrange and inspect it directly.
 */
import { CellValue, SheetGrid } from "../../../src/core/port";
import { a1, sheetRef } from "../../../src/core/sheet/address";
import { sheetReference } from "./address";
import { shiftRows } from "./rowShift";
import { enterInput } from "./enterInput";
import { OfficeError } from "./errors";

export type Scalar = string | number | boolean;
export interface FakeCell {
  value: Scalar | null | { error: string };
  /** With its "=". */
  formula?: string;
  numberFormat?: string;
}
/** A custom conditional format; its place in FakeSheet.conditionalFormats is its priority (0 first). */
export interface FakeConditionalFormat {
  formula?: string;
  ranges: string[];
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  /** Reading it throws, as some rules do in Excel (office-js issues #6827, #6835). */
  unreadable?: boolean;
}
export interface FakeValidation {
  rule?: Excel.DataValidationRule;
  prompt?: Excel.DataValidationPrompt;
  errorAlert?: Excel.DataValidationErrorAlert;
  ignoreBlanks?: boolean;
}
export interface FakeChart {
  name: string;
  type: string;
  /** The first series' values (the source range given to charts.add) and axis labels. */
  source: string;
  xValues?: string;
  title?: string;
  /** The first series' name, where set. */
  seriesName?: string;
  /** Series added with series.add(name), in order. */
  added?: FakeSeries[];
  legendVisible?: boolean;
}
/** A series added to a chart: not shown until its values are set (ChartSeriesCollection.add). */
export interface FakeSeries {
  name?: string;
  values?: string;
  xValues?: string;
}

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;

/** While a sync runs, what it changes: a cell entered or cleared, a sheet added or deleted (see context.ts). */
export interface ChangeRecorder {
  cell(sheet: FakeSheet, row: number, col: number): void;
  sheet(event: "onAdded" | "onDeleted", sheet: FakeSheet): void;
}
let recorder: ChangeRecorder | undefined;
export function recordChanges(r: ChangeRecorder | undefined): void {
  recorder = r;
}
export function recordSheetEvent(event: "onAdded" | "onDeleted", sheet: FakeSheet): void {
  recorder?.sheet(event, sheet);
}

let sheetIds = 0;

export class FakeSheet {
  /** Worksheet.id: stable for the sheet's life, as in Excel (a GUID there). */
  readonly id = `{fake-sheet-${++sheetIds}}`;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  protected = false;
  deleted = false;
  readonly cells = new Map<string, FakeCell>();
  merges: string[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  readonly validations = new Map<string, FakeValidation>();
  charts: FakeChart[] = [];
  frozenRows = 0;
  readonly columnWidths = new Map<number, number>();
  readonly styles = new Map<string, Record<string, unknown>>();

  constructor(public name: string) {}

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(`${row},${col}`);
  }

  /** `record` false: a format-only change, which fires no onChanged (onFormatChanged is not modelled). */
  put(row: number, col: number, cell: FakeCell | undefined, record = true): void {
    if (!cell || (cell.value === null && !cell.formula && !cell.numberFormat))
      this.cells.delete(`${row},${col}`);
    else this.cells.set(`${row},${col}`, cell);
    if (record) recorder?.cell(this, row, col);
  }

  /** Removes a cell's content and format (a clear). */
  remove(row: number, col: number): void {
    if (this.cells.delete(`${row},${col}`)) recorder?.cell(this, row, col);
  }

  /** Values only: cells with a value or a formula. */
  usedArea(): Area | undefined {
    let area: Area | undefined;
    for (const [key, c] of this.cells) {
      if (c.value === null && !c.formula) continue;
      const [row, col] = key.split(",").map(Number);
      area = area
        ? {
            top: Math.min(area.top, row),
            left: Math.min(area.left, col),
            bottom: Math.max(area.bottom, row),
            right: Math.max(area.right, col),
          }
        : { top: row, left: col, bottom: row, right: col };
    }
    return area;
  }

  /** What a person sees in each non-empty cell: the formula, or the value. */
  contents(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, c] of [...this.cells].sort()) {
      if (c.value === null && !c.formula) continue;
      const [row, col] = key.split(",").map(Number);
      out[a1(row, col)] = c.formula ?? JSON.stringify(c.value);
    }
    return out;
  }

  static fromGrid(grid: SheetGrid): FakeSheet {
    const sheet = new FakeSheet(grid.name);
    grid.values.forEach((line, r) =>
      line.forEach((v, c) => {
        const formula = grid.formulas?.[r]?.[c];
        if (v === null && !formula) return;
        sheet.put(r + 1, c + 1, {
          value: constantOf(v),
          ...(formula ? { formula: "=" + formula } : {}),
        });
      })
    );
    sheet.merges = [...(grid.merges ?? [])];
    sheet.protected = Boolean(grid.protected);
    return sheet;
  }
}

function constantOf(v: CellValue): FakeCell["value"] {
  if (v instanceof Date) return v.getTime() / 86_400_000 + 25569;
  return v as FakeCell["value"];
}

/** The worksheet-collection events the fake models; handlers are registered at the sync, as in Office.js. */
export type FakeEventName = "onChanged" | "onAdded" | "onDeleted";
export type FakeHandler = (args: unknown) => Promise<unknown>;

/** Excel.WorksheetChangedEventArgs as the fake gives it (triggerSource only where ExcelApi 1.14 is supported). */
export interface FakeChangedEvent {
  type: "WorksheetChanged";
  worksheetId: string;
  address: string;
  source: "Local" | "Remote";
  changeType: "RangeEdited";
  triggerSource?: "ThisLocalAddin" | "Unknown";
}

/** A workbook-scoped defined name as the fake keeps it (workbook.names, see names.ts): the formula with its "=". */
export interface FakeName {
  name: string;
  formula: string;
  visible: boolean;
  comment: string;
}

/** One Application.calculate or Worksheet.calculate call, as it ran. */
export type FakeCalculation =
  | { scope: "application"; type: string }
  | { scope: "worksheet"; sheet: string; markAllDirty: boolean };

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  /** Workbook-scoped names (workbook.names, a NamedItemCollection: see names.ts). */
  names: FakeName[] = [];
  /** Set by worksheet.activate() and range.select(). */
  activeSheet?: string;
  /** Set by range.select(): the sheet and the A1 address selected. */
  selection?: { sheet: string; address: string };
  readonly handlers: Record<FakeEventName, Set<FakeHandler>> = {
    onChanged: new Set(),
    onAdded: new Set(),
    onDeleted: new Set(),
  };
  /** Workbook structure protection (Workbook.protection.protected, ExcelApi 1.7). */
  structureProtected = false;
  /** Events of the add-in's syncs, not yet delivered to the handlers (deliverEvents). */
  pendingEvents: { event: FakeEventName; args: unknown }[] = [];
  /** Every calculation asked for, in order. */
  readonly calculations: FakeCalculation[] = [];
  private editing = false;
  private editEnded: (() => void)[] = [];
  /** APIs a test tells the fake this host lacks (refuse), with the error code each fails with. */
  private readonly refusedApis = new Map<string, string>();

  /**
   * Makes `api` ("charts.add", "conditionalFormats.add", "dataValidation.rule", "worksheet.activate") fail
   * at its sync, as a host without it does: "ApiNotFound — The API you are trying to use could not be found.
   * It may be available in a newer version of the Office application" (office-js-docs-pr,
   * docs/testing/application-specific-api-error-handling.md, error codes table).
   */
  refuse(api: string, code = "ApiNotFound"): void {
    this.refusedApis.set(api, code);
  }

  /** Throws at the sync when a test made `api` refused. */
  throwIfRefused(api: string): void {
    const code = this.refusedApis.get(api);
    if (code) throw new OfficeError(code, `${api} is not available in this host (test)`);
  }

  constructor(grids: SheetGrid[] = []) {
    this.sheets = grids.map(FakeSheet.fromGrid);
  }

  /**
   * The person is typing in a cell (Excel's Edit mode). A batch fails with InvalidOperationInCellEditMode
   * meanwhile, unless Excel.run was given { delayForCellEdit: true }: then it waits until edit mode ends
   * (Excel.RunOptions.delayForCellEdit; docs/excel/excel-add-ins-delay-in-cell-edit.md; the error code from
   * docs/testing/application-specific-api-error-handling.md).
   */
  startCellEdit(): void {
    this.editing = true;
  }

  endCellEdit(): void {
    this.editing = false;
    const waiting = this.editEnded;
    this.editEnded = [];
    waiting.forEach((resume) => resume());
  }

  get inCellEdit(): boolean {
    return this.editing;
  }

  /** Resolves when edit mode ends (at once if it is not on). */
  cellEditEnded(): Promise<void> {
    return this.editing
      ? new Promise((resolve) => this.editEnded.push(resolve))
      : Promise.resolve();
  }

  /** Delivers the events the add-in's syncs caused, as Excel does after the sync has returned. */
  async deliverEvents(): Promise<void> {
    const events = this.pendingEvents;
    this.pendingEvents = [];
    for (const e of events) await this.fire(e.event, e.args);
  }

  /**
   * A person types `input` into a cell (A1 address): the cell changes and onChanged fires with
   * triggerSource "Unknown" where ExcelApi 1.14 is supported.
   */
  async userEdits(sheet: string, address: string, input: unknown): Promise<void> {
    const s = this.sheet(sheet);
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    enterInput(s, Number(m[2]), col, input);
    await this.fire("onChanged", changedEvent(s, address, "Unknown"));
  }

  find(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /**
   * Names are compared without regard to case: "Names are not case sensitive" ("Names in formulas",
   * support.microsoft.com, Syntax rules for names).
   */
  findName(name: string): FakeName | undefined {
    return this.names.find((n) => n.name.toUpperCase() === name.toUpperCase());
  }

  /**
   * A person inserts `count` whole rows before row `at` of `sheet` (or deletes them, count < 0), as Range.insert
   * and Range.delete do: see rowShift.ts for what moves and what becomes #REF!.
   */
  insertRows(sheet: string, at: number, count: number): void {
    shiftRows(this, sheet, at, count);
  }

  /**
   * What a person's renaming a sheet does: Excel rewrites every reference to it, in cells and in names, so a
   * name pointing at the sheet still finds it ("Rename a worksheet", support.microsoft.com: references to the
   * sheet in formulas follow the new name).
   */
  renameSheet(from: string, to: string): void {
    const sheet = this.sheet(from);
    const ref = sheetReference(sheet.name);
    const renamed = sheetRef(to, "")
      .slice(0, -1)
      .replace(/^'([^' !,]+)'$/, "$1");
    for (const other of this.sheets)
      for (const [key, cell] of other.cells)
        if (cell.formula)
          other.cells.set(key, { ...cell, formula: cell.formula.replace(ref, `${renamed}!`) });
    for (const n of this.names) n.formula = n.formula.replace(ref, `${renamed}!`);
    sheet.name = to;
  }

  sheet(name: string): FakeSheet {
    const s = this.find(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** What Excel does after a change: calls every handler registered for `event` with `args`. */
  async fire(event: FakeEventName, args: unknown = {}): Promise<void> {
    await Promise.all([...this.handlers[event]].map((h) => h(args)));
  }

  /** Everything the tests compare between states. */
  /** Everything a run may change; `withStyles` adds each cell's formatting. */
  state(withStyles = false): unknown {
    return this.sheets.map((s) => ({
      ...(withStyles
        ? {
            // As Excel shows them: a property set to its default is no formatting.
            styles: [...s.styles]
              .map(([at, st]): [string, Record<string, unknown>] => [
                at,
                Object.fromEntries(Object.entries(st).filter(([k, v]) => STYLE_DEFAULTS[k] !== v)),
              ])
              .filter(([, st]) => Object.keys(st).length)
              .sort((x, y) => x[0].localeCompare(y[0])),
          }
        : {}),
      name: s.name,
      visibility: s.visibility,
      cells: s.contents(),
      conditionalFormats: s.conditionalFormats
        .map((c) => ({ formula: c.formula, ranges: c.ranges, fill: c.fill }))
        .sort((x, y) => String(x.formula).localeCompare(String(y.formula))),
      validatedCells: s.validations.size,
      charts: s.charts.map((c) => c.name),
    }));
  }
}

/** Where the host supports ExcelApi 1.14 (as the test installed it), the event says who made the change. */
export function changedEvent(
  sheet: FakeSheet,
  address: string,
  trigger: "ThisLocalAddin" | "Unknown"
): FakeChangedEvent {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const has114 = office?.context?.requirements?.isSetSupported?.("ExcelApi", "1.14") ?? false;
  return {
    type: "WorksheetChanged",
    worksheetId: sheet.id,
    address,
    source: "Local",
    changeType: "RangeEdited",
    ...(has114 ? { triggerSource: trigger } : {}),
  };
}

/** Office.js's defaults for a cell never formatted. */
export const STYLE_DEFAULTS: Record<string, unknown> = {
  bold: false,
  italic: false,
  fontColor: "#000000",
  fill: "#FFFFFF",
  wrap: false,
  align: "General",
};
