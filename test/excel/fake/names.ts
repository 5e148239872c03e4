/**
 * workbook.names: NamedItemCollection and NamedItem as the Office.js reference documents them
 * (docs-ref-autogen/excel/excel/excel.nameditemcollection.yml, excel.nameditem.yml), over the workbook-scoped
 * names FakeWorkbook keeps. Sheet-scoped names are not modelled.
 */
import { addressOf } from "./address";
import { bytesOf } from "./bytes";
import type { FakeContext } from "./context";
import { OfficeError } from "./errors";
import { Loadable } from "./loadable";
import { FakeName } from "./model";
import type { FakeRange } from "./range";

/**
 * Excel's name syntax ("Names in formulas", support.microsoft.com: "Syntax rules for names"): a letter, "_" or
 * "\\" first, then letters, digits, "." and "_"; no spaces; at most 255 characters; never something that reads as
 * a cell reference (A1, R1C1; "C", "c", "R", "r" alone are reserved).
 */
export function isValidName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 255 &&
    /^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[Rr]\d*[Cc]?\d*$/.test(name) &&
    !/^[Cc]\d*$/.test(name)
  );
}

function namedItemData(n: FakeName) {
  return {
    name: n.name,
    formula: n.formula,
    visible: n.visible,
    comment: n.comment,
    // NamedItem.type (excel.nameditemtype.yml): "Range" for a reference, "Error" for #REF! (a deleted
    // sheet), else the value's type; the fake tells only these three apart.
    type: /^=#REF!$/i.test(n.formula)
      ? "Error"
      : /^=('([^']|'')+'|[^!]+)!\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/.test(n.formula)
        ? "Range"
        : "String",
  };
}

/**
 * workbook.names: items, add(name, reference, comment) (ExcelApi 1.4), getItem (1.1) and getItemOrNullObject
 * (1.4). Names are found without regard to case (FakeWorkbook.findName).
 */
export class FakeNamedItemCollection extends Loadable {
  protected data(): Record<string, unknown> {
    return { items: this.ctx.book.names.map(namedItemData) };
  }

  get items(): ReturnType<typeof namedItemData>[] {
    return this.read("items");
  }

  /**
   * "Adds a new name to the collection of the given scope"; `reference` is "the formula or the range that the
   * name will refer to". A name that exists (in any case) is refused, as Excel refuses a duplicate name
   * (ErrorCodes.itemAlreadyExists); so is one that breaks the name syntax. A formula string must begin with
   * "=" (NamedItem.formula: "Formulas always start with an equal sign").
   */
  add(name: string, reference: string | FakeRange, comment = ""): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => {
      if (!isValidName(name)) throw new OfficeError("InvalidArgument", `bad name ${name}`);
      if (this.ctx.book.findName(name))
        throw new OfficeError("ItemAlreadyExists", `name ${name} exists`);
      let formula: string;
      if (typeof reference === "string") {
        if (!reference.startsWith("="))
          throw new OfficeError("InvalidArgument", `name formula without "=": ${reference}`);
        formula = reference;
      } else {
        const { sheet, area } = reference.at();
        formula = "=" + addressOf(sheet, area).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
      }
      const item: FakeName = { name, formula, visible: true, comment };
      this.ctx.book.names.push(item);
      return item;
    });
  }

  /** Throws ItemNotFound at the sync where the name does not exist. */
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => {
      const n = this.ctx.book.findName(name);
      if (!n) throw new OfficeError("ItemNotFound", `no name ${name}`);
      return n;
    });
  }

  /** A null object (isNullObject true after the sync) where the name does not exist. */
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => this.ctx.book.findName(name) ?? null);
  }
}

/** NamedItem: formula (settable, ExcelApi 1.7) and visible are settable; delete() (ExcelApi 1.4). */
export class FakeNamedItem extends Loadable {
  private target?: FakeName;

  constructor(ctx: FakeContext, resolve: () => FakeName | null) {
    super(ctx);
    ctx.enqueue(32, () => {
      const t = resolve();
      if (t) this.target = t;
      else this.isNull = true;
      return this.resolved();
    });
  }

  private item(): FakeName {
    if (!this.target)
      throw new OfficeError("InvalidOperation", "named item not resolved (null object?)");
    if (!this.ctx.book.names.includes(this.target))
      throw new OfficeError("ItemNotFound", `name ${this.target.name} was deleted`);
    return this.target;
  }

  protected data(): Record<string, unknown> {
    return namedItemData(this.item());
  }

  get name(): string {
    return this.read("name");
  }
  get formula(): string {
    return this.read("formula");
  }
  /** "Formulas always start with an equal sign": one without is refused. */
  set formula(f: string) {
    this.ctx.enqueue(bytesOf(f), () => {
      if (typeof f !== "string" || !f.startsWith("="))
        throw new OfficeError("InvalidArgument", `name formula without "=": ${f}`);
      this.item().formula = f;
    });
  }
  get visible(): boolean {
    return this.read("visible");
  }
  set visible(v: boolean) {
    this.ctx.enqueue(8, () => {
      this.item().visible = v;
    });
  }
  get type(): string {
    return this.read("type");
  }

  delete(): void {
    this.ctx.enqueue(8, () => {
      const names = this.ctx.book.names;
      names.splice(names.indexOf(this.item()), 1);
    });
  }
}
