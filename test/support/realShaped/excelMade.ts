import { createHash } from "crypto";
import { Document } from "@xmldom/xmldom";
import { readFileSync } from "fs";
import * as path from "path";
import { elementChildren } from "../packageDiff";
import { projectRoot } from "../paths";
import { chartsheetDrawingXml, chartXml, commentsVml, drawingXml, headerFooterVml, png } from "./drawingParts";
import { addToWorkbook, addToWorksheet, child, CT, escapeText, PackageEditor, REL, setCell, styleCell } from "./packageEdit";
import { NS } from "./packageRead";

/**
 * Workbooks as Excel users have them: the bundled sample (five unit sheets, the criteria sheet, an instructions
 * sheet) with, edited into its XML, the content real files carry — charts, pivot tables, comments, names,
 * external links, dynamic arrays, extension-list rules, protection, custom parts, macros. Each builder returns
 * the bytes of one file; sheet indices below are the sample's: 0 "Bộ tiêu chí", 1 "An Bình", 2 "Bình Minh",
 * 3 "Cẩm Hà", 4 "Đông Sơn", 5 "Hòa Lạc", 6 "Hướng dẫn".
 */

export const SAMPLE_FILE = path.join(projectRoot(), "examples", "xa-mau-2025.xlsx");

const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const XM = "http://schemas.microsoft.com/office/excel/2006/main";

/** The sample with what every file saved by Excel has: a book view, an active tab. */
export async function excelSample(): Promise<PackageEditor> {
  const pkg = await PackageEditor.open(readFileSync(SAMPLE_FILE));
  const wb = await pkg.workbook();
  addToWorkbook(wb, `<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15720" activeTab="1"/></bookViews>`);
  return pkg;
}

