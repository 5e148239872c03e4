import { copySheets, SheetCopy } from "./package/copySheets";
import { WorkbookEditor } from "./package/workbookEditor";

export type { SheetCopy } from "./package/copySheets";

/**
 * One workbook whose sheets are copied: its bytes and which sheets, under which names; `opened`: its package as
 * already opened to read it (readPackageBytes), so it is not parsed again; taken (set undefined) by the copy.
 */
export interface SheetSource {
  bytes: Uint8Array;
  opened?: WorkbookEditor;
  copies: SheetCopy[];
}

/**
 * The base workbook with `replaced` sheets removed and every source's sheets copied in at the end (see
 * copySheets: cells, formulas and styles), as new .xlsx bytes; the base's bytes are not changed. `step` is
 * called after each source, and may throw to stop (a cancel): nothing is returned then. `store`: the parts are
 * left uncompressed (an intermediate package, written again at once by the score run).
 */
export async function consolidatePackage(
  base: Uint8Array,
  replaced: string[],
  sources: SheetSource[],
  step: (done: number) => void | Promise<void> = () => undefined,
  options: { store?: boolean } = {}
): Promise<Uint8Array> {
  return (await consolidateInto(base, replaced, sources, step)).save(options);
}

/**
 * consolidatePackage, the package left open and unsaved, its copied sheets still parsed: for a write that
 * follows at once (the browser mode scores it), which then neither reads the package again nor parses them.
 */
export async function consolidateInto(
  base: Uint8Array,
  replaced: string[],
  sources: SheetSource[],
  step: (done: number) => void | Promise<void> = () => undefined
): Promise<WorkbookEditor> {
  const target = await WorkbookEditor.open(base);
  for (const name of replaced) {
    const entry = target.wb.sheet(name);
    if (entry) await target.removeSheet(entry);
  }
  for (const [i, source] of sources.entries()) {
    const from = source.opened ?? (await WorkbookEditor.open(source.bytes));
    source.opened = undefined; // let go once copied: a hundred parsed packages are not all kept to the end
    await copySheets(target, from, source.copies);
    await step(i + 1);
  }
  return target;
}
