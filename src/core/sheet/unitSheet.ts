import { Adjustment } from "../criteria/model";
import { CellValue, SheetGrid } from "../port";
import { cellText, foldText } from "../text/normalize";
import { ParsedCode, parseCode } from "./codes";
import { cellAt, numberFormatAt, rowCount } from "./grid";
import { SheetLayout } from "./layout";
import { findUnitGroupCell, UnitGroupCell } from "./unitGroupCell";

/** The cells of one table row, by role. */
export interface RowCells {
  row: number;
  name: string;
  max: CellValue;
  ratio: CellValue;
  self: CellValue;
  evidence: CellValue;
  appraised: CellValue[];
  notes: CellValue[];
}

export interface CodeRow extends RowCells {
  code: ParsedCode & { kind: "code" | "number" | "item" };
}

export interface AdjustmentRow extends RowCells {
  adjustment: Adjustment;
}

/** A unit sheet read as rows: nodes, the total row, adjustments, and our index row if present. */
export interface UnitSheet {
  sheet: string;
  unitName: string;
  /** Row holding "Đơn vị: …", where the name came from a title cell. */
  unitNameCell?: { row: number; col: number };
  /** The "Nhóm đơn vị" cell, where the sheet has one (the set's unitGroups). */
  groupCell?: UnitGroupCell;
  layout: SheetLayout;
  codeRows: CodeRow[];
  /** Rows with text in the code column that is not a code but carries a score: reported, not scored. */
  strayRows: (RowCells & { text: string })[];
  totalRow?: RowCells;
  indexRow?: RowCells;
  adjustmentRows: AdjustmentRow[];
  lastRow: number;
}

const TOTAL = /^(tong cong|tong diem|tong so diem|tong so|cong|total)\b/;
const INDEX = /^(chi so|index)\b/;
const BONUS = /^(diem thuong|diem cong|bonus)\b/;
const PENALTY = /^(diem tru|penalty)\b/;

export function readUnitSheet(
  grid: SheetGrid,
  layout: SheetLayout,
  adjustments: Adjustment[]
): UnitSheet {
  const cols = layout.columns;
  const cells = (row: number): RowCells => ({
    row,
    name: cols.name ? cellText(cellAt(grid, row, cols.name)) : "",
    max: cols.max ? cellAt(grid, row, cols.max) : null,
    ratio: cols.ratio ? cellAt(grid, row, cols.ratio) : null,
    self: cols.self ? cellAt(grid, row, cols.self) : null,
    evidence: cols.evidence ? cellAt(grid, row, cols.evidence) : null,
    appraised: cols.appraised.map((c) => cellAt(grid, row, c)),
    notes: cols.note.map((c) => cellAt(grid, row, c)),
  });
  const adjustmentByCode = new Map(adjustments.map((a) => [foldText(a.code), a]));
  const adjustmentOf = (code: string, label: string): Adjustment | undefined => {
    const byCode = code ? adjustmentByCode.get(foldText(code)) : undefined;
    if (byCode) return byCode;
    if (BONUS.test(label)) return adjustments.find((a) => a.kind === "bonus");
    if (PENALTY.test(label)) return adjustments.find((a) => a.kind === "penalty");
    return undefined;
  };

  const sheet: UnitSheet = {
    sheet: grid.name,
    unitName: grid.name,
    layout,
    codeRows: [],
    strayRows: [],
    adjustmentRows: [],
    lastRow: layout.dataStart - 1,
  };
  Object.assign(sheet, findUnitName(grid, layout.headerRow));
  const groupCell = findUnitGroupCell(grid, layout.headerRow);
  if (groupCell) sheet.groupCell = groupCell;

  const end = rowCount(grid);
  for (let r = layout.dataStart; r <= end; r++) {
    const codeValue = cols.code ? cellAt(grid, r, cols.code) : null;
    const code = parseCode(codeValue, cols.code ? numberFormatAt(grid, r, cols.code) : undefined);
    const row = cells(r);
    if (code.kind === "code" || code.kind === "number" || code.kind === "item") {
      sheet.codeRows.push(Object.assign(row, { code }));
      sheet.lastRow = r;
      continue;
    }
    // Rows without a code: the total, the index, adjustments (by code like "T" or by name), stray scores.
    const codeText = code.kind === "other" ? code.text : "";
    const label = foldText(codeText ? `${codeText} ${row.name}` : row.name);
    const adjustment = adjustmentOf(codeText, foldText(row.name) || foldText(codeText));
    if (adjustment) {
      sheet.adjustmentRows.push(Object.assign(row, { adjustment }));
    } else if (TOTAL.test(label) || TOTAL.test(foldText(codeText))) {
      sheet.totalRow ??= row;
    } else if (INDEX.test(label) || INDEX.test(foldText(codeText))) {
      sheet.indexRow ??= row;
    } else if (code.kind === "other" && hasScore(row)) {
      sheet.strayRows.push(Object.assign(row, { text: code.text }));
    } else if (!hasAnything(row) && code.kind === "empty") {
      continue;
    }
    sheet.lastRow = r;
  }
  return sheet;
}

function hasScore(row: RowCells): boolean {
  return [row.self, ...row.appraised].some((v) => v !== null && cellText(v) !== "");
}

function hasAnything(row: RowCells): boolean {
  return hasScore(row) || row.name !== "" || cellText(row.max) !== "";
}

/** "Đơn vị: UBND xã An Bình" (or "Tên đơn vị:", the name in the next cell) above the header. */
function findUnitName(grid: SheetGrid, headerRow: number): Partial<UnitSheet> {
  for (let r = 1; r < headerRow; r++) {
    const row = grid.values[r - 1] ?? [];
    for (let c = 1; c <= row.length; c++) {
      const raw = cellText(row[c - 1]);
      const m =
        /^\s*(?:tên\s+)?đơn\s+vị(?:\s+được\s+đánh\s+giá)?\s*[:：]\s*(.*)$/iu.exec(
          raw.normalize("NFC")
        ) ?? /^\s*(?:unit)\s*[:：]\s*(.*)$/i.exec(raw);
      if (!m) continue;
      let name = m[1].trim();
      for (let k = c + 1; !name && k <= row.length; k++) name = cellText(row[k - 1]);
      if (name) return { unitName: name, unitNameCell: { row: r, col: c } };
    }
  }
  return {};
}
