import { Document } from "@xmldom/xmldom";
import JSZip from "jszip";
import { encodeSnapshot, Snapshot, SNAPSHOT_FORMAT } from "../../src/core/snapshot/snapshot";
import { comparePackages, describeReport, elementChildren, Parts, readParts } from "../support/packageDiff";
import { chartsAndDrawings, sharedFormulas, validationsAndFormats } from "../support/realShaped/excelMade";
import { problemsAfterRevert, problemsAfterScore } from "../support/realShaped/nothingLost";
import { addToWorkbook, addToWorksheet, child, escapeText, PackageEditor, setCell } from "../support/realShaped/packageEdit";
import { NS, snapshotIn } from "../support/realShaped/packageRead";

/**
 * The comparer and the rules of test/support/realShaped must be able to fail — and to pass: tiny hand-made
 * packages (identical, one attribute changed, one part lost, one element moved), and a hand-patched "score"
 * that does exactly what issue 10 allows, then spoiled in one way at a time.
 */

const CT_XML =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
  `<Default Extension="png" ContentType="image/png"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
const WB_XML =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}"><sheets><sheet name="A" sheetId="1" r:id="rId1"/>` +
  `<sheet name="B" sheetId="2" state="hidden" r:id="rId2"/></sheets><definedNames><definedName name="X">A!$A$1</definedName></definedNames><calcPr calcId="191029"/></workbook>`;

async function tiny(edit: (files: Record<string, string | Uint8Array>) => void = () => undefined): Promise<Uint8Array> {
  const files: Record<string, string | Uint8Array> = {
    "[Content_Types].xml": CT_XML,
    "xl/workbook.xml": WB_XML,
    "xl/media/image1.png": new Uint8Array([137, 80, 78, 71, 1, 2, 3]),
  };
  edit(files);
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: "uint8array" });
}

describe("comparePackages on tiny packages", () => {
  it("finds nothing between a package and its copy (compressed differently)", async () => {
    const a = await tiny();
    const zip = await JSZip.loadAsync(a);
    const b = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const r = await comparePackages(a, b);
    expect(describeReport(r)).toEqual([]);
    expect(r.same.sort()).toEqual(["[Content_Types].xml", "xl/media/image1.png", "xl/workbook.xml"]);
  });

  it("names the element and the attribute that changed", async () => {
    const b = await tiny((f) => (f["xl/workbook.xml"] = WB_XML.replace('state="hidden"', 'state="visible"')));
    const r = await comparePackages(await tiny(), b);
    expect(r.changed).toEqual(["xl/workbook.xml"]);
    expect(describeReport(r)).toEqual(['xl/workbook.xml: attribute /workbook/sheets/sheet[@name="B"] — @state: "hidden" → "visible"']);
  });

  it("names a lost part and its content type", async () => {
    const b = await tiny((f) => {
      delete f["xl/media/image1.png"];
      f["[Content_Types].xml"] = CT_XML.replace('<Default Extension="png" ContentType="image/png"/>', "");
    });
    const r = await comparePackages(await tiny(), b);
    expect(r.removed).toEqual(["xl/media/image1.png"]);
    expect(r.contentTypes).toEqual([{ key: "Default png", before: "image/png", after: undefined }]);
    expect(describeReport(r)).toContain("part lost: xl/media/image1.png");
  });

  it("tells a moved element from a lost one, and a changed text", async () => {
    const moved = WB_XML.replace('<sheet name="A" sheetId="1" r:id="rId1"/><sheet name="B" sheetId="2" state="hidden" r:id="rId2"/>', '<sheet name="B" sheetId="2" state="hidden" r:id="rId2"/><sheet name="A" sheetId="1" r:id="rId1"/>');
    const r1 = await comparePackages(await tiny(), await tiny((f) => (f["xl/workbook.xml"] = moved)));
    expect(describeReport(r1)).toEqual(['xl/workbook.xml: moved /workbook/sheets/sheet[@name="A"] — same element, another position among its siblings']);
    const r2 = await comparePackages(await tiny(), await tiny((f) => (f["xl/workbook.xml"] = WB_XML.replace("A!$A$1", "A!$A$2"))));
    expect(describeReport(r2)).toEqual(['xl/workbook.xml: text /workbook/definedNames/definedName[@name="X"] — "A!$A$1" → "A!$A$2"']);
    const r3 = await comparePackages(await tiny(), await tiny((f) => (f["xl/workbook.xml"] = WB_XML.replace('<calcPr calcId="191029"/>', ""))));
    expect(describeReport(r3)).toEqual(['xl/workbook.xml: missing /workbook/calcPr — <calcPr calcId="191029">']);
  });

  it("ignores the order of attributes; reports a renamed namespace prefix only as its declaration", async () => {
    const reordered = WB_XML.replace('<sheet name="A" sheetId="1" r:id="rId1"/>', '<sheet r:id="rId1" sheetId="1" name="A"/>');
    expect(describeReport(await comparePackages(await tiny(), await tiny((f) => (f["xl/workbook.xml"] = reordered))))).toEqual([]);
    const renamed = WB_XML.replace(/xmlns:r=/, "xmlns:rel=").replace(/r:id=/g, "rel:id=");
    // A lost prefix declaration can break mc:Ignorable, so it is reported; the elements using it are the same.
    expect(describeReport(await comparePackages(await tiny(), await tiny((f) => (f["xl/workbook.xml"] = renamed))))).toEqual([
      `xl/workbook.xml: attribute /workbook — @xmlns:r lost (was "${NS.rel}")`,
      `xl/workbook.xml: attribute /workbook — @xmlns:rel added ("${NS.rel}")`,
    ]);
  });
});