/** Excel's calculation chain: every formula cell of every worksheet, by sheet id. */
export async function writeCalcChain(pkg: PackageEditor): Promise<void> {
  const wbPart = await pkg.workbookPart();
  const wb = await pkg.workbook();
  const rels = await pkg.relationships(wbPart);
  const entries: string[] = [];
  for (const s of elementChildren(child(wb.documentElement!, "sheets")!)) {
    const rel = rels.find((r) => r.id === s.getAttributeNS(NS.rel, "id"));
    if (!rel?.part || !rel.type.endsWith("/worksheet")) continue;
    const doc = await pkg.xml(rel.part);
    const id = s.getAttribute("sheetId");
    let first = true;
    for (const row of elementChildren(child(doc.documentElement!, "sheetData")!))
      for (const c of elementChildren(row))
        if (child(c, "f")) {
          entries.push(`<c r="${c.getAttribute("r")}"${first ? ` i="${id}"` : ""}/>`);
          first = false;
        }
  }
  await pkg.addPart("xl/calcChain.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="${NS.main}">${entries.join("")}</calcChain>`, CT.calcChain);
  await pkg.relate(wbPart, REL.calcChain, "xl/calcChain.xml");
}

/** Adds a drawing part to a sheet (the sheet's <drawing r:id>), returning its part name. */
async function addDrawing(pkg: PackageEditor, sheetPart: string, sheetDoc: Document | undefined, n: number, xml: string): Promise<string> {
  const part = `xl/drawings/drawing${n}.xml`;
  await pkg.addPart(part, xml, CT.drawing);
  const rId = await pkg.relate(sheetPart, REL.drawing, part);
  if (sheetDoc) addToWorksheet(sheetDoc, `<drawing r:id="${rId}"/>`);
  return part;
}

async function addChart(pkg: PackageEditor, drawingPart: string, n: number, xml: string): Promise<string> {
  const part = `xl/charts/chart${n}.xml`;
  await pkg.addPart(part, xml, CT.chart);
  return pkg.relate(drawingPart, REL.chart, part);
}

const AN_BINH_CODES = ["1.1.1", "1.1.2", "1.2", "1.3", "1.4", "1.5"];
const AN_BINH_SELF = [1, 2.5, 2, 1.5, 1.5, 1.5];

/**
 * Charts on a unit sheet and on another sheet, a chartsheet, a text box, a picture, sparklines (x14 extension
 * list) on a unit sheet and a header image on a unit sheet.
 */
export async function chartsAndDrawings(): Promise<Uint8Array> {
  const pkg = await excelSample();
  await pkg.contentType("Default", "png", CT.png);
  const series = { title: "Điểm tự chấm", cat: "'An Bình'!$A$7:$A$12", val: "'An Bình'!$E$7:$E$12", cats: AN_BINH_CODES, vals: AN_BINH_SELF };

  // "An Bình" (unit sheet): a column chart of its own scores and a text box.
  const anPart = await pkg.sheetPart("An Bình");
  const an = await pkg.xml(anPart);
  const d1 = await addDrawing(pkg, anPart, an, 1, "");
  const c1 = await addChart(pkg, d1, 1, chartXml("bar", "Lĩnh vực 1 — An Bình", series));
  pkg.put(
    d1,
    drawingXml([
      { kind: "chart", anchor: { from: [9, 3], to: [17, 18] }, rId: c1, name: "Biểu đồ 1" },
      { kind: "textbox", anchor: { from: [9, 20], to: [15, 25] }, text: "Người chấm: đã đối chiếu hồ sơ gốc ngày 20/11.", name: "Hộp Văn bản 2" },
    ])
  );

  // "Hướng dẫn": a pie chart and the commune's logo.
  const hdPart = await pkg.sheetPart("Hướng dẫn");
  const hd = await pkg.xml(hdPart);
  const d2 = await addDrawing(pkg, hdPart, hd, 2, "");
  const c2 = await addChart(pkg, d2, 2, chartXml("pie", "Cơ cấu điểm lĩnh vực 1", series));
  await pkg.addPart("xl/media/image1.png", png(4, 4, [200, 30, 30]));
  const img = await pkg.relate(d2, REL.image, "xl/media/image1.png");
  pkg.put(
    d2,
    drawingXml([
      { kind: "chart", anchor: { from: [3, 2], to: [10, 16] }, rId: c2, name: "Biểu đồ 3" },
      { kind: "picture", anchor: { from: [0, 4], to: [1, 8] }, rId: img, name: "Hình 4", descr: "Logo UBND" },
    ])
  );

  // A whole chartsheet after the unit sheets.
  const csPart = await pkg.addSheet(
    "Biểu đồ tổng",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<chartsheet xmlns="${NS.main}" xmlns:r="${NS.rel}"><sheetPr/><sheetViews><sheetView zoomScale="91" workbookViewId="0" zoomToFit="1"/></sheetViews>` +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>`,
    { kind: "chartsheet", at: 6 }
  );
  const d3 = await addDrawing(pkg, csPart, undefined, 3, "");
  const c3 = await addChart(pkg, d3, 3, chartXml("line", "Điểm tự chấm An Bình", series));
  pkg.put(d3, chartsheetDrawingXml(c3));

  // "Bình Minh" (unit sheet): sparklines in column I, Excel 2010's extension list.
  const bm = await pkg.sheet("Bình Minh");
  const lines = [7, 8, 9, 10, 11, 12]
    .map((r) => `<x14:sparkline><xm:f>'Bình Minh'!C${r}:G${r}</xm:f><xm:sqref>I${r}</xm:sqref></x14:sparkline>`)
    .join("");
  addToWorksheet(
    bm,
    `<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="${X14}"><x14:sparklineGroups xmlns:xm="${XM}">` +
      `<x14:sparklineGroup displayEmptyCellsAs="gap" markers="1"><x14:colorSeries rgb="FF376092"/><x14:colorNegative rgb="FFD00000"/><x14:colorAxis rgb="FF000000"/>` +
      `<x14:colorMarkers rgb="FFD00000"/><x14:colorFirst rgb="FFD00000"/><x14:colorLast rgb="FFD00000"/><x14:colorHigh rgb="FFD00000"/><x14:colorLow rgb="FFD00000"/>` +
      `<x14:sparklines>${lines}</x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>`
  );

  // "Cẩm Hà" (unit sheet): a header with the commune's logo (&G) through legacyDrawingHF.
  const chPart = await pkg.sheetPart("Cẩm Hà");
  const ch = await pkg.xml(chPart);
  await pkg.addPart("xl/media/image2.png", png(3, 3, [20, 90, 200]));
  const vml = "xl/drawings/vmlDrawing1.vml";
  await pkg.addPart(vml, "");
  const hfRel = await pkg.relate(vml, REL.image, "xl/media/image2.png");
  pkg.put(vml, headerFooterVml(hfRel, "logo"));
  const vmlRel = await pkg.relate(chPart, REL.vmlDrawing, vml);
  addToWorksheet(ch, `<headerFooter><oddHeader>&amp;L&amp;G&amp;CBÁO CÁO TỰ CHẤM ĐIỂM CCHC&amp;RTrang &amp;P</oddHeader></headerFooter>`);
  addToWorksheet(ch, `<legacyDrawingHF r:id="${vmlRel}"/>`);
  return pkg.bytes();
}

/**
 * A pivot table (on its own sheet) over a unit sheet's rows, with its cache definition and records. Its source
 * (A4:C12: code, name, maximum) holds no cell the tool writes: LibreOffice refreshes pivot tables from their source
 * on load, so a source column the tool fills would change the table's figures by right.
 */
export async function pivotTable(): Promise<Uint8Array> {
  const pkg = await excelSample();
  const rows = [
    ["1", "Chỉ đạo, điều hành CCHC", 10],
    ["1.1", "Kế hoạch CCHC năm", 3.5],
    ["1.1.1", "Ban hành kế hoạch đúng hạn", 1],
    ["1.1.2", "Mức độ hoàn thành kế hoạch", 2.5],
    ["1.2", "Báo cáo CCHC định kỳ", 2],
    ["1.3", "Tuyên truyền CCHC", 1.5],
    ["1.4", "Tự kiểm tra CCHC", 1.5],
    ["1.5", "Khắc phục tồn tại sau kiểm tra", 1.5],
  ] as const;
  const total = rows.reduce((n, r) => n + r[2], 0);
  const records = rows.map((r, i) => `<r><x v="${i}"/><s v="${escapeText(r[1])}"/><n v="${r[2]}"/></r>`).join("");
  const cacheDef =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="${NS.main}" xmlns:r="${NS.rel}" r:id="rId1" refreshedBy="Nguyễn Văn An" refreshedDate="45981.4375" createdVersion="8" refreshedVersion="8" minRefreshableVersion="3" recordCount="${rows.length}">` +
    `<cacheSource type="worksheet"><worksheetSource ref="A4:C12" sheet="An Bình"/></cacheSource><cacheFields count="3">` +
    `<cacheField name="STT" numFmtId="0"><sharedItems count="${rows.length}">${rows.map((r) => `<s v="${r[0]}"/>`).join("")}</sharedItems></cacheField>` +
    `<cacheField name="Lĩnh vực/Tiêu chí/Tiêu chí thành phần" numFmtId="0"><sharedItems/></cacheField>` +
    `<cacheField name="Điểm tối đa" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" minValue="1" maxValue="10"/></cacheField>` +
    `</cacheFields></pivotCacheDefinition>`;
  const cacheRecords = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheRecords xmlns="${NS.main}" xmlns:r="${NS.rel}" count="${rows.length}">${records}</pivotCacheRecords>`;
  const pivot =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotTableDefinition xmlns="${NS.main}" name="PivotTable1" cacheId="7" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Giá trị" updatedVersion="8" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="8" indent="0" outline="1" outlineData="1" multipleFieldFilters="0">` +
    `<location ref="A3:B12" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="3">` +
    `<pivotField axis="axisRow" showAll="0"><items count="${rows.length + 1}">${rows.map((_, i) => `<item x="${i}"/>`).join("")}<item t="default"/></items></pivotField>` +
    `<pivotField showAll="0"/><pivotField dataField="1" showAll="0"/></pivotFields>` +
    `<rowFields count="1"><field x="0"/></rowFields><rowItems count="${rows.length + 1}">${rows.map((_, i) => (i === 0 ? `<i><x/></i>` : `<i><x v="${i}"/></i>`)).join("")}<i t="grand"><x/></i></rowItems>` +
    `<colItems count="1"><i/></colItems><dataFields count="1"><dataField name="Tổng Điểm tối đa" fld="2" baseField="0" baseItem="0"/></dataFields>` +
    `<pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>`;
  const cells =
    `<row r="3"><c r="A3" t="inlineStr"><is><t>Nhãn hàng</t></is></c><c r="B3" t="inlineStr"><is><t>Tổng Điểm tối đa</t></is></c></row>` +
    rows.map((r, i) => `<row r="${4 + i}"><c r="A${4 + i}" t="inlineStr"><is><t>${r[0]}</t></is></c><c r="B${4 + i}"><v>${r[2]}</v></c></row>`).join("") +
    `<row r="12"><c r="A12" t="inlineStr"><is><t>Tổng cộng</t></is></c><c r="B12"><v>${total}</v></c></row>`;
  const sheetPart = await pkg.addSheet(
    "Phân tích",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}"><dimension ref="A3:B12"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="1" width="14" customWidth="1"/><col min="2" max="2" width="20" customWidth="1"/></cols><sheetData>${cells}</sheetData>` +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
  await pkg.addPart("xl/pivotCache/pivotCacheDefinition1.xml", cacheDef, CT.pivotCacheDefinition);
  await pkg.addPart("xl/pivotCache/pivotCacheRecords1.xml", cacheRecords, CT.pivotCacheRecords);
  await pkg.relate("xl/pivotCache/pivotCacheDefinition1.xml", REL.pivotCacheRecords, "xl/pivotCache/pivotCacheRecords1.xml");
  await pkg.addPart("xl/pivotTables/pivotTable1.xml", pivot, CT.pivotTable);
  await pkg.relate("xl/pivotTables/pivotTable1.xml", REL.pivotCacheDefinition, "xl/pivotCache/pivotCacheDefinition1.xml");
  await pkg.relate(sheetPart, REL.pivotTable, "xl/pivotTables/pivotTable1.xml");
  const cacheRel = await pkg.relate(await pkg.workbookPart(), REL.pivotCacheDefinition, "xl/pivotCache/pivotCacheDefinition1.xml");
  addToWorkbook(await pkg.workbook(), `<pivotCaches><pivotCache cacheId="7" r:id="${cacheRel}"/></pivotCaches>`);
  return pkg.bytes();
}

const TC = "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments";

/** Threaded comments with replies and their people, and legacy notes with real authors, on two unit sheets. */
export async function commentsAndNotes(): Promise<Uint8Array> {
  const pkg = await excelSample();
  const P1 = "{6B1F5A0E-3C2D-4E8F-9A1B-2C3D4E5F6A7B}";
  const P2 = "{8D2E6B1F-4D3E-5F90-AB2C-3D4E5F6A7B8C}";
  const T1 = "{1A2B3C4D-0001-4000-8000-000000000001}";
  await pkg.addPart(
    "xl/persons/person.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList xmlns="${TC}" xmlns:x="${NS.main}">` +
      `<person displayName="Nguyễn Văn An" id="${P1}" userId="an.nv@ubnd-anbinh.gov.vn" providerId="AD"/>` +
      `<person displayName="Trần Thị Bình" id="${P2}" userId="binh.tt@sonv.gov.vn" providerId="AD"/></personList>`,
    CT.person
  );
  await pkg.relate(await pkg.workbookPart(), REL.person, "xl/persons/person.xml");

  // "An Bình": a thread on H7 (two replies) and a plain note on F8.
  const anPart = await pkg.sheetPart("An Bình");
  await pkg.addPart(
    "xl/threadedComments/threadedComment1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="${TC}" xmlns:x="${NS.main}">` +
      `<threadedComment ref="H7" dT="2025-11-20T08:15:42.13" personId="${P2}" id="${T1}"><text>Đề nghị bổ sung biên bản kiểm tra.</text></threadedComment>` +
      `<threadedComment ref="H7" dT="2025-11-20T09:02:10.55" personId="${P1}" id="{1A2B3C4D-0002-4000-8000-000000000002}" parentId="${T1}"><text>Đã bổ sung ngày 20/11, xem hồ sơ số 12.</text></threadedComment>` +
      `<threadedComment ref="H7" dT="2025-11-21T07:30:00.00" personId="${P2}" id="{1A2B3C4D-0003-4000-8000-000000000003}" parentId="${T1}" done="1"><text>Đồng ý.</text></threadedComment>` +
      `</ThreadedComments>`,
    CT.threadedComments
  );
  await pkg.relate(anPart, REL.threadedComment, "xl/threadedComments/threadedComment1.xml");
  const threadText =
    "[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits to it will get removed if the file is opened in a newer version of Excel. Learn more: https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    Đề nghị bổ sung biên bản kiểm tra.\nReply:\n    Đã bổ sung ngày 20/11, xem hồ sơ số 12.\nReply:\n    Đồng ý.";
  await addNotes(pkg, anPart, 1, ["tc=" + T1, "Lê Văn Cường"], [
    { ref: "H7", author: 0, text: threadText, uid: T1 },
    { ref: "F8", author: 1, text: "Kiểm tra lại số quyết định.", bold: "Lê Văn Cường:" },
  ]);

  // "Bình Minh": a note by the appraiser.
  await addNotes(pkg, await pkg.sheetPart("Bình Minh"), 2, ["Trần Thị Bình"], [{ ref: "H10", author: 0, text: "Mức 0,75 không có trong thang điểm.", bold: "Trần Thị Bình:" }]);
  return pkg.bytes();
}

async function addNotes(
  pkg: PackageEditor,
  sheetPart: string,
  n: number,
  authors: string[],
  notes: { ref: string; author: number; text: string; bold?: string; uid?: string }[]
): Promise<void> {
  const body = notes
    .map((c) => {
      const uid = c.uid ? ` xr:uid="${c.uid}"` : "";
      const text = c.bold
        ? `<r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr><t>${escapeText(c.bold)}</t></r><r><rPr><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr><t xml:space="preserve">\n${escapeText(c.text)}</t></r>`
        : `<t>${escapeText(c.text)}</t>`;
      return `<comment ref="${c.ref}" authorId="${c.author}" shapeId="0"${uid}><text>${text}</text></comment>`;
    })
    .join("");
  const part = `xl/comments${n}.xml`;
  await pkg.addPart(
    part,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS.main}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="xr" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision">` +
      `<authors>${authors.map((a) => `<author>${escapeText(a)}</author>`).join("")}</authors><commentList>${body}</commentList></comments>`,
    CT.comments
  );
  await pkg.contentType("Default", "vml", CT.vml);
  const vml = `xl/drawings/vmlDrawing${n}.vml`;
  const cells = notes.map((c) => {
    const m = /^([A-Z]+)(\d+)$/.exec(c.ref)!;
    return [Number(m[2]) - 1, m[1].charCodeAt(0) - 65] as [number, number];
  });
  await pkg.addPart(vml, commentsVml(cells, n));
  await pkg.relate(sheetPart, REL.comments, part);
  const vmlRel = await pkg.relate(sheetPart, REL.vmlDrawing, vml);
  addToWorksheet(await pkg.xml(sheetPart), `<legacyDrawing r:id="${vmlRel}"/>`);
}

