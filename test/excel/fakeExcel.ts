/**
 * An in-memory stand-in for the part of the Excel JavaScript API that src/excel uses. Like the real one it
 * queues every call until context.sync(): methods and setters run then, in order; loaded properties are
 * readable only after the sync that loaded them (reading earlier throws, as Office.js does). It counts syncs
 * and the request/response bytes of each, and can refuse payloads over a limit as Excel on the web does (5 MB).
 * Worksheet activate() and range select() record the active sheet and the selection; the worksheet
 * collection's onChanged/onAdded/onDeleted handlers are registered (and removed) at a sync, and a test fires
 * them with FakeWorkbook.fire().
 *
 * The classes live in ./fake, one file per part of the API; this module is what tests import.
 */
export type {
  FakeCell,
  FakeChart,
  FakeConditionalFormat,
  FakeEventName,
  FakeValidation,
  Scalar,
} from "./fake/model";
export { FakeSheet, FakeWorkbook } from "./fake/model";
export { OfficeError, PropertyNotLoadedError } from "./fake/errors";
export type { FakeOptions } from "./fake/context";
export { FakeContext } from "./fake/context";
export { installRequirementSets } from "./fake/requirements";
export { enterInput } from "./fake/enterInput";
export { columnLetter } from "../../src/core/sheet/address";
export { FakeExcelHost } from "./fake/run";