const UNITS = ["An Bình", "Bình Minh", "Cẩm Hà", "Đông Sơn", "Hòa Lạc"];
const RULE = "AND(LEN(TRIM($F7))=0,$E7>0)";

/**
 * What a patching writer does to the "charts and drawings" workbook: a subtotal formula in An Bình!E5 (and the
 * existing cell E18 unchanged), its own rule and validation, a style appended, a summary and an undo sheet, a
 * hidden marker name, fullCalcOnLoad — nothing else.
 */
async function patchedLikeAGoodWriter(original: Uint8Array): Promise<Uint8Array> {
  const pkg = await PackageEditor.open(original);
  const an = await pkg.sheet("An Bình");
  setCell(an, "E5", `<f>SUM(E6,E13)</f>`);
  const dxf = await pkg.appendStyle("dxfs", `<dxf><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>`);
  addToWorksheet(an, `<conditionalFormatting sqref="F7:F12"><cfRule type="expression" dxfId="${dxf}" priority="1"><formula>${escapeText(RULE)}</formula></cfRule></conditionalFormatting>`);
  addToWorksheet(an, `<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="E7:E12"><formula1>_cchc.list.1</formula1></dataValidation></dataValidations>`);
  await pkg.addSheet(
    "Tổng hợp",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>TỔNG HỢP</t></is></c></row></sheetData></worksheet>`
  );
  const snapshot: Snapshot = {
    format: SNAPSHOT_FORMAT,
    createdAt: "2026-12-02T00:00:00.000Z",
    cells: [{ sheet: "An Bình", col: 5, top: 5, cells: [""] }],
    addedSheets: ["Tổng hợp"],
    replacedSheets: [],
    addedFormats: [{ sheet: "An Bình", formula: RULE }],
    deletedFormats: [],
    validations: [{ sheet: "An Bình", ranges: ["E7:E12"] }],
  };
  const rows = encodeSnapshot(snapshot)
    .map((t, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${escapeText(t)}</t></is></c></row>`)
    .join("");
  await pkg.addSheet("cchc_hoan_tac", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}"><sheetData>${rows}</sheetData></worksheet>`, { state: "veryHidden" });
  await pkg.defineName("_cchc.sheet.summary", "'Tổng hợp'!$A$1", { hidden: true });
  const wb = await pkg.workbook();
  child(wb.documentElement!, "calcPr")!.setAttribute("fullCalcOnLoad", "1");
  return pkg.bytes();
}

/** [ref, cached value] of a worksheet document's cells. */
function sheetCellsOf(doc: Document): [string, string][] {
  const out: [string, string][] = [];
  for (const row of elementChildren(child(doc.documentElement!, "sheetData")!))
    for (const c of elementChildren(row)) out.push([c.getAttribute("r") ?? "", child(c, "v")?.textContent ?? ""]);
  return out;
}

async function edited(bytes: Uint8Array, edit: (parts: Parts) => void | Promise<void>): Promise<Parts> {
  const parts = await readParts(bytes);
  await edit(parts);
  return parts;
}

