import { isMark } from "../../../src/core/plan/expressions";
import { parseArea } from "../../../src/core/sheet/address";
import {
  addRule,
  nextPriority,
  removeRulesWithFormulas,
  rulesWithFormulas,
} from "../../../src/xlsx/package/conditionalFormats";
import {
  addPlannedValidation,
  addSavedValidation,
  clearValidations,
  previousValidations,
} from "../../../src/xlsx/package/dataValidations";
import { parseXml, root, serializeXml, type Document } from "../../../src/xlsx/xml";

/** Conditional formats and data validations of one worksheet, on small parts. */

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const XM = "http://schemas.microsoft.com/office/excel/2006/main";
const sheet = (inner: string) =>
  root(
    parseXml(
      `<worksheet xmlns="${NS}" xmlns:x14="${X14}" xmlns:xm="${XM}"><sheetData/>${inner}<pageMargins left="0.7"/></worksheet>`,
      "t.xml"
    )
  );
/** As the serializer writes text: & < > " escaped. */
const esc = (t: string) =>
  t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const body = (ws: ReturnType<typeof sheet>) => {
  const xml = serializeXml(ws.parent as Document);
  return xml.slice(xml.indexOf("<sheetData/>") + 12, xml.indexOf("<pageMargins"));
};

test("removing our rules takes only them: a block shared with a person's rule keeps it; an emptied block goes", () => {
  const ws = sheet(
    `<conditionalFormatting sqref="A1:A9"><cfRule type="expression" dxfId="0" priority="2"><formula>A1&gt;1</formula></cfRule><cfRule type="expression" dxfId="4" priority="3"><formula>ISBLANK( $B1 )</formula></cfRule></conditionalFormatting>` +
      `<conditionalFormatting sqref="C1 D1:D3"><cfRule type="expression" dxfId="4" priority="1"><formula>ISBLANK($B1)</formula></cfRule></conditionalFormatting>` +
      `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"><x14:conditionalFormattings><x14:conditionalFormatting><x14:cfRule type="dataBar" priority="7" id="{1}"/><xm:sqref>E1:E9</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>`
  );
  expect(rulesWithFormulas(ws, ["=ISBLANK($B1)"])).toEqual([
    { ranges: ["A1:A9"], formula: "ISBLANK( $B1 )", dxfId: 4 },
    { ranges: ["C1", "D1:D3"], formula: "ISBLANK($B1)", dxfId: 4 },
  ]);
  expect(removeRulesWithFormulas(ws, ["ISBLANK($B1)"])).toBe(true);
  // The data bar in extLst has priority 7: ours come after every rule of the sheet.
  expect(nextPriority(ws)).toBe(8);
  addRule(ws, ["F1:F3", "g5"], "=AND(F1>0,F1<2)", 9, nextPriority(ws));
  expect(body(ws)).toBe(
    `<conditionalFormatting sqref="A1:A9"><cfRule type="expression" dxfId="0" priority="2"><formula>A1&gt;1</formula></cfRule></conditionalFormatting>` +
      `<conditionalFormatting sqref="F1:F3 G5"><cfRule type="expression" dxfId="9" priority="8"><formula>AND(F1&gt;0,F1&lt;2)</formula></cfRule></conditionalFormatting>` +
      `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"><x14:conditionalFormattings><x14:conditionalFormatting><x14:cfRule type="dataBar" priority="7" id="{1}"/><xm:sqref>E1:E9</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>`
  );
});

test("validating areas takes them out of a person's rules — main and x14 (lists on other sheets, whose emptied extLst goes) — and keeps count right", () => {
  const ws = sheet(
    `<dataValidations count="2"><dataValidation type="whole" allowBlank="1" sqref="B2:C4 F1"><formula1>0</formula1><formula2>9</formula2></dataValidation>` +
      `<dataValidation type="list" showDropDown="1" sqref="E5"><formula1>"a,b"</formula1></dataValidation></dataValidations>` +
      `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="1"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>'Danh mục'!$A$1:$A$5</xm:f></x14:formula1><xm:sqref>G1:G3</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>`
  );
  const ours = ["C3:C9", "E5", "G1:G3"].map(parseArea);
  expect(previousValidations(ws, "S", ours)).toEqual([
    {
      sheet: "S",
      ranges: ["C3:C4"],
      previous: {
        rule: { wholeNumber: { operator: "Between", formula1: 0, formula2: 9 } },
        ignoreBlanks: true,
      },
    },
    { sheet: "S", ranges: ["C5:C9"] },
    {
      sheet: "S",
      ranges: ["E5"],
      previous: { rule: { list: { inCellDropDown: false, source: "a,b" } }, ignoreBlanks: false },
    },
    {
      sheet: "S",
      ranges: ["G1:G3"],
      previous: {
        rule: { list: { inCellDropDown: true, source: "='Danh mục'!$A$1:$A$5" } },
        ignoreBlanks: true,
      },
    },
  ]);
  expect(clearValidations(ws, ours)).toBe(true);
  addPlannedValidation(ws, {
    sheet: "S",
    ranges: ["C3:C9", "E5"],
    kind: "list",
    values: [0, 1.5, "KĐG"],
    source: "_cchc.list.2",
    prompt: "0; 1,5",
  });
  addPlannedValidation(ws, {
    sheet: "S",
    ranges: ["G1:G3", "H1"],
    kind: "decimal",
    min: 0,
    max: 15,
    orText: ["KĐG"],
  });
  expect(body(ws)).toBe(
    `<dataValidations count="4"><dataValidation type="whole" allowBlank="1" sqref="B2:C2 B3:B4 F1"><formula1>0</formula1><formula2>9</formula2></dataValidation>` +
      `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" prompt="0; 1,5" sqref="C3:C9 E5"><formula1>_cchc.list.2</formula1></dataValidation>` +
      `<dataValidation type="custom" allowBlank="1" showErrorMessage="1" sqref="G1:G3"><formula1>OR(AND(ISNUMBER(G1),G1&gt;=0,G1&lt;=15),${esc(isMark("G1"))})</formula1></dataValidation>` +
      `<dataValidation type="custom" allowBlank="1" showErrorMessage="1" sqref="H1"><formula1>OR(AND(ISNUMBER(H1),H1&gt;=0,H1&lt;=15),${esc(isMark("H1"))})</formula1></dataValidation></dataValidations>`
  );
});

test("a saved rule comes back as it was: operator, messages, hidden dropdown, a date as its serial", () => {
  const ws = sheet("");
  addSavedValidation(
    ws,
    {
      rule: { list: { inCellDropDown: false, source: 'a,"b"' } },
      ignoreBlanks: true,
      prompt: { showPrompt: true, title: "Chọn", message: "một\ndòng" },
    },
    ["A1:A3"]
  );
  addSavedValidation(
    ws,
    {
      rule: { date: { operator: "GreaterThan", formula1: 45658 } },
      errorAlert: { showAlert: true, style: "Warning", title: "", message: "sau 1/1/2025" },
    },
    ["B1"]
  );
  expect(body(ws)).toBe(
    `<dataValidations count="2"><dataValidation type="list" allowBlank="1" showDropDown="1" showInputMessage="1" promptTitle="Chọn" prompt="một&#10;dòng" sqref="A1:A3"><formula1>"a,""b"""</formula1></dataValidation>` +
      // ignoreBlanks left out counts as on, as the codec has always read it.
      `<dataValidation type="date" errorStyle="warning" operator="greaterThan" allowBlank="1" showErrorMessage="1" error="sau 1/1/2025" sqref="B1"><formula1>45658</formula1></dataValidation></dataValidations>`
  );
});