/**
 * Defined names of every kind people make: constants, OFFSET, LAMBDA, whole columns and rows, two print areas,
 * sheet-local names (the same name on two sheets), and cells that use them.
 */
export async function definedNames(): Promise<Uint8Array> {
  const pkg = await excelSample();
  await pkg.defineName("_xlnm.Print_Area", "'An Bình'!$A$1:$H$58", { localSheetId: 1 });
  await pkg.defineName("_xlnm.Print_Titles", "'An Bình'!$4:$4", { localSheetId: 1 });
  await pkg.defineName("_xlnm.Print_Area", "'Hướng dẫn'!$A$1:$C$12", { localSheetId: 6 });
  await pkg.defineName("CotDiem", "'An Bình'!$C:$C");
  await pkg.defineName("DongTieuDe", "'An Bình'!$4:$4");
  await pkg.defineName("DonViChuTri", '"UBND xã An Bình"');
  await pkg.defineName("GhiChu", "'Bình Minh'!$H$7:$H$12", { localSheetId: 2 });
  await pkg.defineName("GhiChu", "'Cẩm Hà'!$K$7:$K$12", { localSheetId: 3 });
  await pkg.defineName("HeSoThuong", "0.5");
  await pkg.defineName("NhanDoi", "_xlfn.LAMBDA(_xlpm.x,_xlpm.x*2)");
  await pkg.defineName("VungDiem", "OFFSET('An Bình'!$C$7,0,0,COUNTA('An Bình'!$C$7:$C$12),1)");
  const hd = await pkg.sheet("Hướng dẫn");
  // Column C of "An Bình" (maxima, which the tool never writes), as Excel cached it.
  setCell(hd, "A4", `<f>SUM(CotDiem)</f><v>321</v>`);
  setCell(hd, "A5", `<f>HeSoThuong*2</f><v>1</v>`);
  setCell(hd, "A6", `<f>SUM(VungDiem)</f><v>10</v>`);
  setCell(hd, "A7", `<f>COUNTA(DongTieuDe)</f><v>8</v>`);
  setCell(hd, "A8", `<f>DonViChuTri</f><v>UBND xã An Bình</v>`, { t: "str" });
  await writeCalcChain(pkg);
  return pkg.bytes();
}

