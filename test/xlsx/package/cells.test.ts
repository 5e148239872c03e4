import { decodeCellText, encodeCellText } from "../../../src/xlsx/package/cellText";
import { setCellContent } from "../../../src/xlsx/package/cellContent";
import { FormulaGroups } from "../../../src/xlsx/package/formulaGroups";
import { SheetCells } from "../../../src/xlsx/package/sheetCells";
import { markupOf, parseXml, serializeXml } from "../../../src/xlsx/xml";

/** Cells in `<sheetData>`: found, created in order, written as Excel reads them. */

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const sheet = (data: string, after = "") =>
  parseXml(
    `<worksheet xmlns="${NS}"><dimension ref="A1:C3"/><sheetData>${data}</sheetData>${after}</worksheet>`,
    "t.xml"
  );
const dataOf = (doc: ReturnType<typeof sheet>) => {
  const xml = serializeXml(doc);
  return xml.slice(xml.indexOf("<sheetData>") + 11, xml.indexOf("</sheetData>"));
};

test("a new cell goes in column order within its row, a new row in row order; spans and dimension grow", () => {
  const doc = sheet(
    `<row r="2" spans="1:3"><c r="A2"><v>1</v></c><c r="C2"><v>3</v></c></row><row r="5"><c r="B5"/></row>`
  );
  const cells = new SheetCells(doc);
  setCellContent(cells.ensureCell(2, 2), { value: 2 });
  setCellContent(cells.ensureCell(2, 5), { value: 5 });
  setCellContent(cells.ensureCell(3, 1), { value: 9 });
  setCellContent(cells.ensureCell(1, 1), { value: 0 });
  cells.updateDimension();
  expect(dataOf(doc)).toBe(
    `<row r="1"><c r="A1"><v>0</v></c></row>` +
      `<row r="2" spans="1:5"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c><c r="C2"><v>3</v></c><c r="E2"><v>5</v></c></row>` +
      `<row r="3"><c r="A3"><v>9</v></c></row><row r="5"><c r="B5"/></row>`
  );
  expect(serializeXml(doc)).toContain(`<dimension ref="A1:E3"/>`);
});

test("rows and cells written without r are numbered first, so nothing put before them renumbers them", () => {
  const doc = sheet(`<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>`);
  const cells = new SheetCells(doc);
  setCellContent(cells.ensureCell(2, 3), { value: 4 });
  setCellContent(cells.ensureCell(1, 4), { value: 5 });
  expect(dataOf(doc)).toBe(
    `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="D1"><v>5</v></c></row><row r="2"><c r="A2"><v>3</v></c><c r="C2"><v>4</v></c></row>`
  );
});

test("text is an inline string — '=1+2' stays text — numbers, booleans, errors and formulas as Excel stores them; the style stays", () => {
  const doc = sheet(
    `<row r="1"><c r="A1" s="4" t="s" cm="1"><v>7</v></c><c r="B1" s="2" vm="1"><f>A1</f><v>1</v><extLst/></c></row>`
  );
  const cells = new SheetCells(doc);
  setCellContent(cells.cell(1, 1)!, { value: "=1+2" });
  setCellContent(cells.cell(1, 2)!, { formula: '=SUM(A1:A3)&"<x>"', result: "7<x>" });
  setCellContent(cells.ensureCell(1, 3), { value: true });
  setCellContent(cells.ensureCell(1, 4), { error: "#N/A" });
  setCellContent(cells.ensureCell(1, 5), { value: "  hai dòng\nở đây " });
  setCellContent(cells.ensureCell(1, 6), { formula: "A1*2", result: 0.1 + 0.2 });
  expect(dataOf(doc)).toBe(
    `<row r="1">` +
      `<c r="A1" s="4" t="inlineStr"><is><t>=1+2</t></is></c>` +
      `<c r="B1" s="2" t="str"><f>SUM(A1:A3)&amp;"&lt;x&gt;"</f><v>7&lt;x&gt;</v><extLst/></c>` +
      `<c r="C1" t="b"><v>1</v></c>` +
      `<c r="D1" t="e"><v>#N/A</v></c>` +
      `<c r="E1" t="inlineStr"><is><t xml:space="preserve">  hai dòng\nở đây </t></is></c>` +
      `<c r="F1"><f>A1*2</f><v>0.30000000000000004</v></c>` +
      `</row>`
  );
});

test("rich text runs are written inline with their run properties", () => {
  const doc = sheet(`<row r="1"/>`);
  const cells = new SheetCells(doc);
  setCellContent(cells.ensureCell(1, 1), {
    rich: [
      {
        text: "Điểm ",
        font: [
          ["b", {}],
          ["color", { rgb: "FFC00000" }],
        ],
      },
      { text: "chưa tính" },
    ],
  });
  expect(markupOf(cells.cell(1, 1)!)).toBe(
    `<c r="A1" t="inlineStr"><is><r><rPr><b/><color rgb="FFC00000"/></rPr><t xml:space="preserve">Điểm </t></r><r><t>chưa tính</t></r></is></c>`
  );
});

