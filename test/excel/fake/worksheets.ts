import { OfficeError } from "./errors";
import { FakeEventHandlers } from "./events";
import { Loadable } from "./loadable";
import { FakeSheet } from "./model";
import { FakeWorksheet } from "./worksheet";

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
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.book.find(name);
      if (!s) throw new OfficeError("ItemNotFound", `no worksheet ${name}`);
      return s;
    });
  }
  add(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      if (this.ctx.book.find(name))
        throw new OfficeError("ItemAlreadyExists", `worksheet ${name} exists`);
      if (/[[\]:*?/\\]/.test(name) || name.length > 31)
        throw new OfficeError("InvalidArgument", `bad sheet name ${name}`);
      const s = new FakeSheet(name);
      this.ctx.book.sheets.push(s);
      return s;
    });
  }
}
