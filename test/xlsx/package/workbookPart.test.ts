import {
  dropCalcChainEntries,
  noChangedCells,
  cellChanged,
} from "../../../src/xlsx/package/calcChain";
import { relativeTarget, resolveTarget } from "../../../src/xlsx/package/relationships";
import { readWorkbookFacts, sheetOfReference } from "../../../src/xlsx/package/workbookFacts";
import { WorkbookEditor } from "../../../src/xlsx/package/workbookEditor";
import { partsOf, partText, sampleBytes, withParts } from "./packageHelpers";

/** The workbook part and the package's bookkeeping: relationships, names, sheets, views, app properties, calc chain. */

const SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

test("relationship targets resolve relative to the source's folder, or from the package root when absolute", () => {
  expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe(
    "xl/worksheets/sheet1.xml"
  );
  expect(resolveTarget("xl/workbook.xml", "/xl/worksheets/sheet1.xml")).toBe(
    "xl/worksheets/sheet1.xml"
  );
  expect(resolveTarget("xl/worksheets/sheet1.xml", "../drawings/drawing1.xml")).toBe(
    "xl/drawings/drawing1.xml"
  );
  expect(resolveTarget("", "xl/workbook.xml")).toBe("xl/workbook.xml");
  expect(resolveTarget("", "/xl/workbook.xml")).toBe("xl/workbook.xml");
  expect(resolveTarget("xl/workbook.xml", "worksheets/B%E1%BA%A3ng%201.xml")).toBe(
    "xl/worksheets/Bảng 1.xml"
  );
  expect(relativeTarget("xl/workbook.xml", "xl/worksheets/sheet9.xml")).toBe(
    "worksheets/sheet9.xml"
  );
  expect(relativeTarget("xl/worksheets/sheet1.xml", "xl/drawings/drawing1.xml")).toBe(
    "../drawings/drawing1.xml"
  );
});

/** The sample with a workbook part of our making (sheets, names, views, calculation settings). */
async function withWorkbook(inner: string): Promise<Uint8Array> {
  const sheets = [1, 2, 3, 4, 5, 6, 7]
    .map(
      (i) =>
        `<sheet name="S${i}" sheetId="${i}" r:id="rId${i + 3}"${i === 3 ? ' state="hidden"' : ""}/>`
    )
    .join("");
  return withParts(sampleBytes(), {
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${SML}" xmlns:r="${R}">${inner.replace("SHEETS", `<sheets>${sheets}</sheets>`)}</workbook>`,
  });
}

test("removing a sheet drops the names local to it, keeps later sheets' local names on their sheet, and keeps the active tab on a visible sheet", async () => {
  const bytes = await withWorkbook(
    `<bookViews><workbookView activeTab="1" firstSheet="1"/><workbookView activeTab="5"/></bookViews>SHEETS` +
      `<definedNames><definedName name="a" localSheetId="0">S1!$A$1</definedName><definedName name="b" localSheetId="1">S2!$A$1</definedName>` +
      `<definedName name="c" localSheetId="4">S5!$A$1</definedName><definedName name="d">S6!$A$1</definedName></definedNames>` +
      `<calcPr calcId="191029" calcMode="manual" iterate="1"/>`
  );
  const ed = await WorkbookEditor.open(bytes);
  await ed.removeSheet(ed.wb.sheet("S2")!);
  const out = await ed.save();
  const xml = await partText(out, "xl/workbook.xml");
  expect(xml).toContain(
    `<bookViews><workbookView activeTab="2" firstSheet="1"/><workbookView activeTab="4"/></bookViews>`
  );
  expect(xml).not.toContain(`name="S2"`);
  expect(xml).toContain(
    `<definedNames><definedName name="a" localSheetId="0">S1!$A$1</definedName><definedName name="c" localSheetId="3">S5!$A$1</definedName><definedName name="d">S6!$A$1</definedName></definedNames>`
  );
  // Every other calculation setting stays; full recalculation on load is added.
  expect(xml).toContain(
    `<calcPr calcId="191029" calcMode="manual" iterate="1" fullCalcOnLoad="1"/>`
  );
  const parts = await partsOf(out);
  expect(parts.has("xl/worksheets/sheet2.xml")).toBe(false);
  expect(await partText(out, "xl/_rels/workbook.xml.rels")).not.toContain("worksheets/sheet2.xml");
  expect(await partText(out, "[Content_Types].xml")).not.toContain("/xl/worksheets/sheet2.xml");
});

test("names: set hidden at workbook level (replacing one of the same name in any case), removed; a missing calcPr is made in its place", async () => {
  const bytes = await withWorkbook(
    `SHEETS<definedNames><definedName name="_CCHC.marks" localSheetId="0">S1!$B$1</definedName><definedName name="_cchc.MARKS">S1!$A$1</definedName></definedNames><oleSize ref="A1"/>`
  );
  const ed = await WorkbookEditor.open(bytes);
  ed.wb.setName(ed.pkg, "_cchc.marks", "S7!$A$1:$A$8");
  ed.wb.setName(ed.pkg, "_cchc.list.1", "S7!$B$1:$B$3");
  ed.wb.removeName(ed.pkg, "_cchc.list.1");
  ed.wb.setName(ed.pkg, "_cchc.sheet.data", "'S 7'!$A$1");
  const xml = await partText(await ed.save(), "xl/workbook.xml");
  expect(xml).toContain(
    `<definedNames><definedName name="_CCHC.marks" localSheetId="0">S1!$B$1</definedName><definedName name="_cchc.MARKS" hidden="1">S7!$A$1:$A$8</definedName>` +
      `<definedName name="_cchc.sheet.data" hidden="1">'S 7'!$A$1</definedName></definedNames><calcPr fullCalcOnLoad="1"/><oleSize ref="A1"/>`
  );
});

