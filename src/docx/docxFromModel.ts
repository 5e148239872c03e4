import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type {
  Align,
  DocBlock,
  DocCell,
  DocModel,
  DocParagraph,
  DocTable,
} from "../core/report/docModel";

// A4 portrait with the margins of Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP, Phụ lục I):
// top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 13 pt. Sizes in twips (1/1440 inch).
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 850 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const FONT = "Times New Roman";
/** Half-points. */
const SIZE = { body: 26, table: 22, title: 28, note: 22 };

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

/** The document model as a .docx package (Node: a Buffer). */
export async function docxFromModel(model: DocModel): Promise<Buffer> {
  return Packer.toBuffer(documentOf(model));
}

/** The same package as bytes, where there is no Buffer (the pane in a browser or in Excel). */
export async function docxBytesFromModel(model: DocModel): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(documentOf(model)));
}

function documentOf(model: DocModel): Document {
  return new Document({
    title: model.title,
    creator: "cchc",
    styles: {
      default: {
        document: {
          run: {
            font: FONT,
            size: SIZE.body,
            language: { value: model.lang === "vi" ? "vi-VN" : "en-GB" },
          },
        },
      },
    },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        children: model.blocks.map((b) => block(b)),
      },
    ],
  });
}

function block(b: DocBlock): Paragraph | Table {
  return b.kind === "table" ? table(b) : para(b, false);
}

function para(p: DocParagraph, inTable: boolean, cellAlign?: Align): Paragraph {
  const size =
    p.role === "title"
      ? SIZE.title
      : p.role === "note"
        ? SIZE.note
        : inTable
          ? SIZE.table
          : SIZE.body;
  const align = p.align ?? cellAlign;
  return new Paragraph({
    ...(align
      ? { alignment: ALIGN[align] }
      : inTable
        ? {}
        : { alignment: AlignmentType.JUSTIFIED }),
    spacing: inTable
      ? { before: 20, after: 20 }
      : { before: p.role === "heading" ? 200 : 0, after: 120 },
    ...(p.role === "heading" ? { keepNext: true } : {}),
    children: p.runs.map(
      (r) => new TextRun({ text: r.text, bold: r.bold, italics: r.italic, size })
    ),
  });
}

function table(t: DocTable): Table {
  const total = t.columns.reduce((a, b) => a + b, 0);
  const widths = t.columns.map((w) => Math.floor((w / total) * CONTENT_WIDTH));
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    ...(t.borders ? {} : { borders: TableBorders.NONE }),
    rows: t.rows.map((row) => {
      let col = 0;
      return new TableRow({
        tableHeader: row.kind === "header",
        cantSplit: true,
        children: row.cells.map((c) => {
          const span = c.span ?? 1;
          const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
          col += span;
          return tableCell(c, width, row.kind);
        }),
      });
    }),
  });
}

function tableCell(c: DocCell, width: number, kind: "header" | "group" | "body"): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(c.span && c.span > 1 ? { columnSpan: c.span } : {}),
    ...(kind === "body"
      ? {}
      : {
          shading: {
            type: ShadingType.CLEAR,
            color: "auto",
            fill: kind === "header" ? "DDEBF7" : "F2F2F2",
          },
        }),
    children: c.paragraphs.map((p) => para(p, true, c.align)),
  });
}
