import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { DOMParser, XMLSerializer } from "@xmldom/xmldom";
import { BuiltSheet, toXlsx, unitSheet } from "../support/workbookBuilder";
import { fixtureSet } from "../support/sample";
import { cchc, expectPlainStderr, sha256, tempDir } from "../support/cli";
import { loadWorkbookBytes } from "../../src/xlsx/loadWorkbook";
import { reportProblems } from "../support/reportShape";
import { BookSpec, convertWithLibreOffice, criteriaSpec, SpecCell, specOf, writeWithLibreOffice, writeWithPython } from "../support/otherPrograms";

/**
 * Workbooks as other programs write them, end to end through the command line: openpyxl and XlsxWriter (formulas
 * never calculated; openpyxl's absolute relationship targets, its notes and its tables without style
 * information) and LibreOffice (tables without style information, formulas whose results are 0 or empty text).
 */

const SET = fixtureSet();
const SHEET = "Xã Sạch";

/** The parts of an .xlsx whose names match, as text. */
async function partsOfFile(file: string, names: RegExp): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).filter((n) => names.test(n) && !zip.files[n].dir)) out.set(name, await zip.file(name)!.async("string"));
  return out;
}

/** The matching parts of the input, each checked to be in the output byte for byte; their names. */
async function keptParts(input: string, output: string, names: RegExp): Promise<string[]> {
  const before = await partsOfFile(input, names);
  const after = await partsOfFile(output, names);
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [name, text] of before) expect([name, after.get(name)]).toEqual([name, text]);
  return [...before.keys()];
}

/** One careful unit with a bonus: the reference every variant is compared with. */
function unit(): BuiltSheet {
  return unitSheet(SET, { sheet: SHEET, unitName: "UBND xã Sạch", bonus: 0.5, leaves: { "7.1": { evidence: "QĐ 12" } } });
}
const at = (s: BuiltSheet, code: string, column: string) => String.fromCharCode(64 + s.columns[column]) + s.rowOf.get(code);

/** Leaves whose self-score is a formula giving full marks (=the max cell), as forms often have. */
const FORMULA_LEAVES = ["1.2", "2.2", "2.4", "3.2.1", "4.1", "5.4", "6.4"];

/** The reference unit with formulas in some input cells: leaf scores, one evidence cell, the bonus. */
function formulaSpec(): { spec: BookSpec; cells: string[] } {
  const s = unit();
  const formulas: Record<string, SpecCell> = {};
  for (const code of FORMULA_LEAVES) {
    const max = at(s, code, "max");
    formulas[at(s, code, "self")] = { f: max, of: `[.${max}]` };
  }
  formulas[at(s, "7.1", "evidence")] = { f: 'HYPERLINK("http://vanban.example/qd12","QĐ 12")', of: 'HYPERLINK("http://vanban.example/qd12";"QĐ 12")' };
  formulas[at(s, "T", "self")] = { f: "MIN(2,0.5)", of: "MIN(2;0.5)" };
  const cells = Object.keys(formulas).sort((a, b) => Number(a.replace(/\D/g, "")) - Number(b.replace(/\D/g, "")));
  return { spec: { sheets: [criteriaSpec(SET), specOf(s, formulas)] }, cells };
}

async function checkJson(file: string) {
  const r = await cchc("check", file, "--json");
  expectPlainStderr(r.stderr);
  if (r.code === 2) throw new Error(r.stderr);
  const report = JSON.parse(r.stdout);
  expect(reportProblems(report)).toEqual([]);
  return { code: r.code, report };
}

function withoutFile<T extends { file?: string }>(xs: T[]): Omit<T, "file">[] {
  return xs.map(({ file: _file, ...rest }) => rest);
}

let dir: string;
let reference: { units: { self: number; bonus: number; index: number }[]; findings: unknown[] };
beforeAll(async () => {
  dir = tempDir();
  const file = path.join(dir, "tham-chieu.xlsx");
  writeFileSync(file, await toXlsx([unit()], SET));
  reference = (await checkJson(file)).report;
  expect(reference.findings).toEqual([]);
});

