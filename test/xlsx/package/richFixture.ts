import { DOMParser, XMLSerializer, type Document, type Element } from "@xmldom/xmldom";
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import JSZip from "jszip";
import { tmpdir } from "os";
import * as path from "path";
import { sampleBytes } from "./packageHelpers";

/**
 * The sample as a real office's workbook holds it, made by editing its parts' XML (with a DOM, as a person's
 * Excel would have written them) so the writer meets, on the unit sheet "An Bình" (xl/worksheets/sheet2.xml):
 *
 * - a shared formula anchored at a subtotal cell the run writes: G5:G12 hold `=E5` filled down (G5 and G6 are
 *   subtotals, G7:G12 leaves that must keep taking E's values);
 * - a multi-cell array formula over a subtotal and a leaf: {=E13:E14} in G13:G14;
 * - a person's rule in the same `<conditionalFormatting>` as a rule of ours from an earlier run;
 * - a person's validation over D5:E9, partly over score cells the run validates (E7:E9);
 * - rich text in E5, where the run writes a subtotal, with an internal hyperlink on it, and an external one on
 *   E56 (the total);
 * - a merge, a chart (drawing part and chart part, made by XlsxWriter), page setup, the row attributes Excel
 *   writes (spans, x14ac:dyDescent);
 * - a calculation chain, names (global, and a print area local to "An Bình"), manual calculation with
 *   iteration, a book view whose active tab is "An Bình", custom document properties.
 */

export const UNIT_PART = "xl/worksheets/sheet2.xml";
export const OUR_OLD_RULE = "AND(LEN(TRIM($F7))=0,IF(ISNUMBER($E7),$E7,N($G7))>0)";
export const USER_RULE = "LEN($F7)>200";
export const CHART_PARTS = [
  "xl/drawings/drawing1.xml",
  "xl/drawings/_rels/drawing1.xml.rels",
  "xl/charts/chart1.xml",
];

const SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const parse = (text: string): Document => new DOMParser().parseFromString(text, "text/xml");
const text = (doc: Document): string => new XMLSerializer().serializeToString(doc);

function el(
  doc: Document,
  name: string,
  attrs: Record<string, string | number> = {},
  ...kids: (Element | string)[]
): Element {
  const e = doc.createElementNS(doc.documentElement!.namespaceURI, name);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith("r:")) e.setAttributeNS(R, k, String(v));
    else e.setAttribute(k, String(v));
  }
  for (const k of kids) e.appendChild(typeof k === "string" ? doc.createTextNode(k) : k);
  return e;
}

function first(doc: Document | Element, local: string): Element | undefined {
  const list = doc.getElementsByTagNameNS("*", local);
  return list.length ? list[0] : undefined;
}

function cellAt(doc: Document, ref: string): Element | undefined {
  const cells = doc.getElementsByTagNameNS(SML, "c");
  for (let i = 0; i < cells.length; i++) if (cells[i].getAttribute("r") === ref) return cells[i];
  return undefined;
}

function rowAt(doc: Document, r: number): Element {
  const rows = doc.getElementsByTagNameNS(SML, "row");
  for (let i = 0; i < rows.length; i++) if (rows[i].getAttribute("r") === String(r)) return rows[i];
  const row = el(doc, "row", { r });
  first(doc, "sheetData")!.appendChild(row); // the rows we add come last
  return row;
}

/** Sets a cell's content elements (f, v, is…), creating the cell at the end of its row if needed. */
function setCell(
  doc: Document,
  ref: string,
  attrs: Record<string, string>,
  ...kids: Element[]
): void {
  let c = cellAt(doc, ref);
  if (!c) {
    c = el(doc, "c", { r: ref });
    const r = Number(/\d+/.exec(ref)![0]);
    const row = rowAt(doc, r);
    const after = [...Array(row.childNodes.length).keys()]
      .map((i) => row.childNodes[i] as Element)
      .find((x) => x.nodeType === 1 && colOf(x.getAttribute("r")!) > colOf(ref));
    row.insertBefore(c, after ?? null);
  }
  (c.parentNode as Element).removeAttribute("spans"); // an optional hint, which our cells would falsify
  while (c.firstChild) c.removeChild(c.firstChild);
  for (const a of ["t"]) c.removeAttribute(a);
  for (const [k, v] of Object.entries(attrs)) c.setAttribute(k, v);
  for (const k of kids) c.appendChild(k);
}

