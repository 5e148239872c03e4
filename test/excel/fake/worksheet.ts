import { parseAreaAddress, escapeRegExp } from "./address";
import { bytesOf } from "./bytes";
import { FakeChartCollection } from "./charts";
import type { FakeContext } from "./context";
import { OfficeError } from "./errors";
import { Loadable } from "./loadable";
import { FakeSheet, FakeWorkbook, MAX_COL, MAX_ROW, recordSheetEvent } from "./model";
import { FakeRange } from "./range";
import { FakeRangeAreas } from "./rangeAreas";
import { badSheetName } from "./sheetNames";

/**
 * Workbook structure protection: "Use workbook protection when your add-in needs to prevent users from
 * adding, deleting, moving, or renaming worksheets" (docs/excel/excel-add-ins-workbooks.md, Protect workbook
 * structure); Excel's "Protect a workbook" page adds hiding and unhiding sheets. The error code is not
 * documented; the fake gives AccessDenied ("You cannot perform the requested operation").
 */
export function refuseUnderStructureProtection(book: FakeWorkbook, what: string): void {
  if (book.structureProtected)
    throw new OfficeError("AccessDenied", `the workbook structure is protected: cannot ${what}`);
}

/** What the requirement sets a test installed (requirements.ts) say of ExcelApi `version`; none installed: none. */
function hostSupports(version: string): boolean {
  const requirements = (globalThis as { Office?: typeof Office }).Office?.context?.requirements;
  return typeof requirements?.isSetSupported === "function"
    ? requirements.isSetSupported("ExcelApi", version)
    : false;
}

export class FakeWorksheet extends Loadable {
  private target?: FakeSheet;
  readonly freezePanes: { freezeRows(n: number): void; unfreeze(): void };
  readonly charts: FakeChartCollection;

  constructor(ctx: FakeContext, resolve: () => FakeSheet | null) {
    super(ctx);
    ctx.enqueue(32, () => {
      const s = resolve();
      if (s) this.target = s;
      else this.isNull = true;
      return this.resolved();
    });
    // Worksheet.freezePanes and WorksheetFreezePanes.freezeRows/unfreeze are "[API set: ExcelApi 1.7]"
    // (office-js-docs-reference, excel.worksheet.yml and excel.worksheetfreezepanes.yml): a host without it
    // fails with ApiNotFound (docs/testing/application-specific-api-error-handling.md).
    const needs17 = () => {
      if (!hostSupports("1.7"))
        throw new OfficeError("ApiNotFound", "freezePanes needs ExcelApi 1.7");
    };
    this.freezePanes = {
      freezeRows: (n: number) =>
        this.op(n, (s) => {
          needs17();
          s.frozenRows = n;
        }),
      unfreeze: () =>
        this.op(null, (s) => {
          needs17();
          s.frozenRows = 0;
        }),
    };
    this.charts = new FakeChartCollection(ctx, () => this.sheet());
  }

  sheet(): FakeSheet {
    if (!this.target) throw new OfficeError("InvalidOperation", "worksheet not resolved");
    if (this.target.deleted)
      throw new OfficeError("ItemNotFound", `worksheet ${this.target.name} was deleted`);
    return this.target;
  }

  private op(payload: unknown, change: (s: FakeSheet) => void): void {
    this.ctx.enqueue(bytesOf(payload ?? null), () => change(this.sheet()));
  }

  protected data(): Record<string, unknown> {
    const s = this.sheet();
    return {
      id: s.id,
      name: s.name,
      visibility: s.visibility,
      position: this.ctx.book.sheets.indexOf(s),
      protection: { protected: s.protected },
    };
  }