/** A link to another workbook (xl/externalLinks) and cells reading it as [1]Sheet1!A1. */
export async function externalLink(): Promise<Uint8Array> {
  const pkg = await excelSample();
  const part = "xl/externalLinks/externalLink1.xml";
  await pkg.addPart(
    part,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="${NS.main}" xmlns:r="${NS.rel}"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames>` +
      `<sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>42</v></cell><cell r="B1" t="str"><v>Số liệu quý IV</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`,
    CT.externalLink
  );
  await pkg.relate(part, REL.externalLinkPath, "Nguon%20so%20lieu%202025.xlsx", true);
  const rel = await pkg.relate(await pkg.workbookPart(), REL.externalLink, part);
  addToWorkbook(await pkg.workbook(), `<externalReferences><externalReference r:id="${rel}"/></externalReferences>`);
  await pkg.defineName("SoLieuNgoai", "[1]Sheet1!$A$1");
  const hd = await pkg.sheet("Hướng dẫn");
  setCell(hd, "A4", `<f>[1]Sheet1!A1</f><v>42</v>`);
  setCell(hd, "A5", `<f>[1]Sheet1!B1</f><v>Số liệu quý IV</v>`, { t: "str" });
  setCell(hd, "A6", `<f>SoLieuNgoai*2</f><v>84</v>`);
  await writeCalcChain(pkg);
  return pkg.bytes();
}

/** Dynamic-array formulas (cm="1" + xl/metadata.xml) on a unit sheet and on another sheet. */
export async function dynamicArrays(): Promise<Uint8Array> {
  const pkg = await excelSample();
  await pkg.addPart(
    "xl/metadata.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<metadata xmlns="${NS.main}" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">` +
      `<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>` +
      `<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>` +
      `<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`,
    CT.sheetMetadata
  );
  await pkg.relate(await pkg.workbookPart(), REL.sheetMetadata, "xl/metadata.xml");
  // "An Bình" (unit sheet), column J: twice each maximum, spilled over J7:J12.
  const an = await pkg.sheet("An Bình");
  const maxima = [1, 2.5, 2, 1.5, 1.5, 1.5];
  maxima.forEach((m, i) => setCell(an, `J${7 + i}`, i === 0 ? `<f t="array" ref="J7:J12">C7:C12*2</f><v>${m * 2}</v>` : `<v>${m * 2}</v>`, i === 0 ? { cm: "1" } : {}));
  const hd = await pkg.sheet("Hướng dẫn");
  setCell(hd, "A4", `<f t="array" ref="A4:A6">_xlfn.SEQUENCE(3)</f><v>1</v>`, { cm: "1" });
  setCell(hd, "A5", `<v>2</v>`);
  setCell(hd, "A6", `<v>3</v>`);
  await writeCalcChain(pkg);
  return pkg.bytes();
}

