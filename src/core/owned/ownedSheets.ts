import { tokenize } from "../formula/tokenize";
import { NameWrite, SheetRole, WorkbookRead, WritePlan } from "../port";
import { sheetRef } from "../sheet/address";
import { sameDefinedName, sheetMarkerName } from "./names";
import { sameSheetName, sheetNameKey } from "./sheetNames";

/**
 * The sheets the tool owns are found by hidden workbook names, never by their names: a name "_cchc.sheet.<role>"
 * points at the sheet's A1, so Excel and LibreOffice keep it right through a rename, and a deleted sheet leaves
 * "#REF!" (the marker then marks nothing). A person's own "Tổng hợp" is never ours. See docs/writing-workbooks.md §1.
 */
export const OWNED_SHEET_DEFAULTS: Readonly<Record<SheetRole, string>> = {
  summary: "Tổng hợp",
  data: "cchc_du_lieu",
  undo: "cchc_hoan_tac",
};

const ROLES: readonly SheetRole[] = ["summary", "data", "undo"];

/** What a marker refers to: the sheet's A1, absolute. */
export function markerFormula(sheet: string): string {
  return sheetRef(sheet, "$A$1");
}

/**
 * The sheet a marker's (or any one-area name's) formula points at ("'Tổng hợp (2)'!$A$1" → "Tổng hợp (2)");
 * undefined for "#REF!", a reference into another workbook or across sheets, or anything that is not a single
 * reference.
 */
export function markedSheet(refersTo: string): string | undefined {
  const tokens = tokenize(refersTo.replace(/^\s*=/, "").trim());
  if (tokens.length !== 1 || tokens[0].kind !== "ref") return undefined;
  const text = tokens[0].text;
  if (/#REF!$/i.test(text)) return undefined;
  const bang = text.lastIndexOf("!");
  if (bang < 0) return undefined;
  const prefix = text.slice(0, bang);
  if (prefix.startsWith("'")) return prefix.slice(1, -1).replace(/''/g, "'");
  if (prefix.startsWith("[") || prefix.includes(":")) return undefined;
  return prefix;
}

/**
 * Which sheet holds which role. From the workbook's marker names where the adapter read them (a marker whose
 * sheet is gone marks nothing), else from the grids' own `role`; a sheet holds one role at most. Older
 * workbooks have no undo marker: their veryHidden "cchc_hoan_tac" (any case) is the undo sheet.
 */
export function ownedSheets(read: WorkbookRead): Map<SheetRole, string> {
  const out = new Map<SheetRole, string>();
  const claimed = new Set<string>();
  const claim = (role: SheetRole, sheet: string | undefined) => {
    if (sheet === undefined || out.has(role) || claimed.has(sheetNameKey(sheet))) return;
    out.set(role, sheet);
    claimed.add(sheetNameKey(sheet));
  };
  const existing = (name: string | undefined) =>
    name === undefined ? undefined : read.sheets.find((s) => sameSheetName(s.name, name))?.name;
  for (const role of ROLES) {
    if (read.names) {
      for (const n of read.names)
        if (n.sheet === undefined && sameDefinedName(n.name, sheetMarkerName(role)))
          claim(role, existing(markedSheet(n.refersTo)));
    } else {
      claim(role, read.sheets.find((s) => s.role === role)?.name);
    }
  }
  if (!out.has("undo"))
    claim(
      "undo",
      read.sheets.find(
        (s) => s.visibility === "veryHidden" && sameSheetName(s.name, OWNED_SHEET_DEFAULTS.undo)
      )?.name
    );
  return out;
}

/** Sets each grid's `role` from the workbook's markers (what the adapters call once they have read the names). */
export function assignSheetRoles<T extends WorkbookRead>(read: T): T {
  const roles = new Map([...ownedSheets(read)].map(([role, sheet]) => [sheet, role]));
  for (const grid of read.sheets) {
    const role = roles.get(grid.name);
    if (role) grid.role = role;
    else delete grid.role;
  }
  return read;
}

export function roleOf(read: WorkbookRead, sheet: string): SheetRole | undefined {
  for (const [role, name] of ownedSheets(read)) if (name === sheet) return role;
  return undefined;
}

/**
 * The name the sheet of a role has or gets: the existing sheet of that role keeps its own; otherwise the first
 * free name — the default unless some sheet already has it (compared as Excel does), then "Tổng hợp (2)",
 * "Tổng hợp (3)" … or "cchc_du_lieu_2" … Every candidate is a valid Excel sheet name (≤ 31 characters).
 */
export function ownedSheetName(
  read: WorkbookRead,
  role: SheetRole,
  alsoTaken: string[] = []
): string {
  const own = ownedSheets(read).get(role);
  if (own !== undefined) return own;
  const taken = new Set([...read.sheets.map((s) => s.name), ...alsoTaken].map(sheetNameKey));
  const base = OWNED_SHEET_DEFAULTS[role];
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : role === "summary" ? `${base} (${i})` : `${base}_${i}`;
    if (!taken.has(sheetNameKey(name))) return name;
  }
}

/** The marker names for the owned sheets a plan writes: a later run finds each sheet again by them. */
export function ownedSheetMarkers(plan: Pick<WritePlan, "sheets">): NameWrite[] {
  return plan.sheets
    .filter((s) => s.role !== undefined)
    .map((s) => ({ name: sheetMarkerName(s.role!), refersTo: markerFormula(s.name) }));
}

/** The undo sheet's marker: the adapters set it when they store a snapshot (the undo sheet is in no plan). */
export function undoSheetMarker(sheet: string): NameWrite {
  return { name: sheetMarkerName("undo"), refersTo: markerFormula(sheet) };
}
