/**
 * An in-memory stand-in for the part of the Excel JavaScript API that src/excel uses, as strict as
 * Microsoft's documentation says Excel is (each behaviour cites its page or issue where it is modelled, and
 * is tested in fakeExcel.test.ts). Like the real one it queues every call until context.sync(): methods and
 * setters run then, in order; loaded properties are readable only after the sync that loaded them (reading
 * earlier throws, as Office.js does). It counts syncs and the request/response bytes of each, and can refuse
 * payloads over a limit as Excel on the web does (5 MB).
 *
 * The workbook (FakeWorkbook) also models: conditional-format ids that are priorities; reads limited to
 * 5,000,000 cells; rules Excel cannot read; cell edit mode (with FakeExcelHost, Excel.run and its
 * delayForCellEdit); workbook structure protection; hidden sheets that cannot be shown; worksheet events
 * fired after the add-in's own syncs (deliverEvents) and a person's edits (userEdits), with triggerSource
 * where ExcelApi 1.14 is supported; which calculations were asked for; and workbook-scoped names
 * (workbook.names: found without case, kept through a sheet's rename, #REF! once their sheet is deleted).
 *
 * The classes live in ./fake, one file per part of the API; this module is what tests import.
 */
export type {
  FakeCalculation,
  FakeCell,
  FakeChangedEvent,
  FakeChart,
  FakeConditionalFormat,
  FakeEventName,
  FakeName,
  FakeValidation,
  Scalar,
} from "./fake/model";
export { FakeSheet, FakeWorkbook } from "./fake/model";
export { OfficeError, PropertyNotLoadedError } from "./fake/errors";
export type { FakeOptions } from "./fake/context";
export { FakeContext } from "./fake/context";
export { FakeExcelHost, runIn } from "./fake/run";
export { installRequirementSets, useRequirementSets } from "./fake/requirements";
export { enterInput } from "./fake/enterInput";
export { columnLetter } from "../../src/core/sheet/address";
