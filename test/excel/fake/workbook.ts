import type { FakeContext } from "./context";
import { FakeClientResult, insertWorksheetsFromBase64 } from "./insertWorksheets";
import { Loadable } from "./loadable";
import { FakeNamedItemCollection } from "./names";
import { FakeWorksheetCollection } from "./worksheets";

/** Workbook.protection (ExcelApi 1.7): `protected` says whether the workbook structure is protected. */
class FakeWorkbookProtection extends Loadable {
  protected data(): Record<string, unknown> {
    return { protected: this.ctx.book.structureProtected };
  }

  get protected(): boolean {
    return this.read("protected");
  }
}

export class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly protection: FakeWorkbookProtection;
  readonly names: FakeNamedItemCollection;

  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.protection = new FakeWorkbookProtection(ctx);
  }

  /** Workbook.insertWorksheetsFromBase64 (ExcelApi 1.13): see insertWorksheets.ts. */
  insertWorksheetsFromBase64(
    base64File: string,
    options?: Excel.InsertWorksheetOptions
  ): FakeClientResult<string[]> {
    return insertWorksheetsFromBase64(this.ctx, base64File, options);
  }

  /** Only the workbook's protection is loadable through the workbook in the fake: "protection/protected". */
  load(spec: string): this {
    const rest = spec
      .split(",")
      .map((p) => p.trim())
      .map((p) => {
        const m = /^protection\/(.+)$/.exec(p);
        if (!m) throw new Error(`the fake loads only protection/* on the workbook, not ${p}`);
        return m[1];
      });
    this.protection.load(rest);
    return this;
  }
}