function colOf(ref: string): number {
  let n = 0;
  for (const ch of /^[A-Z]+/.exec(ref)![0]) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** Inserts `child` into the worksheet before the first of `before` present (else appends). */
function insertBefore(doc: Document, child: Element, before: string[]): void {
  const ws = doc.documentElement!;
  const next = before.map((b) => first(ws, b)).find((x) => x !== undefined);
  ws.insertBefore(child, next ?? null);
}

function unitSheet(xml: string): string {
  const doc = parse(xml);
  const f = (t: string, attrs: Record<string, string> = {}) => el(doc, "f", attrs, t);
  const v = (t: string) => el(doc, "v", {}, t);
  // G5:G12: =E5 filled down, stored as one shared formula anchored at G5 (a subtotal the run writes).
  setCell(doc, "G5", {}, f("E5", { t: "shared", ref: "G5:G12", si: "0" }), v("0"));
  const cached: Record<number, string> = {
    6: "0",
    7: "1",
    8: "2.5",
    9: "2",
    10: "1.5",
    11: "1.5",
    12: "1.5",
  };
  for (let r = 6; r <= 12; r++)
    setCell(doc, `G${r}`, {}, f("", { t: "shared", si: "0" }), v(cached[r]));
  // G13:G14: one array formula over a subtotal (G13) and a leaf (G14).
  setCell(doc, "G13", {}, f("E13:E14", { t: "array", ref: "G13:G14" }), v("0"));
  setCell(doc, "G14", {}, v("2"));
  // E5: rich text where the run writes a subtotal (a person's note in the cell).
  const run = (t: string, bold: boolean) =>
    el(
      doc,
      "r",
      {},
      el(
        doc,
        "rPr",
        {},
        ...(bold ? [el(doc, "b")] : []),
        el(doc, "sz", { val: "11" }),
        el(doc, "color", { rgb: "FFC00000" }),
        el(doc, "rFont", { val: "Calibri" })
      ),
      el(doc, "t", { "xml:space": "preserve" }, t)
    );
  setCell(
    doc,
    "E5",
    { t: "inlineStr" },
    el(doc, "is", {}, run("Điểm ", true), run("chưa tính", false))
  );

  insertBefore(doc, el(doc, "mergeCells", { count: 1 }, el(doc, "mergeCell", { ref: "A1:H1" })), [
    "pageMargins",
  ]);
  const cf = el(
    doc,
    "conditionalFormatting",
    { sqref: "F7:F12 F14:F18" },
    el(
      doc,
      "cfRule",
      { type: "expression", dxfId: 0, priority: 1 },
      el(doc, "formula", {}, USER_RULE)
    ),
    el(
      doc,
      "cfRule",
      { type: "expression", dxfId: 1, priority: 2 },
      el(doc, "formula", {}, OUR_OLD_RULE)
    )
  );
  insertBefore(doc, cf, ["pageMargins"]);
  const dv = el(
    doc,
    "dataValidations",
    { count: 1 },
    el(
      doc,
      "dataValidation",
      {
        type: "whole",
        operator: "between",
        allowBlank: "1",
        showErrorMessage: "1",
        errorTitle: "Sai",
        error: "0–10\nthôi",
        sqref: "D5:E9",
      },
      el(doc, "formula1", {}, "0"),
      el(doc, "formula2", {}, "10")
    )
  );
  insertBefore(doc, dv, ["pageMargins"]);
  const links = el(
    doc,
    "hyperlinks",
    {},
    el(doc, "hyperlink", { ref: "E5", location: "'Hướng dẫn'!A1", display: "Điểm chưa tính" }),
    el(doc, "hyperlink", { ref: "E56", "r:id": "rIdLink1" })
  );
  insertBefore(doc, links, ["pageMargins"]);
  doc.documentElement!.appendChild(el(doc, "drawing", { "r:id": "rIdDrawing1" }));
  return text(doc);
}

/** A workbook with a column chart over 'An Bình'!$C$7:$C$12, as XlsxWriter writes it: its parts are taken. */
function chartWorkbook(): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), "cchc-chart-"));
  try {
    const out = path.join(dir, "chart.xlsx");
    const script = [
      "import sys, xlsxwriter",
      "wb = xlsxwriter.Workbook(sys.argv[1])",
      "ws = wb.add_worksheet('An Bình')",
      "ws.write_column('C7', [1, 2.5, 2, 1.5, 1.5, 1.5])",
      "ch = wb.add_chart({'type': 'column'})",
      "ch.add_series({'values': \"='An Bình'!$C$7:$C$12\"})",
      "ws.insert_chart('J2', ch)",
      "wb.close()",
    ].join("\n");
    const r = spawnSync("/usr/bin/python3", ["-c", script, out], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`xlsxwriter failed: ${r.stderr}`);
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface RichOptions {
  /** Write every relationship target as an absolute part name ("/xl/worksheets/sheet1.xml"), as openpyxl does. */
  absoluteTargets?: boolean;
  /** Make it an .xlsm: the macro-enabled main content type and a VBA project part. */
  macroEnabled?: boolean;
}

export const VBA_BYTES = Uint8Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256);

