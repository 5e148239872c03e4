import { SheetGrid } from "../port";
import { cellText } from "../text/normalize";

/**
 * Where a unit sheet names its unit group ("Nhóm đơn vị: Xã không có TTHC", or the label with the group in the
 * next cell), above the header. `sameCell`: the group follows the label's colon in the label's own cell; else
 * `row`/`col` are the cell holding the group alone. The written formulas read the group from there.
 */
export interface UnitGroupCell {
  text: string;
  row: number;
  col: number;
  sameCell: boolean;
}

const LABEL = /^\s*(?:nhóm\s+đơn\s+vị|unit\s+group)\s*:\s*(.*)$/iu;

export function findUnitGroupCell(grid: SheetGrid, headerRow: number): UnitGroupCell | undefined {
  for (let r = 1; r < headerRow; r++) {
    const row = grid.values[r - 1] ?? [];
    for (let c = 1; c <= row.length; c++) {
      const m = LABEL.exec(cellText(row[c - 1]).normalize("NFC"));
      if (!m) continue;
      const text = m[1].trim();
      if (text) return { text, row: r, col: c, sameCell: true };
      for (let k = c + 1; k <= row.length; k++) {
        const next = cellText(row[k - 1]).trim();
        if (next) return { text: next, row: r, col: k, sameCell: false };
      }
      // The label with nothing beside it yet: the group is to be typed in the next cell.
      return { text: "", row: r, col: c + 1, sameCell: false };
    }
  }
  return undefined;
}