/**
 * Rules kept in Excel's extension lists and rule types ExcelJS drops: a cross-sheet dropdown and a data bar
 * (x14), duplicateValues, uniqueValues and beginsWith, plus a classic validation — all on a unit sheet, away
 * from the score cells the tool validates.
 */
export async function validationsAndFormats(): Promise<Uint8Array> {
  const pkg = await excelSample();
  const hd = await pkg.sheet("Hướng dẫn");
  ["Đủ hồ sơ", "Thiếu hồ sơ", "Đang bổ sung"].forEach((t, i) => setCell(hd, `A${10 + i}`, `<is><t>${t}</t></is>`, { t: "inlineStr" }));
  const red = await pkg.appendStyle("dxfs", `<dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>`);
  const yellow = await pkg.appendStyle("dxfs", `<dxf><font><color rgb="FF9C5700"/></font><fill><patternFill><bgColor rgb="FFFFEB9C"/></patternFill></fill></dxf>`);
  const green = await pkg.appendStyle("dxfs", `<dxf><font><color rgb="FF006100"/></font><fill><patternFill><bgColor rgb="FFC6EFCE"/></patternFill></fill></dxf>`);
  const an = await pkg.sheet("An Bình");
  const barId = "{A1B2C3D4-E5F6-4789-9ABC-DEF012345678}";
  addToWorksheet(an, `<conditionalFormatting sqref="A5:A58"><cfRule type="duplicateValues" dxfId="${red}" priority="4"/></conditionalFormatting>`);
  addToWorksheet(an, `<conditionalFormatting sqref="B5:B58"><cfRule type="uniqueValues" dxfId="${green}" priority="3"/></conditionalFormatting>`);
  addToWorksheet(
    an,
    `<conditionalFormatting sqref="H5:H58"><cfRule type="beginsWith" dxfId="${yellow}" priority="2" operator="beginsWith" text="Thiếu"><formula>LEFT(H5,LEN("Thiếu"))="Thiếu"</formula></cfRule></conditionalFormatting>`
  );
  addToWorksheet(
    an,
    `<conditionalFormatting sqref="C7:C55"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar>` +
      `<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="${X14}"><x14:id>${barId}</x14:id></ext></extLst></cfRule></conditionalFormatting>`
  );
  addToWorksheet(
    an,
    `<dataValidations count="1"><dataValidation type="textLength" operator="lessThanOrEqual" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="Quá dài" error="Tối đa 250 ký tự" promptTitle="Tài liệu" prompt="Số, ký hiệu văn bản" sqref="F7:F12"><formula1>250</formula1></dataValidation></dataValidations>`
  );
  addToWorksheet(
    an,
    `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14}"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="${XM}">` +
      `<x14:cfRule type="dataBar" id="${barId}"><x14:dataBar minLength="0" maxLength="100" border="1" negativeBarBorderColorSameAsPositive="0"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/>` +
      `<x14:borderColor rgb="FF638EC6"/><x14:negativeFillColor rgb="FFFF0000"/><x14:negativeBorderColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule>` +
      `<xm:sqref>C7:C55</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext>` +
      `<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="${X14}"><x14:dataValidations count="1" xmlns:xm="${XM}">` +
      `<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" promptTitle="Tình trạng hồ sơ" prompt="Chọn từ danh sách"><x14:formula1><xm:f>'Hướng dẫn'!$A$10:$A$12</xm:f></x14:formula1>` +
      `<xm:sqref>H7:H12</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>`
  );
  return pkg.bytes();
}

