/**
 * A document as plain data: what the report says and how it is laid out, with no word-processor library in it.
 * src/docx turns it into a .docx; tests read it directly.
 */
export type Align = "left" | "center" | "right";

export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export interface DocParagraph {
  kind: "paragraph";
  runs: TextRun[];
  align?: Align;
  /** title: the document's title; heading: a numbered section; note: small italic text under a table. */
  role?: "title" | "heading" | "body" | "note";
}

export interface DocCell {
  paragraphs: DocParagraph[];
  /** How many grid columns the cell covers (a band's group row covers them all). */
  span?: number;
  align?: Align;
}

export interface DocRow {
  cells: DocCell[];
  /** header: repeated on every page; group: a band's heading row inside a table. */
  kind: "header" | "group" | "body";
}

export interface DocTable {
  kind: "table";
  /** A name the adapter and tests can tell tables by (ranking, fields, weak, previous, signature, heading). */
  name: string;
  /** Relative column widths; the adapter fits them to the page. */
  columns: number[];
  rows: DocRow[];
  borders: boolean;
}

export type DocBlock = DocParagraph | DocTable;

export interface DocModel {
  lang: "vi" | "en";
  title: string;
  blocks: DocBlock[];
}

export function paragraph(
  text: string,
  opts: { align?: Align; role?: DocParagraph["role"]; bold?: boolean; italic?: boolean } = {}
): DocParagraph {
  return {
    kind: "paragraph",
    runs: [
      { text, ...(opts.bold ? { bold: true } : {}), ...(opts.italic ? { italic: true } : {}) },
    ],
    ...(opts.align ? { align: opts.align } : {}),
    ...(opts.role ? { role: opts.role } : {}),
  };
}

export function cell(
  text: string,
  opts: { align?: Align; bold?: boolean; italic?: boolean; span?: number } = {}
): DocCell {
  return {
    paragraphs: [paragraph(text, { bold: opts.bold, italic: opts.italic, align: opts.align })],
    ...(opts.span ? { span: opts.span } : {}),
    ...(opts.align ? { align: opts.align } : {}),
  };
}
