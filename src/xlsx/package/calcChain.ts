import { ContentTypes } from "./contentTypes";
import { REL } from "./relationships";
import { WorkbookPart } from "./workbookPart";
import { attr, children, removeChildrenWhere, root, setAttr, type Element } from "../xml";
import { XlsxPackage } from "./zipPackage";

/**
 * The calculation chain (xl/calcChain.xml, ECMA-376 Part 1 §18.6): the order Excel last calculated formula cells
 * in. An entry for a cell that no longer holds that formula makes Excel report the file damaged, so the entries
 * of the cells a run changes are dropped, and the whole part (with its relationship and content type) when none
 * is left. Entries are `<c r="B5" i="3"/>`, `i` the sheet's sheetId, inherited from the entry before when absent.
 */

export interface ChangedCells {
  /** The package has a calculation chain to keep in step: without one, cells need not be noted. */
  tracked: boolean;
  /** sheetId → A1 addresses (upper case) of cells whose content changed. */
  cells: Map<number, Set<string>>;
  /** sheetIds of sheets emptied or removed. */
  sheets: Set<number>;
}

export function noChangedCells(tracked = true): ChangedCells {
  return { tracked, cells: new Map(), sheets: new Set() };
}

export function cellChanged(changed: ChangedCells, sheetId: number, address: string): void {
  if (!changed.tracked) return;
  let set = changed.cells.get(sheetId);
  if (!set) changed.cells.set(sheetId, (set = new Set()));
  set.add(address.toUpperCase());
}

export async function dropCalcChainEntries(
  pkg: XlsxPackage,
  wb: WorkbookPart,
  changed: ChangedCells
): Promise<void> {
  if (!changed.cells.size && !changed.sheets.size) return;
  const rel = wb.rels.ofType(REL.calcChain)[0];
  const path = rel?.part && pkg.entry(rel.part);
  const doc = path ? await pkg.xml(path) : undefined;
  if (!rel || !path || !doc) return;
  let sheet = 0;
  let previousKept: number | undefined;
  let edited = false;
  const dropped = new Set<Element>();
  for (const c of children(root(doc), "c")) {
    const i = attr(c, "i");
    if (i !== undefined && i !== "") sheet = Number(i);
    const address = (attr(c, "r") ?? "").toUpperCase();
    const drop = changed.sheets.has(sheet) || changed.cells.get(sheet)?.has(address);
    if (drop) {
      dropped.add(c);
      edited = true;
      continue;
    }
    // Dropping the entry that named the sheet would move this one to the sheet before it.
    if ((i === undefined || i === "") && sheet > 0 && previousKept !== sheet) {
      setAttr(c, "i", sheet);
      edited = true;
    }
    previousKept = sheet;
  }
  if (!edited) return;
  removeChildrenWhere(root(doc), (n) => dropped.has(n as Element));
  if (children(root(doc), "c").length === 0) {
    pkg.remove(path);
    wb.rels.removeById(pkg, rel.id);
    (await ContentTypes.of(pkg)).removeOverride(pkg, path);
  } else pkg.edited(path);
}