/** Excel's agile password hash (MS-OFFCRYPTO 2.3.7.1 / ISO 29500 sheetProtection): SHA-512, salt, spin count. */
export function passwordHash(password: string, salt: Buffer, spinCount = 100_000): string {
  let h = createHash("sha512").update(Buffer.concat([salt, Buffer.from(password, "utf16le")])).digest();
  const it = Buffer.alloc(4);
  for (let i = 0; i < spinCount; i++) {
    it.writeUInt32LE(i);
    h = createHash("sha512").update(Buffer.concat([h, it])).digest();
  }
  return h.toString("base64");
}

/**
 * Every kind of protection, none of it on a unit sheet (the tool refuses to write to a protected one): a legacy
 * sheet password with protected ranges, a modern hash, LibreOffice's style, workbook-structure protection,
 * "password to modify", and unlocked score cells (cellXfs with protection locked="0").
 */
export async function protection(): Promise<Uint8Array> {
  const pkg = await excelSample();
  const salt1 = Buffer.from("c2FsdC1mb3Itc2hlZXQtMQ==", "base64");
  const salt2 = Buffer.from("c2FsdC1mb3Itd29ya2Jvb2s=", "base64");
  const salt3 = Buffer.from("c2FsdC1mb3ItbW9kaWZ5IQ==", "base64");
  const hd = await pkg.sheet("Hướng dẫn");
  addToWorksheet(hd, `<sheetProtection password="CC3D" sheet="1" objects="1" scenarios="1" formatColumns="0"/>`);
  addToWorksheet(hd, `<protectedRanges><protectedRange password="83AF" sqref="A10:A12" name="VungNhapLieu"/></protectedRanges>`);
  const criteria = await pkg.sheet("Bộ tiêu chí");
  addToWorksheet(
    criteria,
    `<sheetProtection algorithmName="SHA-512" hashValue="${passwordHash("bo-tieu-chi", salt1)}" saltValue="${salt1.toString("base64")}" spinCount="100000" sheet="1" objects="1" scenarios="1" selectLockedCells="1"/>`
  );
  await pkg.addSheet(
    "Nhật ký",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}"><sheetPr filterMode="false"><pageSetUpPr fitToPage="false"/></sheetPr><dimension ref="A1:B2"/>` +
      `<sheetViews><sheetView showFormulas="false" showGridLines="true" showRowColHeaders="true" showZeros="true" rightToLeft="false" tabSelected="false" showOutlineSymbols="true" defaultGridColor="true" view="normal" topLeftCell="A1" colorId="64" zoomScale="100" zoomScaleNormal="100" zoomScalePageLayoutView="100" workbookViewId="0"/></sheetViews>` +
      `<sheetFormatPr defaultColWidth="11.53515625" defaultRowHeight="12.8" zeroHeight="false" outlineLevelRow="0" outlineLevelCol="0"/>` +
      `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Ngày</t></is></c><c r="B1" t="inlineStr"><is><t>Việc</t></is></c></row><row r="2"><c r="A2"><v>45981</v></c><c r="B2" t="inlineStr"><is><t>Gửi hồ sơ thẩm định</t></is></c></row></sheetData>` +
      `<sheetProtection sheet="true" password="cc3d" objects="true" scenarios="true" formatCells="false" formatColumns="false" formatRows="false" insertColumns="false" insertRows="false" insertHyperlinks="false" deleteColumns="false" deleteRows="false" selectLockedCells="false" sort="false" autoFilter="false" pivotTables="false" selectUnlockedCells="false"/>` +
      `<printOptions headings="false" gridLines="false" gridLinesSet="true" horizontalCentered="false" verticalCentered="false"/><pageMargins left="0.7875" right="0.7875" top="1.05277777777778" bottom="1.05277777777778" header="0.7875" footer="0.7875"/></worksheet>`
  );
  const wb = await pkg.workbook();
  addToWorkbook(
    wb,
    `<fileSharing readOnlyRecommended="1" userName="Nguyễn Văn An" algorithmName="SHA-512" hashValue="${passwordHash("sua-file", salt3)}" saltValue="${salt3.toString("base64")}" spinCount="100000"/>`
  );
  addToWorkbook(
    wb,
    `<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="${passwordHash("cau-truc", salt2)}" workbookSaltValue="${salt2.toString("base64")}" workbookSpinCount="100000" lockStructure="1"/>`
  );
  const unlocked = await pkg.appendStyle("cellXfs", `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyProtection="1"><protection locked="0"/></xf>`);
  const an = await pkg.sheet("An Bình");
  for (const r of [5, 6, 7, 8, 9, 10, 11, 12]) for (const c of ["E", "G"]) styleCell(an, `${c}${r}`, unlocked);
  return pkg.bytes();
}

