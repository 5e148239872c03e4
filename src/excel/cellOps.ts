import { CellStyle, StyleWrite } from "../core/port";
import { a1, parseA1, parseArea } from "../core/sheet/address";
import { blockAddress, CellBlock, splitBlock } from "../core/plan/cellBlocks";
import { FormulaInput } from "./cellCodec";
import { opBytes, WriteOp } from "./writeBatches";

/** Writes column blocks of formula inputs; a block larger than maxBytes is cut into row slices. */
export function formulaBlockOps<T>(
  blocks: CellBlock<T>[],
  input: (cell: T) => FormulaInput,
  maxBytes: number
): WriteOp[] {
  const inputs = (cells: (T | null)[]) => cells.map((c) => [c === null ? null : input(c)]);
  return blocks
    .flatMap((b) => splitBlock(b, (cells) => opBytes(3, inputs(cells)), maxBytes))
    .map((b) => {
      const values = inputs(b.cells);
      const address = blockAddress(b);
      return {
        bytes: opBytes(3, address, values),
        queue: (batch) => {
          batch.sheet(b.sheet).getRange(address).formulas = values;
        },
      };
    });
}

/**
 * Sets cells to the General number format, a column run at a time: a formula entered into a cell formatted
 * as Text ("@") stays text, as typing it would ("Text — Treats the content of a cell as text … even when you
 * type numbers", Excel's number formats).
 */
export function generalFormatOps(cells: { sheet: string; cell: string }[]): WriteOp[] {
  const runs = new Map<string, { sheet: string; col: number; rows: number[] }>();
  for (const c of cells) {
    const { row, col } = parseA1(c.cell);
    const key = `${c.sheet}\u0000${col}`;
    const run = runs.get(key) ?? { sheet: c.sheet, col, rows: [] };
    run.rows.push(row);
    runs.set(key, run);
  }
  const ops: WriteOp[] = [];
  for (const { sheet, col, rows } of runs.values()) {
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    let start = 0;
    for (let i = 1; i <= sorted.length; i++) {
      if (i < sorted.length && sorted[i] === sorted[i - 1] + 1) continue;
      const top = sorted[start];
      const bottom = sorted[i - 1];
      const address = top === bottom ? a1(top, col) : `${a1(top, col)}:${a1(bottom, col)}`;
      const formats = Array.from({ length: bottom - top + 1 }, () => ["General"]);
      ops.push({
        bytes: opBytes(3, address, formats),
        queue: (batch) => {
          batch.sheet(sheet).getRange(address).numberFormat = formats;
        },
      });
      start = i;
    }
  }
  return ops;
}

const ALIGN: Record<NonNullable<CellStyle["align"]>, Excel.HorizontalAlignment> = {
  left: "Left" as Excel.HorizontalAlignment,
  center: "Center" as Excel.HorizontalAlignment,
  right: "Right" as Excel.HorizontalAlignment,
};

export function styleOps(styles: StyleWrite[]): WriteOp[] {
  return styles.map((s) => {
    const area = parseArea(s.range);
    const { style } = s;
    // range.numberFormat takes one format per cell.
    const formats = style.numberFormat
      ? Array.from({ length: area.bottom - area.top + 1 }, () =>
          Array.from({ length: area.right - area.left + 1 }, () => style.numberFormat!)
        )
      : undefined;
    return {
      bytes: opBytes(11, s, formats),
      queue: (batch) => {
        const range = batch.sheet(s.sheet).getRange(s.range);
        if (style.bold !== undefined) range.format.font.bold = style.bold;
        if (style.italic !== undefined) range.format.font.italic = style.italic;
        if (style.fontColor) range.format.font.color = style.fontColor;
        if (style.fill) range.format.fill.color = style.fill;
        if (style.wrap !== undefined) range.format.wrapText = style.wrap;
        if (style.align) range.format.horizontalAlignment = ALIGN[style.align];
        if (formats) range.numberFormat = formats;
      },
    };
  });
}
