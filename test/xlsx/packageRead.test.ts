import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { checkWorkbook } from "../../src/core/check/checkWorkbook";
import { planScoreWorkbook } from "../../src/core/plan/workbookPlan";
import { WorkbookRead } from "../../src/core/port";
import { loadWorkbookBytes } from "../../src/xlsx/loadWorkbook";
import { patchPackage } from "../../src/xlsx/package";
import { readPackageBytes } from "../../src/xlsx/packageWorkbook";
import { readWorkbook } from "../../src/xlsx/readWorkbook";
import { COLLISIONS, EXCEL_MADE, PROGRAM_MADE } from "../support/realShaped/corpus";
import { SAMPLE_FILE } from "../support/realShaped/excelMade";
import { fixtureSet, sampleWorkbook } from "../support/sample";
import { damageCells, editPart, editWorkbook, zipOf } from "../support/badInputs";
import { mulberry32 } from "../support/random";

/**
 * The package reader (src/xlsx/package/packageRead.ts, no ExcelJS) against the ExcelJS reader
 * (src/xlsx/readWorkbook.ts): the same WorkbookRead for every workbook of the real-shaped corpus, the sample,
 * a scored workbook and one holding every kind of cell value, so either may read a file for the same check.
 */
async function exceljsRead(bytes: Uint8Array): Promise<WorkbookRead> {
  return readWorkbook(await loadWorkbookBytes(bytes, { readOnly: true }));
}

async function packageRead(bytes: Uint8Array): Promise<WorkbookRead> {
  return (await readPackageBytes(bytes)).read;
}

async function expectSameRead(bytes: Uint8Array): Promise<void> {
  const [a, b] = [await exceljsRead(bytes), await packageRead(bytes)];
  expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
  for (const [i, sheet] of a.sheets.entries()) expect({ ...b.sheets[i] }).toEqual({ ...sheet });
  expect(b).toEqual(a);
}

/** Every kind of value a cell holds, as ExcelJS writes them. */
async function everyKindOfCell(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Giá trị");
  ws.getCell("A1").value = "chữ";
  ws.getCell("B1").value = 7;
  ws.getCell("C1").value = 0.25;
  ws.getCell("C1").numFmt = "0.00";
  ws.getCell("D1").value = 1.5;
  ws.getCell("D1").numFmt = '"điểm" 0.0';
  ws.getCell("E1").value = new Date(Date.UTC(2025, 2, 31));
  ws.getCell("E1").numFmt = "dd/mm/yyyy";
  ws.getCell("F1").value = true;
  ws.getCell("G1").value = false;
  ws.getCell("H1").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
  ws.getCell("A2").value = {
    richText: [{ text: "Đạt " }, { text: "một phần", font: { bold: true } }],
  };
  ws.getCell("B2").value = { formula: "B1*2", result: 14 } as ExcelJS.CellFormulaValue;
  ws.getCell("C2").value = { formula: 'A1&""', result: "chữ" } as ExcelJS.CellFormulaValue;
  ws.getCell("D2").value = { formula: "B1>1", result: true } as ExcelJS.CellFormulaValue;
  ws.getCell("E2").value = { formula: "E1+1", result: 45748 } as ExcelJS.CellFormulaValue;
  ws.getCell("E2").numFmt = "dd/mm/yyyy";
  ws.getCell("F2").value = {
    formula: "1/0",
    result: { error: "#DIV/0!" },
  } as ExcelJS.CellFormulaValue;
  ws.getCell("G2").value = { formula: "B1/3" } as ExcelJS.CellFormulaValue;
  ws.getCell("A3").value = "gộp";
  ws.mergeCells("A3:C4");
  ws.getCell("A6").value = "ẩn";
  ws.getRow(6).hidden = true;
  ws.getCell("D6").style = { font: { bold: true } }; // a styled empty cell
  ws.getCell("A8").value = "xa";
  ws.getCell("BZ8").value = 1;
  wb.addWorksheet("Ẩn", { state: "hidden" }).getCell("A1").value = 1;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("the package reader reads a workbook as the ExcelJS reader does", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "cchc-package-read-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("every kind of cell value", async () => {
    await expectSameRead(await everyKindOfCell());
  });

  test("the sample (examples/xa-mau-2025.xlsx) and a workbook made by ExcelJS", async () => {
    await expectSameRead(new Uint8Array(readFileSync(SAMPLE_FILE)));
    await expectSameRead(new Uint8Array(await sampleWorkbook(fixtureSet())));
  });

  test("a workbook scored by cchc: formulas without stored results, names, the undo sheet", async () => {
    const bytes = new Uint8Array(await sampleWorkbook(fixtureSet()));
    const set = fixtureSet();
    const read = await exceljsRead(bytes);
    const plan = planScoreWorkbook(set, read, checkWorkbook(set, read, "x.xlsx").units).plan;
    const scored = await patchPackage(bytes, read, plan);
    const again = await packageRead(scored);
    expect(again.sheets.some((s) => s.role === "undo")).toBe(true);
    expect(again.sheets.some((s) => s.role === "summary")).toBe(true);
    await expectSameRead(scored);
  });

  test.each([...EXCEL_MADE, ...PROGRAM_MADE, ...COLLISIONS].map((e) => [e.file, e] as const))(
    "real-shaped: %s",
    async (_, entry) => {
      await expectSameRead(await entry.build(dir));
    },
    120_000
  );
});

