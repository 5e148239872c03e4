import { createHash } from "crypto";
import JSZip from "jszip";
import * as path from "path";
import { readFileSync } from "fs";
import { DOMParser, XMLSerializer } from "@xmldom/xmldom";
import { DomainError } from "../../src/core/errors/domainError";
import { loadWorkbookBytes } from "../../src/xlsx/loadWorkbook";
import { readWorkbook } from "../../src/xlsx/readWorkbook";
import { openPackage } from "../../src/xlsx/readFixups/openPackage";
import { relativeTarget, relsPartOf, resolveTarget } from "../../src/xlsx/readFixups/partNames";
import { tempDir } from "../support/cli";
import { writeWithPython } from "../support/otherPrograms";
import { toXlsx, unitSheet } from "../support/workbookBuilder";
import { fixtureSet } from "../support/sample";

const hash = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("part names (OPC)", () => {
  test.each([
    ["xl/workbook.xml", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/workbook.xml", "/xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/worksheets/sheet1.xml", "../comments1.xml", "xl/comments1.xml"],
    ["xl/worksheets/sheet1.xml", "/xl/comments/comment1.xml", "xl/comments/comment1.xml"],
    ["xl/worksheets/sheet1.xml", "./../tables/./table1.xml", "xl/tables/table1.xml"],
    ["", "xl/workbook.xml", "xl/workbook.xml"],
    ["xl/workbook.xml", "worksheets/sheet%201.xml", "xl/worksheets/sheet 1.xml"],
  ])("%s → %s is %s", (source, target, part) => expect(resolveTarget(source, target)).toBe(part));

  test.each([
    ["xl/worksheets/sheet1.xml", "xl/comments1.xml", "../comments1.xml"],
    ["xl/worksheets/sheet1.xml", "xl/tables/table1.xml", "../tables/table1.xml"],
    ["xl/workbook.xml", "xl/worksheets/sheet1.xml", "worksheets/sheet1.xml"],
    ["", "xl/workbook.xml", "xl/workbook.xml"],
    ["xl/drawings/drawing1.xml", "xl/media/image1.png", "../media/image1.png"],
  ])("from %s, %s is %s", (source, part, target) => expect(relativeTarget(source, part)).toBe(target));

  test("relationship parts", () => {
    expect(relsPartOf("")).toBe("_rels/.rels");
    expect(relsPartOf("xl/workbook.xml")).toBe("xl/_rels/workbook.xml.rels");
    expect(relsPartOf("xl/worksheets/sheet2.xml")).toBe("xl/worksheets/_rels/sheet2.xml.rels");
  });
});

describe("openPackage: the copy ExcelJS reads", () => {
  const set = fixtureSet();
  let openpyxl: Buffer;
  beforeAll(() => {
    const dir = tempDir();
    const file = writeWithPython(
      "openpyxl",
      {
        sheets: [
          { name: "A", rows: [["x", 1]], notes: [{ cell: "A1", text: "ghi chú" }] },
          { name: "B", rows: [["a", "b"], [1, 2]], tables: [{ name: "T1", ref: "A1:B2" }] },
        ],
      },
      path.join(dir, "op.xlsx"),
    );
    openpyxl = readFileSync(file);
  });

  test("openpyxl's package: canonical names and relative targets; for writing, table style and note runs", async () => {
    const before = hash(openpyxl);
    const reading = await openPackage(await JSZip.loadAsync(openpyxl), { forWriting: false });
    expect([...reading.fixes].sort()).toEqual(["part-names", "targets"]);
    const writing = await openPackage(await JSZip.loadAsync(openpyxl), { forWriting: true });
    expect([...writing.fixes].sort()).toEqual(["note-text", "part-names", "table-style", "targets"]);
    expect(hash(openpyxl)).toBe(before);

    const zip = writing.zip;
    expect(zip.file("xl/comments1.xml")).not.toBeNull();
    expect(zip.file("xl/drawings/vmlDrawing1.vml")).not.toBeNull();
    expect(zip.file("xl/comments/comment1.xml")).toBeNull();
    const rels = await zip.file("xl/worksheets/_rels/sheet1.xml.rels")!.async("string");
    expect(rels).toContain('Target="../comments1.xml"');
    expect(rels).toContain('Target="../drawings/vmlDrawing1.vml"');
    expect(await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).toContain('Target="worksheets/sheet1.xml"');
    const table = new DOMParser().parseFromString(await zip.file("xl/tables/table1.xml")!.async("string"), "text/xml").documentElement!;
    const info = table.getElementsByTagName("tableStyleInfo")[0];
    expect(info.getAttribute("name")).toBeNull();
    expect(["showFirstColumn", "showLastColumn", "showRowStripes", "showColumnStripes"].map((a) => info.getAttribute(a))).toEqual(["0", "0", "0", "0"]);
    expect(writing.facts).toMatchObject({ fullCalcOnLoad: true, toolNames: false, sheetParts: new Map([["A", "xl/worksheets/sheet1.xml"], ["B", "xl/worksheets/sheet2.xml"]]) });

    const book = await loadWorkbookBytes(openpyxl);
    expect(book.getWorksheet("A")!.getCell("A1").note).toBe("ghi chú");
  });

  test("a package ExcelJS wrote needs nothing: passed through as it is", async () => {
    const bytes = await toXlsx([unitSheet(set, { sheet: "S" })], set);
    const opened = await openPackage(await JSZip.loadAsync(bytes), { forWriting: true });
    expect(opened.changed).toBe(false);
    expect(opened.fixes.size).toBe(0);
  });

  test("a relationship to a part that is not there is damage, named", async () => {
    const zip = await JSZip.loadAsync(openpyxl);
    zip.remove("xl/comments/comment1.xml");
    const bytes = await zip.generateAsync({ type: "uint8array" });
    await expect(loadWorkbookBytes(bytes)).rejects.toMatchObject({ code: "damaged", params: { missing: "xl/comments/comment1.xml" } });
  });

  test("a part that is not well-formed XML is damage, named", async () => {
    const zip = await JSZip.loadAsync(openpyxl);
    zip.file("xl/worksheets/_rels/sheet1.xml.rels", "<Relationships><Relationship");
    const e = await loadWorkbookBytes(await zip.generateAsync({ type: "uint8array" })).catch((x) => x);
    expect(e).toBeInstanceOf(DomainError);
    expect(e.code).toBe("damaged");
    expect(String(e.params.reason)).toContain("xl/worksheets/_rels/sheet1.xml.rels");
  });
});

describe("formula results as stored", () => {
  test("0, FALSE and empty text are results; a formula with no <v> has none", async () => {
    const dir = tempDir();
    const file = writeWithPython(
      "xlsxwriter",
      { sheets: [{ name: "S", rows: [[{ f: "0*1" }, { f: "1=2" }, { f: 'IF(1,"","x")' }, { f: "1+1" }]] }] },
      path.join(dir, "xw.xlsx"),
    );
    // XlsxWriter stores 0 for every formula; make the second a stored FALSE, the third stored empty text and the
    // fourth a formula with no result at all, as Excel, LibreOffice and openpyxl store them.
    const zip = await JSZip.loadAsync(readFileSync(file));
    const doc = new DOMParser().parseFromString(await zip.file("xl/worksheets/sheet1.xml")!.async("string"), "text/xml");
    const cells = Array.from(doc.getElementsByTagName("c"));
    cells[1].setAttribute("t", "b");
    cells[2].setAttribute("t", "str");
    cells[2].getElementsByTagName("v")[0].textContent = "";
    cells[3].removeChild(cells[3].getElementsByTagName("v")[0]);
    zip.file("xl/worksheets/sheet1.xml", new XMLSerializer().serializeToString(doc));
    // and no fullCalcOnLoad: these results are to be trusted
    const book = new DOMParser().parseFromString(await zip.file("xl/workbook.xml")!.async("string"), "text/xml");
    book.getElementsByTagName("calcPr")[0].removeAttribute("fullCalcOnLoad");
    zip.file("xl/workbook.xml", new XMLSerializer().serializeToString(book));
    const read = readWorkbook(await loadWorkbookBytes(await zip.generateAsync({ type: "uint8array" })));
    expect(read.formulaResults).toBe("stored");
    expect(read.sheets[0].values[0]).toEqual([0, false, "", null]);
    expect(read.sheets[0].formulas![0]).toEqual(["0*1", "1=2", 'IF(1,"","x")', "1+1"]);
  });
});
