import { sameDefinedName } from "../core/owned/names";
import { DefinedName, NameWrite } from "../core/port";
import { opBytes, WriteOp } from "./writeBatches";

/**
 * The tool's "_cchc." workbook names through NamedItemCollection: an existing name (known from the read) gets
 * its new formula (NamedItem.formula, ExcelApi 1.7), a new one is added (add, ExcelApi 1.4); every one hidden
 * (NamedItem.visible = false), as docs/writing-workbooks.md §1 asks.
 */
export function setNameOps(names: NameWrite[], existing: DefinedName[] | undefined): WriteOp[] {
  return names.map((n) => {
    const known = existing?.find((e) => e.sheet === undefined && sameDefinedName(e.name, n.name));
    return {
      bytes: opBytes(3, n),
      queue: (batch) => {
        const names = batch.context.workbook.names;
        const item = known ? names.getItem(known.name) : names.add(n.name, "=" + n.refersTo);
        if (known) item.formula = "=" + n.refersTo;
        item.visible = false;
      },
    };
  });
}

/**
 * Puts back the names a run set: to what each referred to before, or deleted where it did not exist. A name
 * whose previous sheet is gone is deleted rather than left pointing nowhere.
 */
export function restoreNameOps(
  names: { name: string; previous?: string }[],
  existing: DefinedName[] | undefined,
  sheetExists: (refersTo: string) => boolean
): WriteOp[] {
  return names.flatMap((n): WriteOp[] => {
    const known = existing?.find((e) => e.sheet === undefined && sameDefinedName(e.name, n.name));
    const keep = n.previous !== undefined && sheetExists(n.previous);
    if (!keep && !known) return [];
    return [
      {
        bytes: opBytes(3, n),
        queue: (batch) => {
          const names = batch.context.workbook.names;
          if (!keep) return names.getItem(known!.name).delete();
          const item = known ? names.getItem(known.name) : names.add(n.name, "=" + n.previous);
          if (known) item.formula = "=" + n.previous;
          item.visible = false;
        },
      },
    ];
  });
}