describe("formulas never calculated: the not-calculated finding", () => {
  test("openpyxl: an error naming the first cells and how many, never a silent zero; open-and-save fixes it", async () => {
    const { spec, cells } = formulaSpec();
    const file = writeWithPython("openpyxl", spec, path.join(dir, "openpyxl.xlsx"));
    const before = sha256(file);
    const { code, report } = await checkJson(file);
    expect(code).toBe(1);
    const hits = report.findings.filter((f: { rule: string }) => f.rule === "not-calculated");
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ rule: "not-calculated", severity: "error", file: "openpyxl.xlsx", params: { count: cells.length, cells: cells.slice(0, 5).map((c) => `${SHEET}!${c}`) } });
    expect(hits[0].sheet).toBeUndefined();
    expect(hits[0].cell).toBeUndefined();
    expect(hits[0].message).toContain("Excel");
    expect(hits[0].message).toContain(`${cells.length} ô`);
    expect(sha256(file)).toBe(before);
    // The units are still reported (from what could be read), but never without the error above.
    expect(report.units[0].self).toBeLessThan(reference.units[0].self);

    const en = JSON.parse((await cchc("check", file, "--json", "--lang", "en")).stdout);
    expect(en.findings.find((f: { rule: string }) => f.rule === "not-calculated").message).toMatch(/open the file in Excel, save it/);

    // What "open and save it" does: a spreadsheet calculates and stores the results (LibreOffice here).
    const saved = convertWithLibreOffice(file, "xlsx", path.join(dir, "saved"));
    const after = await checkJson(saved);
    expect(after.report.findings.filter((f: { rule: string }) => f.rule === "not-calculated")).toEqual([]);
    expect(withoutFile(after.report.units)).toEqual(withoutFile(reference.units as { file?: string }[]));
    expect(after.report.findings).toEqual([]);
  });

  test("XlsxWriter: results stored as 0 under fullCalcOnLoad are not trusted", async () => {
    const { spec, cells } = formulaSpec();
    const file = writeWithPython("xlsxwriter", spec, path.join(dir, "xlsxwriter.xlsx"));
    const { code, report } = await checkJson(file);
    expect(code).toBe(1);
    const hit = report.findings.find((f: { rule: string }) => f.rule === "not-calculated");
    expect(hit).toMatchObject({ params: { count: cells.length, cells: cells.slice(0, 5).map((c) => `${SHEET}!${c}`) } });
  });

  test("a file with formulas only where cchc score writes them, and one scored by cchc, are not flagged", async () => {
    // openpyxl, no formula in an input cell; subtotals as formulas (never calculated): those are only not checked.
    const s = unit();
    const subtotals: Record<string, SpecCell> = { [at(s, "1", "self")]: { f: `SUM(${at(s, "1.1.1", "self")}:${at(s, "1.5", "self")})` } };
    const plain = writeWithPython("openpyxl", { sheets: [criteriaSpec(SET), specOf(s, subtotals)] }, path.join(dir, "subtotal.xlsx"));
    const p = await checkJson(plain);
    expect(p.report.findings).toEqual([]);

    const saved = convertWithLibreOffice(writeWithPython("openpyxl", formulaSpec().spec, path.join(dir, "to-score.xlsx")), "xlsx", path.join(dir, "to-score"));
    const scored = path.join(dir, "scored.xlsx");
    expect((await cchc("score", saved, "--out", scored)).code).toBe(0);
    const again = await checkJson(scored);
    expect(again.report.findings).toEqual([]);
    expect(withoutFile(again.report.units)).toEqual(withoutFile(reference.units as { file?: string }[]));
  });

  test("fullCalcOnLoad set by this tool (its _cchc. names present) keeps the stored results trusted; set by another program, not", async () => {
    const saved = convertWithLibreOffice(writeWithPython("openpyxl", formulaSpec().spec, path.join(dir, "flag.xlsx")), "xlsx", path.join(dir, "flag"));
    const scored = path.join(dir, "flag-scored.xlsx");
    expect((await cchc("score", saved, "--out", scored)).code).toBe(0);
    const edit = async (withName: boolean) => {
      const zip = await JSZip.loadAsync(readFileSync(scored));
      const doc = new DOMParser().parseFromString(await zip.file("xl/workbook.xml")!.async("string"), "text/xml");
      const ns = doc.documentElement!.namespaceURI;
      const root = doc.documentElement!;
      let calc = root.getElementsByTagNameNS(ns, "calcPr")[0];
      if (!calc) calc = root.appendChild(doc.createElementNS(ns, "calcPr")) as typeof calc;
      calc.setAttribute("fullCalcOnLoad", "1");
      // A scored file carries the tool's names; "theirs" is the same file with them gone.
      for (const n of Array.from(root.getElementsByTagNameNS(ns, "definedName")))
        if (!withName && n.getAttribute("name")?.startsWith("_cchc.")) n.parentNode!.removeChild(n);
      if (withName) {
        let names = root.getElementsByTagNameNS(ns, "definedNames")[0];
        if (!names) names = root.insertBefore(doc.createElementNS(ns, "definedNames"), calc) as typeof names;
        const n = doc.createElementNS(ns, "definedName");
        n.setAttribute("name", "_cchc.sheet.summary");
        n.setAttribute("hidden", "1");
        n.appendChild(doc.createTextNode("'Tổng hợp'!$A$1"));
        names.appendChild(n);
      }
      zip.file("xl/workbook.xml", new XMLSerializer().serializeToString(doc));
      const out = path.join(dir, withName ? "flag-ours.xlsx" : "flag-theirs.xlsx");
      writeFileSync(out, await zip.generateAsync({ type: "nodebuffer" }));
      return out;
    };
    const ours = await checkJson(await edit(true));
    expect(ours.report.findings).toEqual([]);
    const theirs = await checkJson(await edit(false));
    expect(theirs.report.findings.map((f: { rule: string }) => f.rule)).toEqual(["not-calculated"]);
  });
});