/**
 * The rest of what Excel keeps: custom document properties, a custom XML part, an add-in (web extension) part,
 * custom views, ignored errors, a table with a calculated column, manual calculation with iteration, and page
 * breaks on a unit sheet.
 */
export async function partsAndSettings(): Promise<Uint8Array> {
  const pkg = await excelSample();
  await pkg.addPart(
    "docProps/custom.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
      `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Phòng ban"><vt:lpwstr>Văn phòng HĐND-UBND</vt:lpwstr></property>` +
      `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Năm đánh giá"><vt:i4>2025</vt:i4></property>` +
      `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="4" name="MSIP_Label_Mat_Enabled"><vt:lpwstr>true</vt:lpwstr></property></Properties>`,
    CT.customProperties
  );
  await pkg.relate("", REL.customProperties, "docProps/custom.xml");

  await pkg.addPart("customXml/item1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="no"?><HoSo xmlns="urn:ubnd:hoso:2025"><SoHieu>12/BC-UBND</SoHieu><NguoiKy>Nguyễn Văn An</NguoiKy></HoSo>`);
  await pkg.addPart(
    "customXml/itemProps1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{3F2504E0-4F89-41D3-9A0C-0305E82C3301}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="urn:ubnd:hoso:2025"/></ds:schemaRefs></ds:datastoreItem>`,
    CT.customXmlProps
  );
  await pkg.relate("customXml/item1.xml", REL.customXmlProps, "customXml/itemProps1.xml");
  await pkg.relate(await pkg.workbookPart(), REL.customXml, "customXml/item1.xml");

  await pkg.addPart(
    "xl/webextensions/webextension1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{52811C31-4593-43B8-A697-EB873422D156}">` +
      `<we:reference id="wa200005502" version="1.0.0.0" store="vi-VN" storeType="OMEX"/><we:alternateReferences/><we:properties><we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/></we:properties>` +
      `<we:bindings/><we:snapshot xmlns:r="${NS.rel}"/></we:webextension>`,
    CT.webExtension
  );
  await pkg.addPart(
    "xl/webextensions/taskpanes.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"><wetp:taskpane dockstate="right" visibility="1" width="350" row="4">` +
      `<wetp:webextensionref xmlns:r="${NS.rel}" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`,
    CT.webExtensionTaskpanes
  );
  await pkg.relate("xl/webextensions/taskpanes.xml", REL.webExtension, "xl/webextensions/webextension1.xml");
  await pkg.relate("", REL.webExtensionTaskpanes, "xl/webextensions/taskpanes.xml");

  const view = "{9D8A1B2C-3E4F-4A5B-8C6D-7E8F9A0B1C2D}";
  const wb = await pkg.workbook();
  addToWorkbook(
    wb,
    `<customWorkbookViews><customWorkbookView name="In cho lãnh đạo" guid="${view}" maximized="1" xWindow="-8" yWindow="-8" windowWidth="1936" windowHeight="1056" activeSheetId="2"/></customWorkbookViews>`
  );
  const calc = child(wb.documentElement!, "calcPr")!;
  for (const [k, v] of Object.entries({ calcMode: "manual", iterate: "1", iterateCount: "50", iterateDelta: "0.0001", calcOnSave: "0" })) calc.setAttribute(k, v);

  const an = await pkg.sheet("An Bình");
  addToWorksheet(
    an,
    `<customSheetViews><customSheetView guid="${view}" scale="85" showPageBreaks="1" fitToPage="1" view="pageBreakPreview" topLeftCell="A4"><selection activeCell="E7" sqref="E7"/>` +
      `<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/></customSheetView></customSheetViews>`
  );
  addToWorksheet(an, `<rowBreaks count="2" manualBreakCount="2"><brk id="29" max="16383" man="1"/><brk id="44" max="16383" man="1"/></rowBreaks>`);
  addToWorksheet(an, `<colBreaks count="1" manualBreakCount="1"><brk id="6" max="1048575" man="1"/></colBreaks>`);
  addToWorksheet(an, `<ignoredErrors><ignoredError sqref="A5:A58" numberStoredAsText="1"/></ignoredErrors>`);

  // A table with a calculated column, on its own sheet.
  const rows = [
    ["Lĩnh vực 1", 10, 9.5],
    ["Lĩnh vực 2", 7, 7],
    ["Lĩnh vực 3", 18, 16],
  ] as const;
  const cells =
    `<row r="1"><c r="A1" t="inlineStr"><is><t>Lĩnh vực</t></is></c><c r="B1" t="inlineStr"><is><t>Tối đa</t></is></c><c r="C1" t="inlineStr"><is><t>Đạt</t></is></c><c r="D1" t="inlineStr"><is><t>Tỷ lệ</t></is></c></row>` +
    rows
      .map(
        (r, i) =>
          `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>${r[0]}</t></is></c><c r="B${i + 2}"><v>${r[1]}</v></c><c r="C${i + 2}"><v>${r[2]}</v></c>` +
          `<c r="D${i + 2}"><f>Bang_TienDo[[#This Row],[Đạt]]/Bang_TienDo[[#This Row],[Tối đa]]</f><v>${r[2] / r[1]}</v></c></row>`
      )
      .join("");
  const tdPart = await pkg.addSheet(
    "Tiến độ",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}"><dimension ref="A1:D4"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
      `<sheetData>${cells}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`
  );
  await pkg.addPart(
    "xl/tables/table1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${NS.main}" id="1" name="Bang_TienDo" displayName="Bang_TienDo" ref="A1:D4" totalsRowShown="0"><autoFilter ref="A1:D4"/>` +
      `<tableColumns count="4"><tableColumn id="1" name="Lĩnh vực"/><tableColumn id="2" name="Tối đa"/><tableColumn id="3" name="Đạt"/>` +
      `<tableColumn id="4" name="Tỷ lệ" dataDxfId="0"><calculatedColumnFormula>Bang_TienDo[[#This Row],[Đạt]]/Bang_TienDo[[#This Row],[Tối đa]]</calculatedColumnFormula></tableColumn></tableColumns>` +
      `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
    CT.table
  );
  await pkg.appendStyle("dxfs", `<dxf><numFmt numFmtId="164" formatCode="0.0%"/></dxf>`);
  await pkg.relate(tdPart, REL.table, "xl/tables/table1.xml");
  await writeCalcChain(pkg);
  return pkg.bytes();
}

/** An .xlsm: macros (xl/vbaProject.bin), the macro-enabled content type, code names on the sheets. */
export async function macroWorkbook(): Promise<Uint8Array> {
  const pkg = await excelSample();
  const vba = Buffer.alloc(4096);
  for (let i = 0; i < vba.length; i++) vba[i] = (i * 7919 + 13) & 0xff;
  Buffer.from("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "latin1").copy(vba, 0); // a compound-file signature, as real ones start
  await pkg.addPart("xl/vbaProject.bin", vba);
  await pkg.contentType("Default", "bin", CT.vbaProject);
  const wbPart = await pkg.workbookPart();
  await pkg.contentType("Override", wbPart, CT.xlsmMain);
  await pkg.relate(wbPart, REL.vbaProject, "xl/vbaProject.bin");
  const wb = await pkg.workbook();
  child(wb.documentElement!, "workbookPr")!.setAttribute("codeName", "ThisWorkbook");
  let n = 1;
  for (const name of ["Bộ tiêu chí", "An Bình", "Bình Minh", "Cẩm Hà", "Đông Sơn", "Hòa Lạc", "Hướng dẫn"]) {
    const doc = await pkg.sheet(name);
    addToWorksheet(doc, `<sheetPr codeName="Sheet${n++}"/>`);
  }
  return pkg.bytes();
}

/** An .xltx: the template content type. */
export async function templateWorkbook(): Promise<Uint8Array> {
  const pkg = await excelSample();
  await pkg.contentType("Override", await pkg.workbookPart(), CT.xltxMain);
  return pkg.bytes();
}

/**
 * Formulas the tool must not break: on "An Bình" the appraised column G5:G51 is one shared formula (=E5, the
 * appraiser accepting the self-score) anchored on the field-1 row G5, which the tool overwrites with a subtotal;
 * on "Hòa Lạc" the self-scores E13:E18 are one legacy array formula (=C13:C18) whose first cell is the field-2
 * row the tool overwrites.
 */
export async function sharedFormulas(): Promise<Uint8Array> {
  const pkg = await excelSample();
  const an = await pkg.sheet("An Bình");
  const values = columnValues(an, "E");
  for (let r = 5; r <= 51; r++) {
    const cached = values.get(r) ?? 0;
    setCell(an, `G${r}`, r === 5 ? `<f t="shared" ref="G5:G51" si="0">E5</f><v>${cached}</v>` : `<f t="shared" si="0"/><v>${cached}</v>`);
  }
  const hl = await pkg.sheet("Hòa Lạc");
  const maxima = columnValues(hl, "C");
  for (let r = 13; r <= 18; r++) setCell(hl, `E${r}`, r === 13 ? `<f t="array" ref="E13:E18">C13:C18</f><v>${maxima.get(r)}</v>` : `<v>${maxima.get(r)}</v>`);
  await writeCalcChain(pkg);
  return pkg.bytes();
}

/** Numeric cached values of one column (no t attribute), by row. */
function columnValues(doc: Document, col: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const row of elementChildren(child(doc.documentElement!, "sheetData")!))
    for (const c of elementChildren(row)) {
      const ref = c.getAttribute("r") ?? "";
      if (ref.replace(/\d+$/, "") !== col || c.getAttribute("t")) continue;
      const v = child(c, "v")?.textContent;
      if (v) out.set(Number(ref.replace(/^[A-Z]+/, "")), Number(v));
    }
  return out;
}