export async function richSample(options: RichOptions = {}): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(sampleBytes());
  const read = (p: string) => zip.file(p)!.async("string");
  zip.file(UNIT_PART, unitSheet(await read(UNIT_PART)));

  const sheetRels = parse(
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`
  );
  const rel = (doc: Document, attrs: Record<string, string>) =>
    doc.documentElement!.appendChild(el(doc, "Relationship", attrs));
  rel(sheetRels, {
    Id: "rIdLink1",
    Type: `${R}/hyperlink`,
    Target: "https://dichvucong.gov.vn/",
    TargetMode: "External",
  });
  rel(sheetRels, { Id: "rIdDrawing1", Type: `${R}/drawing`, Target: "../drawings/drawing1.xml" });
  zip.file("xl/worksheets/_rels/sheet2.xml.rels", text(sheetRels));

  const chart = await JSZip.loadAsync(chartWorkbook());
  for (const p of CHART_PARTS) zip.file(p, await chart.file(p)!.async("uint8array"));

  const types = parse(await read("[Content_Types].xml"));
  const override = (name: string, type: string) =>
    types.documentElement!.appendChild(
      el(types, "Override", { PartName: name, ContentType: type })
    );
  override(
    "/xl/drawings/drawing1.xml",
    "application/vnd.openxmlformats-officedocument.drawing+xml"
  );
  override(
    "/xl/charts/chart1.xml",
    "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
  );
  override(
    "/xl/calcChain.xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"
  );
  override(
    "/docProps/custom.xml",
    "application/vnd.openxmlformats-officedocument.custom-properties+xml"
  );

  // A calculation chain: G5 and G13 (overwritten), G7 (a shared formula's member), and a cell of another sheet.
  zip.file(
    "xl/calcChain.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="${SML}"><c r="G5" i="2"/><c r="G7"/><c r="G13"/><c r="B3" i="3"/></calcChain>`
  );
  zip.file(
    "docProps/custom.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="DonVi"><vt:lpwstr>UBND xã</vt:lpwstr></property></Properties>`
  );
  // The two dxfs the rules above use: the person's (blue text) and our earlier run's (red fill).
  const styles = parse(await read("xl/styles.xml"));
  const dxfs = first(styles, "dxfs")!;
  dxfs.appendChild(
    el(styles, "dxf", {}, el(styles, "font", {}, el(styles, "color", { rgb: "FF0000FF" })))
  );
  dxfs.appendChild(
    el(
      styles,
      "dxf",
      {},
      el(
        styles,
        "fill",
        {},
        el(styles, "patternFill", {}, el(styles, "bgColor", { rgb: "FFF8D7DA" }))
      )
    )
  );
  dxfs.setAttribute("count", "2");
  zip.file("xl/styles.xml", text(styles));
  const rootRels = parse(await read("_rels/.rels"));
  rel(rootRels, { Id: "rIdCustom", Type: `${R}/custom-properties`, Target: "docProps/custom.xml" });
  const wbRels = parse(await read("xl/_rels/workbook.xml.rels"));
  rel(wbRels, { Id: "rIdCalc", Type: `${R}/calcChain`, Target: "calcChain.xml" });

  const wb = parse(await read("xl/workbook.xml"));
  const ws = wb.documentElement!;
  ws.insertBefore(
    el(wb, "bookViews", {}, el(wb, "workbookView", { activeTab: 1, firstSheet: 0 })),
    first(ws, "sheets")!
  );
  ws.insertBefore(
    el(
      wb,
      "definedNames",
      {},
      el(wb, "definedName", { name: "_xlnm.Print_Area", localSheetId: 1 }, "'An Bình'!$A$1:$H$59"),
      el(wb, "definedName", { name: "CotDiem" }, "'An Bình'!$C$5:$C$58")
    ),
    first(ws, "calcPr")!
  );
  const calc = first(ws, "calcPr")!;
  calc.setAttribute("calcMode", "manual");
  calc.setAttribute("iterate", "1");
  calc.setAttribute("iterateCount", "50");

  if (options.macroEnabled) {
    for (const o of [...Array(types.documentElement!.childNodes.length).keys()].map(
      (i) => types.documentElement!.childNodes[i] as Element
    ))
      if (o.nodeType === 1 && o.getAttribute("PartName") === "/xl/workbook.xml")
        o.setAttribute("ContentType", "application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    types.documentElement!.insertBefore(
      el(types, "Default", {
        Extension: "bin",
        ContentType: "application/vnd.ms-office.vbaProject",
      }),
      types.documentElement!.firstChild
    );
    rel(wbRels, {
      Id: "rIdVba",
      Type: "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
      Target: "vbaProject.bin",
    });
    zip.file("xl/vbaProject.bin", VBA_BYTES);
  }
  if (options.absoluteTargets) {
    for (const [doc, base] of [
      [wbRels, "/xl/"],
      [rootRels, "/"],
    ] as const) {
      const rels = doc.getElementsByTagNameNS("*", "Relationship");
      for (let i = 0; i < rels.length; i++) {
        const t = rels[i].getAttribute("Target")!;
        if (rels[i].getAttribute("TargetMode") !== "External" && !t.startsWith("/"))
          rels[i].setAttribute("Target", base + t);
      }
    }
  }
  zip.file("[Content_Types].xml", text(types));
  zip.file("_rels/.rels", text(rootRels));
  zip.file("xl/_rels/workbook.xml.rels", text(wbRels));
  zip.file("xl/workbook.xml", text(wb));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