describe("LibreOffice: tables without style information, results 0 and empty text", () => {
  function loSpec(): BookSpec {
    const s = unit();
    const zero = at(s, "1.3", "max");
    const blank = at(s, "1.2", "max");
    return {
      sheets: [
        criteriaSpec(SET),
        specOf(s, {
          [at(s, "1.3", "self")]: { f: `0*${zero}`, of: `0*[.${zero}]` },
          [at(s, "1.2", "self")]: { f: `IF(${blank}>100,1,"")`, of: `IF([.${blank}]>100;1;"")` },
        }),
        { name: "Ghi chú", rows: [["Việc", "Người làm"], ["Nộp báo cáo", "Lan"], ["Kiểm tra", "Minh"]], tables: [{ name: "ViecCanLam", ref: "A1:B3" }] },
      ],
    };
  }

  test("check reads a 0 result as 0 and an empty result as empty, and flags nothing as not calculated", async () => {
    const s = unit();
    const file = writeWithLibreOffice(loSpec(), path.join(dir, "lo.xlsx"));
    const { report } = await checkJson(file);
    const rules = report.findings.map((f: { rule: string; cell: string }) => `${f.rule} ${f.cell}`).sort();
    expect(rules).toEqual([`below-threshold ${at(s, "1.3", "self")}`, `score-missing ${at(s, "1.2", "self")}`].sort());
  });

  test("score writes it (no crash on the table), keeping the table without a style", async () => {
    const file = writeWithLibreOffice(loSpec(), path.join(dir, "lo-score.xlsx"));
    const before = sha256(file);
    const out = path.join(dir, "lo-scored.xlsx");
    const r = await cchc("score", file, "--out", out);
    expectPlainStderr(r.stderr);
    expect(r.code).toBe(0);
    expect(sha256(file)).toBe(before);
    // The output is LibreOffice's own package patched, so ExcelJS alone still cannot read it (as it could not read
    // the input): the parts are compared, and the cells read as cchc reads them.
    const kept = await keptParts(file, out, /^xl\/tables\//);
    expect(kept).toEqual([expect.stringMatching(/^xl\/tables\/[^/]+\.xml$/)]);
    expect(await partsOfFile(out, /^xl\/tables\//).then((p) => [...p.values()][0])).not.toContain("tableStyleInfo");
    const wb = await loadWorkbookBytes(new Uint8Array(readFileSync(out)));
    expect(wb.getWorksheet("Ghi chú")!.getCell("B2").value).toBe("Lan");
  });
});

describe("openpyxl: absolute relationship targets with a note and a table", () => {
  function spec(): BookSpec {
    const s = unit();
    return {
      sheets: [
        criteriaSpec(SET),
        { ...specOf(s), notes: [{ cell: "A2", text: "Đã rà soát ngày 12/3" }] },
        { name: "Ghi chú", rows: [["Việc", "Người làm"], ["Nộp báo cáo", "Lan"]], tables: [{ name: "Viec", ref: "A1:B2" }] },
      ],
    };
  }

  test("check and score read it whole: the note and the table are there", async () => {
    const file = writeWithPython("openpyxl", spec(), path.join(dir, "absolute.xlsx"));
    const before = sha256(file);
    const { code, report } = await checkJson(file);
    expect(code).toBe(0);
    expect(withoutFile(report.units)).toEqual(withoutFile(reference.units as { file?: string }[]));
    const out = path.join(dir, "absolute-scored.xlsx");
    const r = await cchc("score", file, "--out", out);
    expectPlainStderr(r.stderr);
    expect(r.code).toBe(0);
    expect(sha256(file)).toBe(before);
    // openpyxl's package patched keeps its absolute targets, which ExcelJS alone cannot follow: the note's and the
    // table's parts are compared, and the output read as cchc reads it.
    const kept = await keptParts(file, out, /^xl\/(comments|tables\/|drawings\/)/);
    expect(kept.filter((k) => /^xl\/comments/.test(k))).toHaveLength(1);
    expect(kept.filter((k) => /\.vml$/.test(k))).toHaveLength(1);
    expect(kept.filter((k) => /^xl\/tables\//.test(k))).toHaveLength(1);
    const wb = await loadWorkbookBytes(new Uint8Array(readFileSync(out)));
    const note = wb.getWorksheet(SHEET)!.getCell("A2").note as unknown as string | { texts: { text: string }[] };
    expect(typeof note === "string" ? note : note.texts.map((t) => t.text).join("")).toContain("Đã rà soát ngày 12/3");
    expect((wb.getWorksheet("Ghi chú") as unknown as { tables: Record<string, unknown> }).tables.Viec).toBeDefined();
  });
});

describe("files that are not what their name says", () => {
  test("an .ods renamed .xlsx says it is an OpenDocument spreadsheet and how to save it as .xlsx", async () => {
    const file = writeWithLibreOffice({ sheets: [criteriaSpec(SET), specOf(unit())] }, path.join(dir, "bang-tinh.xlsx"), "ods");
    const r = await cchc("check", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`cchc: ${file}: đây là bảng tính OpenDocument (.ods), không phải tệp Excel .xlsx; hãy mở bằng LibreOffice Calc hoặc Excel rồi lưu thành (Save As) "Excel 2007-365 (.xlsx)"\n`);
    const en = await cchc("check", file, "--lang", "en");
    expect(en.stderr).toMatch(/OpenDocument spreadsheet \(\.ods\).*Save As/);
  });

  test.each([
    ["the shared strings part deleted", false],
    ["the shared strings part and its relationship deleted", true],
  ])("%s: damaged, naming the part", async (_name, dropRel) => {
    const zip = await JSZip.loadAsync(await toXlsx([unit()], SET));
    zip.remove("xl/sharedStrings.xml");
    if (dropRel) {
      const rels = new DOMParser().parseFromString(await zip.file("xl/_rels/workbook.xml.rels")!.async("string"), "text/xml");
      for (const r of Array.from(rels.documentElement!.childNodes))
        if ((r as unknown as { getAttribute?: (n: string) => string }).getAttribute?.("Target")?.includes("sharedStrings")) rels.documentElement!.removeChild(r);
      zip.file("xl/_rels/workbook.xml.rels", new XMLSerializer().serializeToString(rels));
    }
    const file = path.join(dir, `no-strings-${dropRel}.xlsx`);
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    const r = await cchc("check", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`cchc: ${file}: tệp .xlsx bị hỏng, không đọc được (thiếu phần xl/sharedStrings.xml)\n`);
  });

  test("a zip that holds no workbook says damaged", async () => {
    const zip = new JSZip();
    zip.file("ghi-chu.txt", "Không phải sổ tính");
    const file = path.join(dir, "nen.xlsx");
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    const r = await cchc("check", file);
    expect(r.stderr).toBe(`cchc: ${file}: tệp .xlsx bị hỏng, không đọc được (thiếu phần xl/workbook.xml)\n`);
  });
});