test("the reader's facts: names with their sheet, roles from the markers (or the legacy undo sheet), structure protection", async () => {
  const facts = await readWorkbookFacts(
    await withWorkbook(
      `<workbookProtection lockStructure="1"/>SHEETS<definedNames><definedName name="_cchc.sheet.summary" hidden="1">'S5'!$A$1</definedName>` +
        `<definedName name="_cchc.sheet.data" hidden="1">#REF!$A$1</definedName><definedName name="Diem" localSheetId="2">S3!$C$5:$C$9</definedName></definedNames>`
    )
  );
  expect(facts.structureProtected).toBe(true);
  expect([...facts.roles]).toEqual([["S5", "summary"]]);
  expect(facts.names).toEqual([
    { name: "_cchc.sheet.summary", refersTo: "'S5'!$A$1", hidden: true },
    { name: "_cchc.sheet.data", refersTo: "#REF!$A$1", hidden: true },
    { name: "Diem", refersTo: "S3!$C$5:$C$9", sheet: "S3" },
  ]);
  expect(sheetOfReference("'Tổng hợp (2)'!$A$1")).toBe("Tổng hợp (2)");
  expect(sheetOfReference("'it''s'!A1")).toBe("it's");
  expect(sheetOfReference("Data!$A$1")).toBe("Data");
  expect(sheetOfReference("[1]Data!$A$1")).toBeUndefined();
  expect(sheetOfReference("SUM(Data!A1)")).toBeUndefined();

  const legacy = await readWorkbookFacts(await withWorkbook(SHEETS_WITH_LEGACY_UNDO));
  expect([...legacy.roles]).toEqual([["cchc_hoan_tac", "undo"]]);
  expect(legacy.structureProtected).toBe(false);
});
const SHEETS_WITH_LEGACY_UNDO = `<sheets><sheet name="A" sheetId="1" r:id="rId4"/><sheet name="cchc_hoan_tac" sheetId="2" state="veryHidden" r:id="rId5"/></sheets>`;

test("calculation chain: the changed cells' entries go, a following entry keeps its sheet, an empty chain goes with its relationship and content type", async () => {
  const chain = (cells: string) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="${SML}">${cells}</calcChain>`;
  const base = await withParts(sampleBytes(), {
    "xl/calcChain.xml": chain(`<c r="A1" i="2"/><c r="B1"/><c r="C1" i="3"/><c r="D1"/>`),
    "xl/_rels/workbook.xml.rels": (
      await partText(sampleBytes(), "xl/_rels/workbook.xml.rels")
    ).replace(
      "</Relationships>",
      `<Relationship Id="rId99" Type="${R}/calcChain" Target="calcChain.xml"/></Relationships>`
    ),
  });
  let ed = await WorkbookEditor.open(base);
  cellChanged(ed.changed, 2, "a1");
  ed.changed.sheets.add(3);
  await dropCalcChainEntries(ed.pkg, ed.wb, ed.changed);
  expect(await partText(await ed.pkg.save(), "xl/calcChain.xml")).toBe(chain(`<c r="B1" i="2"/>`));

  ed = await WorkbookEditor.open(base);
  const all = noChangedCells();
  all.sheets.add(2);
  all.sheets.add(3);
  await dropCalcChainEntries(ed.pkg, ed.wb, all);
  const out = await ed.pkg.save();
  expect((await partsOf(out)).has("xl/calcChain.xml")).toBe(false);
  expect(await partText(out, "xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
});

test("app properties: a sheet added or removed is counted in the worksheets' heading, whatever its language", async () => {
  const app = (await partText(sampleBytes(), "docProps/app.xml")).replace(
    "<vt:lpstr>Worksheets</vt:lpstr>",
    "<vt:lpstr>Trang tính</vt:lpstr>"
  );
  const ed = await WorkbookEditor.open(await withParts(sampleBytes(), { "docProps/app.xml": app }));
  await ed.addSheet("Tổng hợp", "visible");
  await ed.removeSheet(ed.wb.sheet("Hướng dẫn")!);
  const xml = await partText(await ed.save(), "docProps/app.xml");
  expect(xml).toContain(`<vt:lpstr>Trang tính</vt:lpstr></vt:variant><vt:variant><vt:i4>7</vt:i4>`);
  expect(xml).toContain(`<vt:vector size="7" baseType="lpstr">`);
  expect(xml).toContain(`<vt:lpstr>Hòa Lạc</vt:lpstr><vt:lpstr>Tổng hợp</vt:lpstr></vt:vector>`);
  expect(xml).not.toContain("Hướng dẫn");

  // Titles that do not match the workbook's sheets are left alone (Excel rewrites them on save).
  const stale = await WorkbookEditor.open(
    await withParts(sampleBytes(), { "docProps/app.xml": app.replace("An Bình", "Khác") })
  );
  await stale.addSheet("Tổng hợp", "visible");
  expect(await partText(await stale.save(), "docProps/app.xml")).toBe(
    app.replace("An Bình", "Khác")
  );
});