describe("the rules of 'nothing lost' on a hand-patched score", () => {
  let original: Uint8Array;
  let good: Uint8Array;
  beforeAll(async () => {
    original = await chartsAndDrawings();
    good = await patchedLikeAGoodWriter(original);
  });

  it("a writer that changes only what it owns passes", async () => {
    expect(snapshotIn(await readParts(good))?.snapshot.cells).toHaveLength(1);
    const outcome = await problemsAfterScore(await readParts(original), await readParts(good), UNITS);
    expect(outcome.problems).toEqual([]);
    expect(outcome.addedSheets.map((s) => s.name)).toEqual(["Tổng hợp", "cchc_hoan_tac"]);
    expect([...outcome.changedCells.get("An Bình")!]).toEqual(["E5"]);
  });

  it("a lost chart is named", async () => {
    const spoiled = await edited(good, (p) => void p.delete("xl/charts/chart1.xml"));
    expect((await problemsAfterScore(await readParts(original), spoiled, UNITS)).problems).toEqual(["part lost: xl/charts/chart1.xml"]);
  });

  it("a cell the run did not write, changed, is named", async () => {
    const pkg = await PackageEditor.open(good);
    setCell(await pkg.sheet("An Bình"), "C7", `<v>2</v>`);
    const problems = (await problemsAfterScore(await readParts(original), await readParts(await pkg.bytes()), UNITS)).problems;
    expect(problems).toEqual([`xl/worksheets/sheet2.xml ("An Bình"): text /worksheet/sheetData/row[@r="7"]/c[@r="C7"]/v — "1" → "2"`]);
  });

  it("sparklines lost from a unit sheet the run did not write are named", async () => {
    const pkg = await PackageEditor.open(good);
    const bm = await pkg.sheet("Bình Minh");
    bm.documentElement!.removeChild(child(bm.documentElement!, "extLst")!);
    const problems = (await problemsAfterScore(await readParts(original), await readParts(await pkg.bytes()), UNITS)).problems;
    expect(problems).toEqual([`sheet "Bình Minh" (xl/worksheets/sheet3.xml) is not byte-identical: missing /worksheet/extLst — <extLst> with 1 child element`]);
  });

  it("a rule the tool does not own, or a user's rule lost, is named", async () => {
    const source = await validationsAndFormats();
    const patched = await patchedLikeAGoodWriter(source);
    expect((await problemsAfterScore(await readParts(source), await readParts(patched), UNITS)).problems).toEqual([]);
    const pkg = await PackageEditor.open(patched);
    const an = await pkg.sheet("An Bình");
    const dup = elementChildren(an.documentElement!).find((e) => e.localName === "conditionalFormatting" && e.getAttribute("sqref") === "A5:A58")!;
    an.documentElement!.removeChild(dup);
    addToWorksheet(an, `<conditionalFormatting sqref="B7"><cfRule type="expression" dxfId="0" priority="9"><formula>B7&gt;1</formula></cfRule></conditionalFormatting>`);
    const problems = (await problemsAfterScore(await readParts(source), await readParts(await pkg.bytes()), UNITS)).problems;
    expect(problems).toEqual([
      `xl/worksheets/sheet2.xml ("An Bình"): missing /worksheet/conditionalFormatting[@sqref="A5:A58"] — <conditionalFormatting sqref="A5:A58"> with 1 child element: duplicateValues rule`,
      `xl/worksheets/sheet2.xml ("An Bình"): added /worksheet/conditionalFormatting[@sqref="B7"] — not the tool's: expression rule "B7>1"`,
    ]);
  });

  it("a shared formula broken by a written anchor may be handed to its cells, not replaced by constants", async () => {
    const source = await sharedFormulas();
    const pkg = await PackageEditor.open(await patchedLikeAGoodWriter(source));
    const an = await pkg.sheet("An Bình");
    // G5, the group's anchor, is written; G6:G51 get their own formulas, keeping their cached values.
    setCell(an, "G5", `<f>SUM(G6,G13)</f>`);
    const cached = new Map(sheetCellsOf(an).map(([ref, v]) => [ref, v]));
    for (let r = 6; r <= 51; r++) setCell(an, `G${r}`, `<f>E${r}</f><v>${cached.get(`G${r}`) ?? 0}</v>`);
    const undo = await pkg.sheet("cchc_hoan_tac");
    const snapshot = snapshotIn(await readParts(await pkg.bytes()))!.snapshot;
    snapshot.cells.push({ sheet: "An Bình", col: 7, top: 5, cells: [{ f: "E5" }] });
    encodeSnapshot(snapshot).forEach((t, i) => setCell(undo, `A${i + 1}`, `<is><t>${escapeText(t)}</t></is>`, { t: "inlineStr" }));
    const good = await pkg.bytes();
    expect((await problemsAfterScore(await readParts(source), await readParts(good), UNITS)).problems).toEqual([]);
    const spoiled = await PackageEditor.open(good);
    setCell(await spoiled.sheet("An Bình"), "G8", `<v>2.5</v>`);
    expect((await problemsAfterScore(await readParts(source), await readParts(await spoiled.bytes()), UNITS)).problems).toEqual([
      `xl/worksheets/sheet2.xml ("An Bình"): text /worksheet/sheetData/row[@r="8"]/c[@r="G8"] — formula (shared formula 0) → (none): the cell no longer computes`,
    ]);
    // Today's mistake: the run's subtotal becomes the anchor the other cells shift and copy.
    const shifted = await PackageEditor.open(await patchedLikeAGoodWriter(source));
    setCell(await shifted.sheet("An Bình"), "G5", `<f t="shared" ref="G5:G51" si="0">SUM(G6,G13)</f>`);
    const undo2 = await shifted.sheet("cchc_hoan_tac");
    encodeSnapshot(snapshot).forEach((t, i) => setCell(undo2, `A${i + 1}`, `<is><t>${escapeText(t)}</t></is>`, { t: "inlineStr" }));
    expect((await problemsAfterScore(await readParts(source), await readParts(await shifted.bytes()), UNITS)).problems).toEqual([
      `xl/worksheets/sheet2.xml ("An Bình"): text /worksheet/sheetData/row[@r="5"]/c[@r="G5"]/f — the run's formula is the shared formula of 46 cells it did not write (G6, G7, G8, G9, …)`,
    ]);
  });

  it("workbook settings are named: a calcPr attribute lost, an element added", async () => {
    const pkg = await PackageEditor.open(good);
    const wb = await pkg.workbook();
    child(wb.documentElement!, "calcPr")!.removeAttribute("calcId");
    addToWorkbook(wb, `<fileRecoveryPr repairLoad="1"/>`);
    const problems = (await problemsAfterScore(await readParts(original), await readParts(await pkg.bytes()), UNITS)).problems;
    expect(problems).toEqual([`xl/workbook.xml: attribute /workbook/calcPr — @calcId lost (was "171027")`, `xl/workbook.xml: added /workbook/fileRecoveryPr — <fileRecoveryPr repairLoad="1">`]);
  });
});

