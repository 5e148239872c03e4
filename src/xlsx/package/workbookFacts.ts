import { markedSheet, ownedSheets } from "../../core/owned/ownedSheets";
import { DefinedName, SheetRole, WorkbookRead } from "../../core/port";
import { SheetEntry, WorkbookPart } from "./workbookPart";
import { XlsxPackage } from "./zipPackage";

/**
 * What the writer needs to know of xl/workbook.xml as the package holds it: the defined names as written (local
 * ones with their sheet), which sheets the tool owns (core/owned, from the hidden `_cchc.sheet.<role>` markers),
 * and whether the workbook's structure is protected.
 */
export interface WorkbookFacts {
  names: DefinedName[];
  /** Sheet name → the tool's role for it. */
  roles: Map<string, SheetRole>;
  structureProtected: boolean;
  /** The sheets in tab order, with their visibility. */
  sheets: { name: string; visibility: SheetEntry["state"] }[];
}

/** The sheet a formula like `'Tổng hợp'!$A$1` points at; undefined if it is not a single reference on a sheet. */
export const sheetOfReference = markedSheet;

/** The package's sheets and names as core reads a workbook (no cells). */
function listed(wb: WorkbookPart): WorkbookRead {
  const sheets = wb.sheets();
  const byIndex = new Map(sheets.map((s) => [s.index, s.name]));
  return {
    sheets: sheets.map((s) => ({ name: s.name, values: [], visibility: s.state })),
    names: wb.names().map((n) => ({
      name: n.name,
      refersTo: n.refersTo,
      ...(n.localSheetId !== undefined && byIndex.has(n.localSheetId)
        ? { sheet: byIndex.get(n.localSheetId)! }
        : {}),
      ...(n.hidden ? { hidden: true } : {}),
    })),
    structureProtected: wb.structureProtected(),
  };
}

export function workbookFacts(wb: WorkbookPart): WorkbookFacts {
  const read = listed(wb);
  return {
    names: read.names!,
    roles: new Map([...ownedSheets(read)].map(([role, sheet]) => [sheet, role])),
    structureProtected: read.structureProtected!,
    sheets: read.sheets.map((s) => ({ name: s.name, visibility: s.visibility! })),
  };
}

/**
 * A read with the workbook's own facts put in: its names, whether its structure is protected, and each sheet's
 * role and visibility as workbook.xml says them.
 */
export function withWorkbookFacts(read: WorkbookRead, facts: WorkbookFacts): WorkbookRead {
  const visibility = new Map(facts.sheets.map((s) => [s.name, s.visibility]));
  return {
    ...read,
    names: facts.names,
    structureProtected: facts.structureProtected,
    sheets: read.sheets.map((g) => {
      const { role: _, ...rest } = g; // eslint-disable-line @typescript-eslint/no-unused-vars
      const role = facts.roles.get(g.name);
      return {
        ...rest,
        visibility: visibility.get(g.name) ?? g.visibility,
        ...(role ? { role } : {}),
      };
    }),
  };
}

/** The facts of an .xlsx held in memory. */
export async function readWorkbookFacts(bytes: Uint8Array): Promise<WorkbookFacts> {
  return workbookFacts(await WorkbookPart.open(await XlsxPackage.open(bytes)));
}

/** The sheet that has `role`, if any. */
export function sheetWithRole(wb: WorkbookPart, role: SheetRole): SheetEntry | undefined {
  const name = ownedSheets(listed(wb)).get(role);
  return name === undefined ? undefined : wb.sheet(name);
}
