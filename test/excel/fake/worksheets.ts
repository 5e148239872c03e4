/**
 * The worksheet collection. Sheet names are found and compared as Excel does, without regard to case
 * (FakeWorkbook.find): getItem("tổng hợp") finds "Tổng hợp", and add("Tổng hợp") fails with
 * ItemAlreadyExists while "TỔNG HỢP" exists (ErrorCodes.itemAlreadyExists: "The resource being created
 * already exists"; Excel's own rename dialog: "That name is already taken", whatever the case).
 */
import { OfficeError } from "./errors";
import { FakeEventHandlers } from "./events";
import { Loadable } from "./loadable";
import { badSheetName } from "./sheetNames";
import { FakeSheet, recordSheetEvent } from "./model";
import { FakeWorksheet, refuseUnderStructureProtection } from "./worksheet";

export class FakeWorksheetCollection extends Loadable {
  readonly onChanged = new FakeEventHandlers(this.ctx, "onChanged");
  readonly onAdded = new FakeEventHandlers(this.ctx, "onAdded");
  readonly onDeleted = new FakeEventHandlers(this.ctx, "onDeleted");

  protected data(): Record<string, unknown> {
    return {
      items: this.ctx.book.sheets.map((s, i) => ({
        name: s.name,
        visibility: s.visibility,
        position: i,
        protection: { protected: s.protected },
      })),
    };
  }
  get items(): {
    name: string;
    visibility: string;
    position: number;
    protection: { protected: boolean };
  }[] {
    return this.read("items");
  }
  /** WorksheetCollection.getItem(key): "The name or ID of the worksheet" (excel.worksheetcollection.yml). */
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.book.find(name) ?? this.ctx.book.sheets.find((x) => x.id === name);
      if (!s) throw new OfficeError("ItemNotFound", `no worksheet ${name}`);
      return s;
    });
  }
  /**
   * WorksheetCollection.getActiveWorksheet (ExcelApi 1.1): "Gets the currently active worksheet in the
   * workbook". The fake's active sheet is the one last activated or selected on, else the first visible one.
   */
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const book = this.ctx.book;
      const active = book.activeSheet === undefined ? undefined : book.find(book.activeSheet);
      const sheet = active ?? book.sheets.find((s) => s.visibility === "Visible");
      if (!sheet) throw new OfficeError("ItemNotFound", "no active worksheet");
      return sheet;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.book.find(name) ?? null);
  }
  add(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      refuseUnderStructureProtection(this.ctx.book, `add worksheet ${name}`);
      if (this.ctx.book.find(name))
        throw new OfficeError("ItemAlreadyExists", `worksheet ${name} exists`);
      if (badSheetName(name)) throw new OfficeError("InvalidArgument", `bad sheet name ${name}`);
      const s = new FakeSheet(name);
      this.ctx.book.sheets.push(s);
      recordSheetEvent("onAdded", s);
      return s;
    });
  }
}
