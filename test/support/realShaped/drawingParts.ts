import * as zlib from "zlib";
import { escapeAttr, escapeText } from "./packageEdit";

/**
 * Brand-new DrawingML / VML parts as Excel writes them (charts, drawings with a chart, a text box and a picture,
 * header/footer images, comment shapes). Templates only: these are parts the builders add, never edits of
 * existing XML.
 */

const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A small valid PNG of one colour (width × height, RGB): each image part of the corpus differs by its colour. */
export function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rows.set(rgb, y * (width * 3 + 1) + 1 + x * 3);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", zlib.deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

export interface Series {
  title: string;
  /** Category and value ranges as formulas ('An Bình'!$A$7:$A$12). */
  cat: string;
  val: string;
  cats: string[];
  vals: (number | null)[];
}

export function chartXml(kind: "bar" | "pie" | "line", title: string, s: Series): string {
  const strCache = `<c:strCache><c:ptCount val="${s.cats.length}"/>${s.cats.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeText(v)}</c:v></c:pt>`).join("")}</c:strCache>`;
  const numCache =
    `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${s.vals.length}"/>` +
    s.vals.map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join("") +
    `</c:numCache>`;
  const ser =
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${escapeText(s.title)}</c:v></c:tx>` +
    `<c:cat><c:strRef><c:f>${escapeText(s.cat)}</c:f>${strCache}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeText(s.val)}</c:f>${numCache}</c:numRef></c:val></c:ser>`;
  const axes =
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  const plot =
    kind === "pie"
      ? `<c:pieChart><c:varyColors val="1"/>${ser}<c:firstSliceAng val="0"/></c:pieChart>`
      : kind === "line"
        ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${ser}<c:marker val="1"/><c:axId val="500000001"/><c:axId val="500000002"/></c:lineChart>${axes}`
        : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${ser}<c:gapWidth val="150"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>${axes}`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${R}"><c:date1904 val="0"/><c:lang val="vi-VN"/><c:roundedCorners val="0"/>` +
    `<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${escapeText(title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea><c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart><c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup/></c:printSettings></c:chartSpace>`
  );
}

export interface Anchor {
  from: [col: number, row: number];
  to: [col: number, row: number];
}

const anchorOpen = (a: Anchor, editAs = "oneCell") =>
  `<xdr:twoCellAnchor editAs="${editAs}"><xdr:from><xdr:col>${a.from[0]}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.from[1]}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
  `<xdr:to><xdr:col>${a.to[0]}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.to[1]}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>`;

export function chartFrame(id: number, name: string, rId: string): string {
  return (
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${escapeAttr(name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" r:id="${rId}"/></a:graphicData></a:graphic></xdr:graphicFrame>`
  );
}

export type DrawingItem =
  | { kind: "chart"; anchor: Anchor; rId: string; name: string }
  | { kind: "textbox"; anchor: Anchor; text: string; name: string }
  | { kind: "picture"; anchor: Anchor; rId: string; name: string; descr: string };

export function drawingXml(items: DrawingItem[]): string {
  const body = items
    .map((it, i) => {
      const id = i + 2;
      if (it.kind === "chart") return `${anchorOpen(it.anchor)}${chartFrame(id, it.name, it.rId)}<xdr:clientData/></xdr:twoCellAnchor>`;
      if (it.kind === "textbox")
        return (
          `${anchorOpen(it.anchor, "absolute")}<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="${id}" name="${escapeAttr(it.name)}"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr>` +
          `<xdr:spPr><a:xfrm><a:off x="5000000" y="3000000"/><a:ext cx="3000000" cy="900000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>` +
          `<a:solidFill><a:schemeClr val="lt1"/></a:solidFill><a:ln w="9525" cmpd="sng"><a:solidFill><a:schemeClr val="lt1"><a:shade val="50000"/></a:schemeClr></a:solidFill></a:ln></xdr:spPr>` +
          `<xdr:style><a:lnRef idx="0"><a:scrgbClr r="0" g="0" b="0"/></a:lnRef><a:fillRef idx="0"><a:scrgbClr r="0" g="0" b="0"/></a:fillRef><a:effectRef idx="0"><a:scrgbClr r="0" g="0" b="0"/></a:effectRef><a:fontRef idx="minor"><a:schemeClr val="dk1"/></a:fontRef></xdr:style>` +
          `<xdr:txBody><a:bodyPr vertOverflow="clip" horzOverflow="clip" wrap="square" rtlCol="0" anchor="t"/><a:lstStyle/><a:p><a:r><a:rPr lang="vi-VN" sz="1100"/><a:t>${escapeText(it.text)}</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>`
        );
      return (
        `${anchorOpen(it.anchor)}<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${id}" name="${escapeAttr(it.name)}" descr="${escapeAttr(it.descr)}"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
        `<xdr:blipFill><a:blip r:embed="${it.rId}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
        `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}" xmlns:r="${R}">${body}</xdr:wsDr>`;
}

/** The drawing of a chartsheet: one chart filling the page. */
export function chartsheetDrawingXml(rId: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}" xmlns:r="${R}">` +
    `<xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="8667750" cy="6305550"/>${chartFrame(2, "Biểu đồ tổng hợp", rId)}<xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>`
  );
}

const VML_HEAD =
  `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">`;

/** Excel's legacy comment shapes: one note box per cell ([row, col], 0-based). */
export function commentsVml(cells: [row: number, col: number][], idmap: number): string {
  const shapes = cells
    .map(
      ([row, col], i) =>
        `<v:shape id="_x0000_s${idmap * 1024 + 1 + i}" type="#_x0000_t202" style="position:absolute;margin-left:405pt;margin-top:${10 + row * 15}pt;width:108pt;height:59.25pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${row}, 10, ${col + 3}, 15, ${row + 4}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
    )
    .join("");
  return (
    `${VML_HEAD}<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idmap}"/></o:shapelayout>` +
    `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>${shapes}</xml>`
  );
}

/** A header/footer picture (&G in the left header): the VML Excel writes for it. */
export function headerFooterVml(rId: string, title: string): string {
  return (
    `${VML_HEAD}<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="7"/></o:shapelayout>` +
    `<v:shapetype id="_x0000_t75" coordsize="21600,21600" o:spt="75" o:preferrelative="t" path="m@4@5l@4@11@9@11@9@5xe" filled="f" stroked="f"><v:stroke joinstyle="miter"/>` +
    `<v:formulas><v:f eqn="if lineDrawn pixelLineWidth 0"/><v:f eqn="sum @0 1 0"/><v:f eqn="sum 0 0 @1"/><v:f eqn="prod @2 1 2"/><v:f eqn="prod @3 21600 pixelWidth"/><v:f eqn="prod @3 21600 pixelHeight"/><v:f eqn="sum @0 0 1"/><v:f eqn="prod @6 1 2"/><v:f eqn="prod @7 21600 pixelWidth"/><v:f eqn="sum @8 21600 0"/><v:f eqn="prod @7 21600 pixelHeight"/><v:f eqn="sum @10 21600 0"/></v:formulas>` +
    `<v:path o:extrusionok="f" gradientshapeok="t" o:connecttype="rect"/><o:lock v:ext="edit" aspectratio="t"/></v:shapetype>` +
    `<v:shape id="LH" o:spid="_x0000_s7169" type="#_x0000_t75" style="position:absolute;margin-left:0;margin-top:0;width:36pt;height:36pt;z-index:1"><v:imagedata o:relid="${rId}" o:title="${escapeAttr(title)}"/><o:lock v:ext="edit" rotation="t"/></v:shape></xml>`
  );
}
