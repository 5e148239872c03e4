import { addressOf, areaText, intersects, parseAreaAddress } from "./address";
import { bytesOf } from "./bytes";
import { FakeConditionalFormatCollection } from "./conditionalFormats";
import type { FakeContext } from "./context";
import { FakeDataValidation } from "./dataValidation";
import { enterInput } from "./enterInput";
import { OfficeError } from "./errors";
import { FakeRangeFormat } from "./format";
import { Loadable } from "./loadable";
import { Area, FakeCell, FakeSheet, MAX_COL } from "./model";
import { shiftRows } from "./rowShift";
import { FakeRangeAreas } from "./rangeAreas";
import { refuseHidden } from "./worksheet";

export const READ_CELLS_MAX = 5_000_000;

export interface RangeTarget {
  sheet: FakeSheet;
  area: Area;
}

export class FakeRange extends Loadable {
  private target?: RangeTarget;
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormatCollection;
  readonly dataValidation: FakeDataValidation;

  constructor(ctx: FakeContext, resolve: () => RangeTarget | null) {
    super(ctx);
    ctx.enqueue(32, () => {
      const t = resolve();
      if (t) this.target = t;
      else this.isNull = true;
      return this.resolved();
    });
    this.format = new FakeRangeFormat(ctx, () => this.at());
    this.conditionalFormats = new FakeConditionalFormatCollection(ctx, () => ({
      sheet: this.at().sheet,
      areas: [this.at().area],
    }));
    this.dataValidation = new FakeDataValidation(ctx, () => ({
      sheet: this.at().sheet,
      areas: [this.at().area],
    }));
  }

  at(): RangeTarget {
    if (!this.target)
      throw new OfficeError(
        this.isNull ? "InvalidOperation" : "InvalidOperation",
        "range not resolved (null object?)"
      );
    if (this.target.sheet.deleted)
      throw new OfficeError("ItemNotFound", "the range's worksheet was deleted");
    return this.target;
  }

  /**
   * Cell data of the range. "A range is limited to 5,000,000 cells for read operations. When a read exceeds
   * this limit, the API will either return null or throw an error" (concepts/resource-limits-and-performance-
   * optimization.md, Excel add-ins); the error is RangeExceedsLimit, "The cell count in the range has
   * exceeded the maximum supported number" (testing/application-specific-api-error-handling.md). Which of
   * the two a host does is the FakeOptions.overLimitRead of the context.
   */
  private grid<T>(cell: (c: FakeCell | undefined) => T): T[][] | null {
    const { sheet, area } = this.at();
    if ((area.bottom - area.top + 1) * (area.right - area.left + 1) > READ_CELLS_MAX) {
      if (this.ctx.overLimitRead === "null") return null;
      throw new OfficeError("RangeExceedsLimit", "too many cells");
    }
    const rows = area.bottom - area.top + 1;
    const cols = area.right - area.left + 1;
    // Empty cells first, then the cells the sheet holds: a large sparse range costs its size, not a lookup per cell.
    const empty = cell(undefined);
    const out: T[][] = Array.from({ length: rows }, () => new Array<T>(cols).fill(empty));
    const visit = (r: number, c: number, held: FakeCell) => {
      if (r >= area.top && r <= area.bottom && c >= area.left && c <= area.right)
        out[r - area.top][c - area.left] = cell(held);
    };
    if (sheet.cells.size < rows * cols)
      for (const [key, held] of sheet.cells) {
        const comma = key.indexOf(",");
        visit(Number(key.slice(0, comma)), Number(key.slice(comma + 1)), held);
      }
    else
      for (let r = area.top; r <= area.bottom; r++)
        for (let c = area.left; c <= area.right; c++) {
          const held = sheet.cell(r, c);
          if (held) visit(r, c, held);
        }
    return out;
  }