test.each([1, 2, 3, 4, 5, 6])(
  "the sample with careless hands' cells (seed %i): the same read",
  async (seed) => {
    const rand = mulberry32(seed);
    const damaged = await editWorkbook(readFileSync(SAMPLE_FILE), (wb) => {
      damageCells(wb, rand);
    });
    await expectSameRead(new Uint8Array(damaged));
  },
  60_000
);

const SHEET = (cells: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${cells}</sheetData></worksheet>`;

/** A package of one sheet, as the parts are given. */
async function onePackage(parts: Record<string, string>): Promise<Uint8Array> {
  const base: Record<string, string> = {
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels":
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml":
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Xã A" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels":
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    "xl/worksheets/sheet1.xml": SHEET('<row r="1"><c r="A1"><v>1</v></c></row>'),
  };
  return new Uint8Array(await zipOf({ ...base, ...parts }));
}

describe("the package reader refuses what is not a workbook as the ExcelJS reader does", () => {
  const cases: [string, () => Promise<Uint8Array>][] = [
    ["an empty file", async () => new Uint8Array()],
    ["plain text", async () => new TextEncoder().encode("xin chào\nkhông phải bảng tính\n")],
    ["CSV", async () => new TextEncoder().encode("STT,Tiêu chí,Điểm\n1,A,2\n2,B,3\n")],
    [
      "an old binary .xls",
      async () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
    ],
    ["a broken zip", async () => new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3])],
    [
      "an OpenDocument spreadsheet",
      async () =>
        new Uint8Array(
          await zipOf({
            mimetype: "application/vnd.oasis.opendocument.spreadsheet",
            "content.xml": "<x/>",
          })
        ),
    ],
    ["a zip without a workbook", async () => new Uint8Array(await zipOf({ "a.txt": "a" }))],
    [
      "a sheet that is not well-formed",
      () =>
        onePackage({ "xl/worksheets/sheet1.xml": SHEET('<row r="1"><c r="A1"><v>1</v></row>') }),
    ],
    [
      "a shared string without the shared string table",
      () =>
        onePackage({
          "xl/worksheets/sheet1.xml": SHEET('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
        }),
    ],
    ["a well-made one-sheet package", () => onePackage({})],
  ];
  test.each(cases)("%s", async (_, make) => {
    const bytes = await make();
    const outcome = (p: Promise<unknown>) =>
      p.then(
        () => "read",
        (e: { code?: string; message?: string }) => e.code ?? `not a DomainError: ${e.message}`
      );
    expect(await outcome(packageRead(bytes))).toBe(await outcome(exceljsRead(bytes)));
  });
});

describe("the package reader's skip", () => {
  // Consolidation skips each file's criteria sheet once the set is known (taskpane/modes/unitFiles.ts): a
  // hundred files' criteria sheets parsed and held for nothing cost it a tenth of its time.
  test("a skipped sheet is listed without cells and its part is never parsed", async () => {
    const broken = await editPart(readFileSync(SAMPLE_FILE), "xl/worksheets/sheet1.xml", (xml) =>
      xml.replace("</sheetData>", "")
    );
    const bytes = new Uint8Array(broken);
    // Read whole, the not-well-formed criteria sheet makes the file damaged…
    await expect(packageRead(bytes)).rejects.toMatchObject({ code: "damaged" });
    // …skipped, it is not even parsed: the rest reads as from the intact sample.
    const skipped = (await readPackageBytes(bytes, { skip: (s) => s === "Bộ tiêu chí" })).read;
    const intact = await packageRead(new Uint8Array(readFileSync(SAMPLE_FILE)));
    expect(skipped.sheets.map((s) => s.name)).toEqual(intact.sheets.map((s) => s.name));
    expect(skipped.sheets[0].values).toEqual([]);
    expect(skipped.sheets.slice(1)).toEqual(intact.sheets.slice(1));
  });
});