describe("the rules of 'revert gives back the original'", () => {
  let original: Uint8Array;
  beforeAll(async () => {
    original = await chartsAndDrawings();
  });

  /**
   * What a good revert leaves: the original, with fullCalcOnLoad, an appended (now unused) style, and the app
   * properties written anew (same elements, other bytes: a line break between them).
   */
  async function revertedLikeAGoodWriter(): Promise<PackageEditor> {
    const pkg = await PackageEditor.open(original);
    const app = (await pkg.xml("docProps/app.xml")).documentElement!;
    for (const el of elementChildren(app)) app.insertBefore(app.ownerDocument!.createTextNode("\n"), el);
    child((await pkg.workbook()).documentElement!, "calcPr")!.setAttribute("fullCalcOnLoad", "1");
    await pkg.appendStyle("cellXfs", `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyFont="1"/>`);
    return pkg;
  }

  it("passes when only the bookkeeping allowances differ", async () => {
    const pkg = await revertedLikeAGoodWriter();
    const back = await readParts(await pkg.bytes());
    const before = await readParts(original);
    expect(Buffer.compare(Buffer.from(before.get("docProps/app.xml")!), Buffer.from(back.get("docProps/app.xml")!))).not.toBe(0);
    expect(await problemsAfterRevert(before, back, UNITS)).toEqual([]);
  });

  it("names what a revert leaves behind: a marker name, the tool's sheet, a restored cell holding something else", async () => {
    const pkg = await revertedLikeAGoodWriter();
    await pkg.defineName("_cchc.sheet.summary", "'Tổng hợp'!$A$1", { hidden: true });
    await pkg.addSheet("Tổng hợp", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}"><sheetData/></worksheet>`);
    setCell(await pkg.sheet("An Bình"), "E5", `<f>SUM(E6,E13)</f>`);
    const problems = await problemsAfterRevert(await readParts(original), await readParts(await pkg.bytes()), UNITS);
    expect(problems).toEqual([
      `sheet "Tổng hợp" (xl/worksheets/sheet8.xml) is left behind`,
      "part left behind: xl/worksheets/sheet8.xml",
      `[Content_Types].xml: Override /xl/worksheets/sheet8.xml (application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml) left behind`,
      `xl/_rels/workbook.xml.rels: relationship rId12 (worksheet → worksheets/sheet8.xml) left behind`,
      `xl/worksheets/sheet2.xml ("An Bình"): text /worksheet/sheetData/row[@r="5"]/c[@r="E5"] — formula (none) → "SUM(E6,E13)"`,
      `docProps/app.xml: text /Properties/HeadingPairs/vt:vector/vt:variant[2]/vt:i4 — "7" → "8"`,
      `docProps/app.xml: attribute /Properties/TitlesOfParts/vt:vector — @size: "8" → "9"`,
      `docProps/app.xml: added /Properties/TitlesOfParts/vt:vector/vt:lpstr[8] — <vt:lpstr>"Tổng hợp"`,
      `xl/workbook.xml: added /workbook/sheets/sheet[@name="Tổng hợp"] — <sheet name="Tổng hợp" sheetId="9" r:id="rId12">`,
      `xl/workbook.xml: added /workbook/definedNames — <definedNames> with 1 child element`,
    ]);
  });
});
