import type { FakeContext } from "./context";
import { FakeWorksheetCollection } from "./worksheets";

export class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
  }
}
