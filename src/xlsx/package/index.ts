/** The .xlsx package writer: what the adapter's wiring uses. */
export { patchPackage } from "./patchPackage";
export { revertPackage, revertInPackage } from "./revertPackage";
export type { PackageRevertOptions, PackageRevertResult } from "./revertPackage";
export { snapshotOfPackage } from "./snapshotOfPackage";
export { applyPlanToPackage } from "./applyPlan";
export { storeSnapshot, storedSnapshot } from "./undoSheet";
export { readWorkbookFacts, withWorkbookFacts, workbookFacts } from "./workbookFacts";
export type { WorkbookFacts } from "./workbookFacts";
export { WorkbookEditor } from "./workbookEditor";