  protected data(): Record<string, unknown> {
    const { sheet, area } = this.at();
    const data: Record<string, unknown> = {
      address: addressOf(sheet, area),
      rowIndex: area.top - 1,
      columnIndex: area.left - 1,
      rowCount: area.bottom - area.top + 1,
      columnCount: area.right - area.left + 1,
    };
    const lazy = {
      values: () =>
        this.grid((c) =>
          !c || c.value === null ? "" : typeof c.value === "object" ? c.value.error : c.value
        ),
      // A text constant is returned as its text: "=1+2" typed as '=1+2 comes back as "=1+2" (the worst case).
      formulas: () =>
        this.grid(
          (c) =>
            c?.formula ??
            (!c || c.value === null ? "" : typeof c.value === "object" ? c.value.error : c.value)
        ),
      numberFormat: () => this.grid((c) => c?.numberFormat ?? "General"),
      valueTypes: () =>
        this.grid((c) => {
          const v = c?.value;
          if (v === null || v === undefined) return "Empty";
          if (typeof v === "object") return "Error";
          return typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String";
        }),
    };
    return new Proxy(data, {
      has: (t, k) => k in t || k in lazy,
      get: (t, k) =>
        typeof k === "string" && k in lazy ? lazy[k as keyof typeof lazy]() : t[k as string],
    });
  }

  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(v: unknown[][]) {
    this.write(v);
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(v: unknown[][]) {
    this.write(v);
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.each(v, (sheet, row, col, f) => {
      if (f === null || f === undefined) return;
      const cell = sheet.cell(row, col) ?? { value: null };
      sheet.put(row, col, { ...cell, numberFormat: String(f) }, false);
    });
  }

  private write(v: unknown[][]): void {
    this.each(v, (sheet, row, col, input) => enterInput(sheet, row, col, input));
  }

  private each(
    v: unknown[][],
    change: (sheet: FakeSheet, row: number, col: number, x: unknown) => void
  ): void {
    this.ctx.enqueue(bytesOf(v), () => {
      const { sheet, area } = this.at();
      if (sheet.protected)
        throw new OfficeError("AccessDenied", `worksheet ${sheet.name} is protected`);
      const rows = area.bottom - area.top + 1;
      const cols = area.right - area.left + 1;
      if (v.length !== rows || v.some((line) => line.length !== cols))
        throw new OfficeError(
          "InvalidArgument",
          `a ${rows}×${cols} range was given other dimensions`
        );
      v.forEach((line, i) => line.forEach((x, j) => change(sheet, area.top + i, area.left + j, x)));
    });
  }

  /** Contents and formats of the area go (applyTo "All", the default). */
  clear(applyTo = "All"): void {
    if (applyTo !== "All") throw new Error("the fake models clear('All') only");
    this.ctx.enqueue(8, () => {
      const { sheet, area } = this.at();
      if (sheet.protected)
        throw new OfficeError("AccessDenied", `worksheet ${sheet.name} is protected`);
      const inside = (key: string) => {
        const [r, c] = key.split(",").map(Number);
        return r >= area.top && r <= area.bottom && c >= area.left && c <= area.right;
      };
      for (const key of [...sheet.cells.keys()])
        if (inside(key)) {
          const [r, c] = key.split(",").map(Number);
          sheet.remove(r, c);
        }
      for (const key of [...sheet.styles.keys()]) if (inside(key)) sheet.styles.delete(key);
    });
  }

  /**
   * Range.insert(shift) (ExcelApi 1.1): "Inserts a cell or a range of cells into the worksheet in place of this
   * range, and shifts the other cells to make space. Returns a new Range object at the now blank space." The fake
   * models whole rows shifted down (getRange("5:6").insert("Down")); see rowShift.ts for what moves.
   */
  insert(shift: string): FakeRange {
    this.ctx.enqueue(8, () => {
      const { sheet, area } = this.wholeRows(shift, "Down");
      shiftRows(this.ctx.book, sheet.name, area.top, area.bottom - area.top + 1);
    });
    return new FakeRange(this.ctx, () => this.at());
  }

  /** Range.delete(shift) (ExcelApi 1.1): "Deletes the cells associated with the range"; whole rows, shifted up. */
  delete(shift: string): void {
    this.ctx.enqueue(8, () => {
      const { sheet, area } = this.wholeRows(shift, "Up");
      shiftRows(this.ctx.book, sheet.name, area.top, -(area.bottom - area.top + 1));
    });
  }

  private wholeRows(shift: string, expected: string): RangeTarget {
    const t = this.at();
    if (shift !== expected || t.area.left !== 1 || t.area.right !== MAX_COL)
      throw new Error(`the fake models whole rows shifted ${expected} only`);
    return t;
  }

  unmerge(): void {
    this.ctx.enqueue(8, () => {
      const { sheet, area } = this.at();
      sheet.merges = sheet.merges.filter((m) => !intersects(parseAreaAddress(m), area));
    });
  }

  /** Selects the range, on its sheet made active. */
  select(): void {
    this.ctx.enqueue(8, () => {
      const { sheet, area } = this.at();
      if (refuseHidden(this.ctx, sheet, "select a range")) return;
      this.ctx.book.activeSheet = sheet.name;
      this.ctx.book.selection = { sheet: sheet.name, address: areaText(area) };
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => {
      const { sheet, area } = this.at();
      const areas = sheet.merges
        .map(parseAreaAddress)
        .filter(
          (m) =>
            m.top >= area.top && m.top <= area.bottom && m.left >= area.left && m.left <= area.right
        );
      if (areas.length > 512)
        throw new OfficeError("GeneralException", "more than 512 merged areas");
      return areas.length ? { sheet, areas } : null;
    });
  }
}
