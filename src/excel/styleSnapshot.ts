import { CellStyle } from "../core/port";
import { SavedStyle } from "../core/snapshot/snapshot";
import { opBytes, WriteOp } from "./writeBatches";

/** One cell a run styles on a sheet it does not own, and the properties it sets there. */
export interface StyledCell {
  sheet: string;
  cell: string;
  style: CellStyle;
}

/** Queues the loads that tell a cell's current style (read after the sync by savedStyleOf). */
export function loadStyle(range: Excel.Range): Excel.Range {
  range.load("numberFormat");
  range.format.load("wrapText,horizontalAlignment");
  range.format.font.load("bold,italic,color");
  range.format.fill.load("color");
  return range;
}

const ALIGNMENTS: Record<string, SavedStyle["align"]> = {
  Left: "left",
  Center: "center",
  Right: "right",
};

/**
 * What the cell had of the properties the run sets. Office.js reports no fill as white, so white is kept as
 * "no fill" (a cell filled white on purpose comes back unfilled, which looks the same).
 */
export function savedStyleOf(target: StyledCell, range: Excel.Range): SavedStyle {
  const planned = target.style;
  const saved: SavedStyle = { sheet: target.sheet, cell: target.cell };
  if (planned.bold !== undefined) saved.bold = Boolean(range.format.font.bold);
  if (planned.italic !== undefined) saved.italic = Boolean(range.format.font.italic);
  if (planned.fontColor) saved.fontColor = range.format.font.color ?? null;
  if (planned.fill) {
    const fill = range.format.fill.color;
    saved.fill = fill && fill.toUpperCase() !== "#FFFFFF" ? fill : null;
  }
  if (planned.numberFormat) saved.numberFormat = String(range.numberFormat?.[0]?.[0] ?? "General");
  if (planned.wrap !== undefined) saved.wrap = Boolean(range.format.wrapText);
  if (planned.align) saved.align = ALIGNMENTS[range.format.horizontalAlignment] ?? null;
  return saved;
}

/** Puts a saved style back on its cell. */
export function restoreStyleOp(saved: SavedStyle): WriteOp {
  return {
    bytes: opBytes(10, saved),
    queue: (batch) => {
      const range = batch.sheet(saved.sheet).getRange(saved.cell);
      if (saved.bold !== undefined) range.format.font.bold = saved.bold;
      if (saved.italic !== undefined) range.format.font.italic = saved.italic;
      if (saved.fontColor !== undefined) range.format.font.color = saved.fontColor ?? "#000000";
      if (saved.fill === null) range.format.fill.clear();
      else if (saved.fill) range.format.fill.color = saved.fill;
      if (saved.numberFormat !== undefined) range.numberFormat = [[saved.numberFormat]];
      if (saved.wrap !== undefined) range.format.wrapText = saved.wrap;
      if (saved.align !== undefined)
        range.format.horizontalAlignment = (
          saved.align === null ? "General" : saved.align[0].toUpperCase() + saved.align.slice(1)
        ) as Excel.HorizontalAlignment;
    },
  };
}
