import { CellStyle, StyleWrite } from "../core/port";
import { parseArea } from "../core/sheet/address";
import { blockAddress, CellBlock, splitBlock } from "./cellBlocks";
import { FormulaInput } from "./cellCodec";
import { opBytes, WriteOp } from "./writeBatches";

/** Writes column blocks of formula inputs; a block larger than maxBytes is cut into row slices. */
export function formulaBlockOps<T>(blocks: CellBlock<T>[], input: (cell: T) => FormulaInput, maxBytes: number): WriteOp[] {
  const inputs = (cells: (T | null)[]) => cells.map((c) => [c === null ? null : input(c)]);
  return blocks
    .flatMap((b) => splitBlock(b, (cells) => opBytes(inputs(cells)), maxBytes))
    .map((b) => {
      const values = inputs(b.cells);
      const address = blockAddress(b);
      return {
        bytes: opBytes(address, values),
        queue: (batch) => {
          batch.sheet(b.sheet).getRange(address).formulas = values;
        },
      };
    });
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
      ? Array.from({ length: area.bottom - area.top + 1 }, () => Array.from({ length: area.right - area.left + 1 }, () => style.numberFormat!))
      : undefined;
    return {
      bytes: opBytes(s, formats),
      queue: (batch) => {
        const range = batch.sheet(s.sheet).getRange(s.range);
        const format = range.format;
        if (style.bold !== undefined) format.font.bold = style.bold;
        if (style.italic !== undefined) format.font.italic = style.italic;
        if (style.fontColor) format.font.color = style.fontColor;
        if (style.fill) format.fill.color = style.fill;
        if (style.wrap !== undefined) format.wrapText = style.wrap;
        if (style.align) format.horizontalAlignment = ALIGN[style.align];
        if (formats) range.numberFormat = formats;
      },
    };
  });
}
