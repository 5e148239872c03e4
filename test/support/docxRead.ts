import { DOMParser, type Element as XmlElement } from "@xmldom/xmldom";
import JSZip from "jszip";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

export interface DocxCell {
  text: string;
  /** w:gridSpan, 1 when absent. */
  span: number;
}

export type DocxBlock =
  | { kind: "paragraph"; text: string; bold: boolean }
  | { kind: "table"; rows: DocxCell[][] };

/** A .docx read back as Word would: the body's paragraphs and tables in order (unzipped, XML parsed). */
export async function readDocx(bytes: Buffer | Uint8Array): Promise<{ blocks: DocxBlock[]; contentTypes: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const docPart = zip.file("word/document.xml");
  const types = zip.file("[Content_Types].xml");
  if (!docPart || !types) throw new Error("not a Word package: word/document.xml or [Content_Types].xml missing");
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => void (level !== "warning" && errors.push(msg)) }).parseFromString(
    await docPart.async("string"),
    "text/xml"
  );
  if (errors.length) throw new Error(`word/document.xml: ${errors.join("; ")}`);
  const body = doc.getElementsByTagNameNS(W, "body")[0];
  const blocks: DocxBlock[] = [];
  for (let n = body.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const el = n as XmlElement;
    if (el.localName === "p") blocks.push({ kind: "paragraph", text: textOf(el), bold: isBold(el) });
    else if (el.localName === "tbl") blocks.push({ kind: "table", rows: rowsOf(el) });
  }
  return { blocks, contentTypes: await types.async("string") };
}

function children(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (n as XmlElement).namespaceURI === W && (n as XmlElement).localName === name)
      out.push(n as XmlElement);
  return out;
}

function textOf(p: XmlElement): string {
  return Array.from(p.getElementsByTagNameNS(W, "t"))
    .map((t) => t.textContent ?? "")
    .join("");
}

function isBold(p: XmlElement): boolean {
  const runs = Array.from(p.getElementsByTagNameNS(W, "r"));
  return runs.length > 0 && runs.every((r) => r.getElementsByTagNameNS(W, "b").length > 0);
}

function rowsOf(tbl: XmlElement): DocxCell[][] {
  return children(tbl, "tr").map((tr) =>
    children(tr, "tc").map((tc) => {
      const span = tc.getElementsByTagNameNS(W, "gridSpan")[0]?.getAttributeNS(W, "val");
      return { text: children(tc, "p").map(textOf).join("\n"), span: span ? Number(span) : 1 };
    })
  );
}

/** The tables whose first row holds these header texts. */
export function tablesHeaded(blocks: DocxBlock[], ...heads: string[]): DocxCell[][][] {
  return blocks
    .filter((b): b is Extract<DocxBlock, { kind: "table" }> => b.kind === "table")
    .map((b) => b.rows)
    .filter((rows) => rows.length > 0 && heads.every((h) => rows[0].some((c) => c.text === h)));
}