  /** Worksheet.id (ExcelApi 1.1): what WorksheetChangedEventArgs.worksheetId names. */
  get id(): string {
    return this.read("id");
  }
  get name(): string {
    return this.read("name");
  }
  /**
   * Worksheet.name (ExcelApi 1.1) set: a rename, as a person's (FakeWorkbook.renameSheet: references follow),
   * refused for a name another sheet has without regard to case (ItemAlreadyExists), a name Excel does not allow
   * (InvalidArgument) and under workbook structure protection ("prevent users from … renaming worksheets",
   * excel-add-ins-workbooks.md, Protect workbook structure).
   */
  set name(to: string) {
    this.op(to, (s) => {
      refuseUnderStructureProtection(this.ctx.book, `rename ${s.name}`);
      const other = this.ctx.book.find(to);
      if (other && other !== s) throw new OfficeError("ItemAlreadyExists", `worksheet ${to} exists`);
      if (badSheetName(to)) throw new OfficeError("InvalidArgument", `bad sheet name ${to}`);
      this.ctx.book.renameSheet(s.name, to);
    });
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(v: string) {
    this.op(v, (s) => {
      refuseUnderStructureProtection(this.ctx.book, `set the visibility of ${s.name}`);
      s.visibility = v as FakeSheet["visibility"];
    });
  }
  get position(): number {
    return this.read("position");
  }
  set position(p: number) {
    this.op(p, (s) => {
      refuseUnderStructureProtection(this.ctx.book, `move ${s.name}`);
      const sheets = this.ctx.book.sheets;
      if (p < 0 || p >= sheets.length) throw new OfficeError("InvalidArgument", `position ${p}`);
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(p, 0, s);
    });
  }

  /**
   * Worksheet.activate: "Activate the worksheet in the Excel UI". A hidden sheet has no place in the UI; what
   * activate() does with one is not documented, so the fake takes the failing side (InvalidOperation), the
   * case the adapter must handle. Not a documented behaviour: the adapter must work either way.
   */
  activate(): void {
    this.op(null, (s) => {
      this.ctx.book.throwIfRefused("worksheet.activate");
      if (!refuseHidden(this.ctx, s, "activate")) this.ctx.book.activeSheet = s.name;
    });
  }

  /** Worksheet.calculate(markAllDirty), ExcelApi 1.6: "Calculates all cells on a worksheet" — that sheet only. */
  calculate(markAllDirty: boolean): void {
    this.op(markAllDirty, (s) =>
      this.ctx.book.calculations.push({ scope: "worksheet", sheet: s.name, markAllDirty })
    );
  }

  delete(): void {
    this.op(null, (s) => {
      refuseUnderStructureProtection(this.ctx.book, `delete ${s.name}`);
      if (s.visibility === "VeryHidden")
        throw new OfficeError("InvalidOperation", "a veryHidden worksheet cannot be deleted");
      if (s.protected) throw new OfficeError("AccessDenied", "protected");
      s.deleted = true;
      this.ctx.book.sheets.splice(this.ctx.book.sheets.indexOf(s), 1);
      recordSheetEvent("onDeleted", s);
      // As in Excel: a formula elsewhere that pointed at the deleted sheet now holds #REF!.
      const quoted = escapeRegExp(s.name.replace(/'/g, "''"));
      const ref = new RegExp(`(?:'${quoted}'|${escapeRegExp(s.name)})![$A-Z0-9:]+`, "g");
      for (const other of this.ctx.book.sheets)
        for (const [key, cell] of other.cells)
          if (cell.formula && ref.test(cell.formula)) {
            ref.lastIndex = 0;
            other.cells.set(key, {
              ...cell,
              formula: cell.formula.replace(ref, "#REF!"),
              value: { error: "#REF!" },
            });
          }
      // Names that pointed at the deleted sheet hold "=#REF!": Excel keeps the name, its reference broken
      // ("#REF! error", support.microsoft.com: a reference to a deleted sheet becomes #REF!).
      for (const n of this.ctx.book.names) {
        ref.lastIndex = 0;
        if (ref.test(n.formula)) n.formula = n.formula.replace(ref, "#REF!");
        ref.lastIndex = 0;
      }
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => ({
      sheet: this.sheet(),
      area: address
        ? parseAreaAddress(address)
        : { top: 1, left: 1, bottom: MAX_ROW, right: MAX_COL },
    }));
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, () => ({
      sheet: this.sheet(),
      area: { top: row + 1, left: col + 1, bottom: row + rows, right: col + cols },
    }));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== true) throw new Error("the fake only models getUsedRangeOrNullObject(true)");
    return new FakeRange(this.ctx, () => {
      const s = this.sheet();
      const area = s.usedArea();
      return area ? { sheet: s, area } : null;
    });
  }

  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => ({
      sheet: this.sheet(),
      areas: address.split(/[,;]/).map((a) => parseAreaAddress(a.trim())),
    }));
  }
}

/**
 * See activate(): selecting on, or activating, a hidden or veryHidden sheet fails in the fake, or, where a
 * test asks for the other undocumented possibility (FakeOptions.hiddenSheetNavigation "ignore"), does
 * nothing. True when the call is to be ignored.
 */
export function refuseHidden(ctx: FakeContext, sheet: FakeSheet, what: string): boolean {
  if (sheet.visibility === "Visible") return false;
  if (ctx.hiddenSheetNavigation === "ignore") return true;
  throw new OfficeError(
    "InvalidOperation",
    `cannot ${what} on the ${sheet.visibility} sheet ${sheet.name}`
  );
}
