import { CellBlock } from "../core/plan/cellBlocks";
import { CellWrite } from "../core/port";
import {
  decodeSnapshot as decodeCore,
  SavedConditionalFormat,
  SavedStyle,
  SavedValidation,
  savedCells,
  savedSheet,
  Snapshot,
  SNAPSHOT_FORMAT,
} from "../core/snapshot/snapshot";
import { ExcelSheetGrid, ExcelWorkbookRead } from "./excelRead";

export interface SnapshotInput {
  read: ExcelWorkbookRead;
  blocks: CellBlock<CellWrite>[];
  addedSheets: string[];
  replacedSheets: ExcelSheetGrid[];
  addedFormats: { sheet: string; formula: string }[];
  deletedFormats: SavedConditionalFormat[];
  validations: { sheet: string; ranges: string[]; previous?: SavedValidation }[];
  styles?: SavedStyle[];
  /** What the run writes, the sheets it writes to and the names it sets (core/snapshot/runRecord). */
  record?: Pick<Snapshot, "written" | "sheetMarkers" | "names">;
}

/** Built from the read the plan was made from (checked unchanged just before): no extra round trip. */
export function buildSnapshot(input: SnapshotInput, now: Date = new Date()): Snapshot {
  const grids = new Map(input.read.sheets.map((g) => [g.name, g]));
  return {
    format: SNAPSHOT_FORMAT,
    createdAt: now.toISOString(),
    cells: savedCells(grids, input.blocks),
    addedSheets: input.addedSheets,
    replacedSheets: input.replacedSheets.map((g) => savedSheet(g, g.position)),
    addedFormats: input.addedFormats,
    deletedFormats: input.deletedFormats,
    validations: input.validations,
    ...(input.styles ? { styles: input.styles } : {}),
    ...(input.record
      ? {
          written: input.record.written,
          sheetMarkers: input.record.sheetMarkers,
          names: input.record.names,
        }
      : {}),
  };
}

/** The core decoder: a damaged or foreign snapshot is a DomainError "snapshot-unreadable". */
export function decodeSnapshot(columnA: unknown[]): Snapshot {
  return decodeCore(columnA);
}
