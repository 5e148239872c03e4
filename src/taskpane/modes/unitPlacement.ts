/**
 * Where each unit sheet of the picked workbooks goes when they are consolidated into one (either mode): a unit
 * already in the workbook (same unit name, compared as labels are, or the same sheet name) is replaced in its
 * sheet, after the person agrees; a new unit takes its own sheet name, or the first free "Name (2)", "Name (3)" …
 * Of two picked files with the same unit, the later one is used. Pure: no Office.js, no ExcelJS.
 */
import { sheetNameKey } from "../../core/owned/sheetNames";
import { foldText } from "../../core/text/normalize";

export interface PlacedUnit {
  sheet: string;
  name: string;
}

export interface IncomingUnit extends PlacedUnit {
  file: string;
}

export interface Placement {
  /** The picked file and its sheet. */
  file: string;
  from: string;
  /** The sheet's name in the consolidated workbook. */
  to: string;
  /** The unit's name. */
  name: string;
  /** The workbook's sheet this one replaces (removed first), where the unit was there already. */
  replaces?: string;
}

export interface UnitPlacement {
  placements: Placement[];
  /** Units of picked files left out because a later picked file has the same unit. */
  superseded: IncomingUnit[];
}

const MAX_SHEET_NAME = 31;

export function placeUnits(
  sheetNames: string[],
  existing: PlacedUnit[],
  incoming: IncomingUnit[]
): UnitPlacement {
  const unitKey = (u: PlacedUnit) => foldText(u.name) || sheetNameKey(u.sheet);
  const byName = new Map(existing.map((u) => [unitKey(u), u]));
  const bySheet = new Map(existing.map((u) => [sheetNameKey(u.sheet), u]));
  // The later of two picked files with one unit wins.
  const last = new Map<string, IncomingUnit>();
  for (const u of incoming) last.set(unitKey(u), u);
  const superseded = incoming.filter((u) => last.get(unitKey(u)) !== u);
  const taken = new Set(sheetNames.map(sheetNameKey));
  const placements: Placement[] = [];
  for (const u of incoming) {
    if (last.get(unitKey(u)) !== u) continue;
    const there = byName.get(unitKey(u)) ?? bySheet.get(sheetNameKey(u.sheet));
    if (there) {
      placements.push({
        file: u.file,
        from: u.sheet,
        to: there.sheet,
        name: u.name,
        replaces: there.sheet,
      });
      continue;
    }
    const to = freeSheetName(u.sheet, taken);
    taken.add(sheetNameKey(to));
    placements.push({ file: u.file, from: u.sheet, to, name: u.name });
  }
  return { placements, superseded };
}

/** `name`, or "name (2)", "name (3)" … shortened to Excel's 31 characters, not among `taken` (keys). */
export function freeSheetName(name: string, taken: Set<string>): string {
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? "" : ` (${i})`;
    const candidate =
      i === 1 ? name : name.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    if (!taken.has(sheetNameKey(candidate))) return candidate;
  }
}
