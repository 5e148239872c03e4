/**
 * The workbook the fake holds: sheets with their cells, styles, merges, conditional formats, validations and
 * charts, and the worksheet-collection event handlers. Tests arrange and inspect it directly.
 */
import { CellValue, SheetGrid } from "../../../src/core/port";
import { a1 } from "../../../src/core/sheet/address";

export type Scalar = string | number | boolean;
export interface FakeCell {
  value: Scalar | null | { error: string };
  /** With its "=". */
  formula?: string;
  numberFormat?: string;
}
export interface FakeConditionalFormat {
  id: string;
  formula?: string;
  ranges: string[];
  fill?: string;
  fontColor?: string;
  bold?: boolean;
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
  source: string;
  xValues?: string;
  title?: string;
}

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;

export class FakeSheet {
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

  put(row: number, col: number, cell: FakeCell | undefined): void {
    if (!cell || (cell.value === null && !cell.formula && !cell.numberFormat))
      this.cells.delete(`${row},${col}`);
    else this.cells.set(`${row},${col}`, cell);
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

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  /** Set by worksheet.activate() and range.select(). */
  activeSheet?: string;
  /** Set by range.select(): the sheet and the A1 address selected. */
  selection?: { sheet: string; address: string };
  readonly handlers: Record<FakeEventName, Set<FakeHandler>> = {
    onChanged: new Set(),
    onAdded: new Set(),
    onDeleted: new Set(),
  };
  private nextId = 1;

  constructor(grids: SheetGrid[] = []) {
    this.sheets = grids.map(FakeSheet.fromGrid);
  }

  find(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheet(name: string): FakeSheet {
    const s = this.find(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  newId(): string {
    return `{cf-${this.nextId++}}`;
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

/** Office.js's defaults for a cell never formatted. */
export const STYLE_DEFAULTS: Record<string, unknown> = {
  bold: false,
  italic: false,
  fontColor: "#000000",
  fill: "#FFFFFF",
  wrap: false,
  align: "General",
};