test("characters XML cannot hold are written as _xHHHH_, and text that looks like an escape keeps its meaning", () => {
  const text = "a\u0001b\rc_x0041_d\uFFFF\uD800";
  const encoded = encodeCellText(text);
  expect(encoded).toBe("a_x0001_b_x000D_c_x005F_x0041_d_xFFFF__xD800_");
  expect(decodeCellText(encoded)).toBe(text);
  const doc = sheet(`<row r="1"/>`);
  setCellContent(new SheetCells(doc).ensureCell(1, 1), { value: text });
  expect(() => parseXml(serializeXml(doc), "again.xml")).not.toThrow();
});

test("a shared formula's anchor hands each other cell of the group its own formula, shifted, before it is overwritten", () => {
  const doc = sheet(
    `<row r="5"><c r="G5"><f t="shared" ref="G5:H7" si="3">E5+$C$1+SUM(E$5:E5)</f><v>1</v></c><c r="H5"><f t="shared" si="3"/><v>2</v></c></row>` +
      `<row r="6"><c r="G6"><f t="shared" si="3"/><v>3</v></c></row>` +
      `<row r="7"><c r="H7"><f t="shared" si="3"/><v>4</v></c><c r="I7"><f t="shared" ref="I7:I8" si="4">G7</f></c></row>`
  );
  const cells = new SheetCells(doc);
  const groups = new FormulaGroups(cells);
  expect(groups.detach(5, 7).sort()).toEqual(["G6", "H5", "H7"]);
  setCellContent(cells.cell(5, 7)!, { formula: "SUM(G6:G7)" });
  expect(dataOf(doc)).toBe(
    `<row r="5"><c r="G5"><f>SUM(G6:G7)</f></c><c r="H5"><f>F5+$C$1+SUM(F$5:F5)</f><v>2</v></c></row>` +
      `<row r="6"><c r="G6"><f>E6+$C$1+SUM(E$5:E6)</f><v>3</v></c></row>` +
      `<row r="7"><c r="H7"><f>F7+$C$1+SUM(F$5:F7)</f><v>4</v></c><c r="I7"><f t="shared" ref="I7:I8" si="4">G7</f></c></row>`
  );
  // A cell of a group that is not its anchor is simply overwritten: the others still follow the anchor.
  expect(groups.detach(7, 9)).toEqual([]);
});

test("shared and array formulas are found however their t is spelt (the text search that spares a walk of every cell)", () => {
  const shared = sheet(
    `<row r="1"><c r="A1"><f t="&#115;hared" ref="A1:A2" si="0">B1*2</f><v>2</v></c></row>` +
      `<row r="2"><c r="A2"><f t="&#x73;hared" si="0"/><v>4</v></c></row>`
  );
  expect(new FormulaGroups(new SheetCells(shared)).detach(1, 1)).toEqual(["A2"]);
  expect(dataOf(shared)).toContain(`<c r="A2"><f>B2*2</f><v>4</v></c>`);
  const array = sheet(`<row r="1"><c r="C1"><f t='&#97;rray' ref="C1:D1">E1:F1</f></c></row>`);
  expect(new FormulaGroups(new SheetCells(array)).arrayAt(1, 4)).toEqual({
    ref: "C1:D1",
    formula: "E1:F1",
  });
});

test("a cell inside a multi-cell array formula leaves the others single-cell INDEX array formulas, their values kept", () => {
  const doc = sheet(
    `<row r="1"><c r="A1" cm="1"><f t="array" ref="A1:B2">C1:D2*2</f><v>2</v></c><c r="B1"><v>4</v></c></row>` +
      `<row r="2"><c r="A2"><v>6</v></c></row>`
  );
  const cells = new SheetCells(doc);
  expect(new FormulaGroups(cells).detach(2, 1).sort()).toEqual(["A1", "B1", "B2"]);
  setCellContent(cells.cell(2, 1)!, { value: 0 });
  expect(dataOf(doc)).toBe(
    `<row r="1"><c r="A1"><f t="array" ref="A1">INDEX((C1:D2*2),1,1)</f><v>2</v></c><c r="B1"><f t="array" ref="B1">INDEX((C1:D2*2),1,2)</f><v>4</v></c></row>` +
      `<row r="2"><c r="A2"><v>0</v></c><c r="B2"><f t="array" ref="B2">INDEX((C1:D2*2),2,2)</f></c></row>`
  );
});
