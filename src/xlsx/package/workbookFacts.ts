import { tokenize } from "../../core/formula/tokenize";
import { DefinedName, SheetRole, WorkbookRead } from "../../core/port";
import { SNAPSHOT_SHEET } from "../../core/snapshot/snapshot";
import { SheetEntry, WorkbookPart } from "./workbookPart";
import { XlsxPackage } from "./zipPackage";

/**
 * What the reader needs from xl/workbook.xml that ExcelJS does not give faithfully: the defined names as
 * written (local ones with their sheet), which sheets the tool owns (the hidden `_cchc.sheet.<role>` markers,
 * each pointing at its sheet's A1), and whether the workbook's structure is protected.
 */
export interface WorkbookFacts {
  names: DefinedName[];
  /** Sheet name → the tool's role for it. */
  roles: Map<string, SheetRole>;
  structureProtected: boolean;
  /** The sheets in tab order, with their visibility. */
  sheets: { name: string; visibility: SheetEntry["state"] }[];
}

export const ROLE_MARKER = "_cchc.sheet.";
const ROLES: SheetRole[] = ["summary", "data", "undo"];

/** The sheet a formula like `'Tổng hợp'!$A$1` points at; undefined if it is not a single reference on a sheet. */
export function sheetOfReference(formula: string): string | undefined {
  const tokens = tokenize(formula.replace(/^=/, "").trim());
  if (tokens.length !== 1 || tokens[0].kind !== "ref") return undefined;
  const text = tokens[0].text;
  const bang = text.lastIndexOf("!");
  if (bang < 0 || text.slice(bang + 1) === "#REF!") return undefined;
  const sheet = text.slice(0, bang);
  if (sheet.startsWith("'")) return sheet.slice(1, -1).replace(/''/g, "'");
  if (/^\[\d+\]/.test(sheet) || sheet.includes(":")) return undefined; // another workbook, or 3-D
  return sheet;
}

export function workbookFacts(wb: WorkbookPart): WorkbookFacts {
  const sheets = wb.sheets();
  const byIndex = new Map(sheets.map((s) => [s.index, s.name]));
  const names: DefinedName[] = wb.names().map((n) => ({
    name: n.name,
    refersTo: n.refersTo,
    ...(n.localSheetId !== undefined && byIndex.has(n.localSheetId)
      ? { sheet: byIndex.get(n.localSheetId)! }
      : {}),
    ...(n.hidden ? { hidden: true } : {}),
  }));
  const roles = new Map<string, SheetRole>();
  for (const role of ROLES) {
    const marker = wb.globalName(ROLE_MARKER + role);
    const target = marker && sheetOfReference(marker.refersTo);
    const sheet = target && wb.sheet(target);
    if (sheet && !roles.has(sheet.name)) roles.set(sheet.name, role);
  }
  if (![...roles.values()].includes("undo")) {
    // Before markers, the undo sheet was known by its name and veryHidden state.
    const legacy = sheets.find((s) => s.name === SNAPSHOT_SHEET && s.state === "veryHidden");
    if (legacy && !roles.has(legacy.name)) roles.set(legacy.name, "undo");
  }
  return {
    names,
    roles,
    structureProtected: wb.structureProtected(),
    sheets: sheets.map((s) => ({ name: s.name, visibility: s.state })),
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
      const role = facts.roles.get(g.name);
      return {
        ...g,
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
  const name = [...workbookFacts(wb).roles].find(([, r]) => r === role)?.[0];
  return name === undefined ? undefined : wb.sheet(name);
}
