import { spawnSync } from "child_process";
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { Document, DOMParser, Element } from "@xmldom/xmldom";
import JSZip from "jszip";
import { criteriaFromWorkbook } from "../../src/core/criteria/fromWorkbook";
import { criteriaToJson } from "../../src/core/criteria/serialize";
import { choiceWords } from "../../src/core/criteria/sheetLayout";
import { parseCriteriaJson } from "../../src/core/criteria/validate";
import { loadWorkbookBytes } from "../../src/xlsx/loadWorkbook";
import { readWorkbook } from "../../src/xlsx/readWorkbook";
import { cchc, SAMPLE_CRITERIA, tempDir } from "../support/cli";
import { PYTHON } from "../support/otherPrograms";

/**
 * The criteria sheet as `cchc criteria … --out X.xlsx` and `cchc template` write it, read from the package
 * itself: a dropdown on every column of choices (its list on the sheet holding exactly the words the sheet
 * writes), the columns wide enough for those words, names wrapped, the rows down to the header frozen; and the
 * file reads back to the same set. openpyxl, reading the same file, sees the same.
 */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const SET_JSON = readFileSync(SAMPLE_CRITERIA, "utf8");
const parsed = parseCriteriaJson(SET_JSON);
if (!parsed.ok) throw new Error("the sample set must be valid");
const SET = parsed.set;

interface SheetXml {
  doc: Document;
  /** cellXfs of the stylesheet, by index. */
  xfs: Element[];
}

const els = (root: Document | Element, name: string): Element[] =>
  Array.from(root.getElementsByTagNameNS(MAIN, name));

async function criteriaSheetXml(bytes: Buffer): Promise<SheetXml> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = async (p: string) =>
    new DOMParser().parseFromString(
      await zip.file(p)!.async("string"),
      "text/xml"
    ) as unknown as Document;
  const workbook = await xml("xl/workbook.xml");
  const sheet = els(workbook, "sheet").find((s) => s.getAttribute("name") === "Bộ tiêu chí")!;
  const rid = sheet.getAttributeNS(
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "id"
  );
  const rels = await xml("xl/_rels/workbook.xml.rels");
  const target = Array.from(rels.getElementsByTagName("Relationship"))
    .find((r) => r.getAttribute("Id") === rid)!
    .getAttribute("Target")!;
  const doc = await xml(path.posix.join("xl", target.replace(/^\/?xl\//, "")));
  const styles = await xml("xl/styles.xml");
  return { doc, xfs: els(els(styles, "cellXfs")[0], "xf") };
}

/** Cell values of the sheet as the project's reader reads them (for the lists' cells). */
async function readBack(bytes: Buffer) {
  return readWorkbook(await loadWorkbookBytes(bytes));
}

function colWidth(doc: Document, col: number): number | undefined {
  const c = els(doc, "col").find(
    (e) => Number(e.getAttribute("min")) <= col && col <= Number(e.getAttribute("max"))
  );
  return c ? Number(c.getAttribute("width")) : undefined;
}

function cellXf(sx: SheetXml, ref: string): Element | undefined {
  const c = els(sx.doc, "c").find((e) => e.getAttribute("r") === ref);
  return sx.xfs[Number(c?.getAttribute("s") ?? 0)];
}
const wraps = (xf: Element | undefined) =>
  xf !== undefined && els(xf, "alignment")[0]?.getAttribute("wrapText") === "1";

/** "'Bộ tiêu chí'!$N$1:$R$1" → the values of those cells. */
function listCells(grid: { values: unknown[][] }, formula: string): unknown[] {
  const m = /^'Bộ tiêu chí'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(formula);
  if (!m) throw new Error(`not a range on the sheet: ${formula}`);
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  expect(m[2]).toBe(m[4]);
  const row = grid.values[Number(m[2]) - 1] ?? [];
  return row.slice(col(m[1]) - 1, col(m[3]));
}

const dir = tempDir();
const criteriaFile = path.join(dir, "bo.xlsx");
const templateFile = path.join(dir, "mau.xlsx");

beforeAll(async () => {
  expect((await cchc("criteria", SAMPLE_CRITERIA, "--out", criteriaFile)).code).toBe(0);
  expect(
    (
      await cchc(
        "template",
        "--criteria",
        SAMPLE_CRITERIA,
        "--units",
        "Xã A;Xã B",
        "--out",
        templateFile
      )
    ).code
  ).toBe(0);
}, 120_000);

describe.each([
  ["cchc criteria --out", () => criteriaFile],
  ["cchc template", () => templateFile],
])("the criteria sheet written by %s", (_name, file) => {
  let bytes: Buffer;
  let sx: SheetXml;
  let header: number;
  beforeAll(async () => {
    bytes = readFileSync(file());
    sx = await criteriaSheetXml(bytes);
    const grid = (await readBack(bytes)).sheets.find((s) => s.name === "Bộ tiêu chí")!;
    header = grid.values.findIndex((r) => r[0] === "Mã") + 1;
    expect(header).toBe(criteriaRowsHeader());
  });

  test("reads back to the same set", async () => {
    const back = criteriaFromWorkbook(await readBack(bytes), "vi");
    expect(back?.ok && criteriaToJson(back.set)).toBe(criteriaToJson(SET));
  });

  test("the rows down to the header are frozen", () => {
    const pane = els(sx.doc, "pane")[0];
    expect(pane?.getAttribute("state")).toBe("frozen");
    expect(Number(pane?.getAttribute("ySplit"))).toBe(header);
    expect(pane?.getAttribute("topLeftCell")).toBe(`A${header + 1}`);
  });

  test("every column of choices has a dropdown of exactly the words the sheet writes, warning on others", async () => {
    const grid = (await readBack(bytes)).sheets.find((s) => s.name === "Bộ tiêu chí")!;
    const rows = grid.values;
    const last = rows.findIndex((r, i) => i >= header && r[1] === "Điểm thưởng, điểm trừ");
    const validations = els(sx.doc, "dataValidation").map((v) => ({
      sqref: v.getAttribute("sqref"),
      type: v.getAttribute("type"),
      errorStyle: v.getAttribute("errorStyle"),
      dropDownHidden: v.getAttribute("showDropDown"),
      words: listCells(grid, els(v, "formula1")[0].textContent ?? ""),
    }));
    const at = (sqref: string) => validations.find((v) => v.sqref === sqref);
    const expected: [string, string[]][] = [
      [`F${header + 1}:F${last}`, choiceWords("rule")],
      [`H${header + 1}:H${last}`, ["Có", "Không"]],
      [`I${header + 1}:I${last}`, ["Tự chấm", "Điều tra XHH"]],
      [`J${header + 1}:J${last}`, ["Có", "Không"]],
      ["B4", ["Cấp xã", "Cấp huyện", "Sở, ngành"]],
      ["B6", ["Làm tròn", "Cắt bỏ"]],
      [`F${last + 2}:F${rows.length}`, ["Điểm thưởng", "Điểm trừ"]],
    ];
    expect(choiceWords("rule")).toEqual([
      "Đạt/Không đạt",
      "Theo mức",
      "Trừ điểm",
      "Tỷ lệ",
      "Tự do",
    ]);
    for (const [sqref, words] of expected) {
      expect([sqref, at(sqref)?.type, at(sqref)?.words]).toEqual([sqref, "list", words]);
      expect([sqref, at(sqref)?.errorStyle, at(sqref)?.dropDownHidden]).toEqual([
        sqref,
        "warning",
        null,
      ]);
    }
    // What the sheet wrote in those columns is among the dropdown's words.
    for (let r = header; r < last - 1; r++) {
      const rule = rows[r][5];
      if (rule !== null) expect(choiceWords("rule")).toContain(rule);
    }
    expect(rows[3][1]).toBe("Cấp xã");
  });

  test("columns are wide enough for their words; the header and the names are wrapped", () => {
    const longestRule = Math.max(...choiceWords("rule").map((w) => w.length));
    expect(colWidth(sx.doc, 6)).toBeGreaterThanOrEqual(longestRule + 2);
    expect(colWidth(sx.doc, 9)).toBeGreaterThanOrEqual("Điều tra XHH".length + 2);
    expect(colWidth(sx.doc, 2)).toBeGreaterThanOrEqual(40);
    expect(colWidth(sx.doc, 7)).toBeGreaterThanOrEqual(30);
    for (const ref of [`B${header + 1}`, `B${header + 2}`, `G${header + 3}`, "A5", `H${header}`])
      expect([ref, wraps(cellXf(sx, ref))]).toEqual([ref, true]);
    expect(els(cellXf(sx, `A${header}`)!, "alignment")[0]?.getAttribute("horizontal")).toBe(
      "center"
    );
  });
});

test("openpyxl sees the dropdowns, the frozen header, the widths and the wrapped names", () => {
  const script = path.join(dir, "look.py");
  writeFileSync(
    script,
    [
      "import json, sys, openpyxl",
      "wb = openpyxl.load_workbook(sys.argv[1])",
      "ws = wb['Bộ tiêu chí']",
      "out = {'freeze': ws.freeze_panes, 'widthF': ws.column_dimensions['F'].width,",
      "       'wrapB': ws['B20'].alignment.wrap_text,",
      "       'validations': [[str(v.sqref), v.type, v.formula1, v.errorStyle] for v in ws.data_validations.dataValidation]}",
      "print(json.dumps(out, ensure_ascii=False))",
    ].join("\n")
  );
  const r = spawnSync(PYTHON, [script, criteriaFile], { encoding: "utf8" });
  expect(r.stderr).toBe("");
  const seen = JSON.parse(r.stdout);
  const header = criteriaRowsHeader();
  expect(seen.freeze).toBe(`A${header + 1}`);
  expect(seen.widthF).toBeGreaterThanOrEqual(15);
  expect(seen.wrapB).toBe(true);
  const rule = seen.validations.find((v: string[]) => v[0].startsWith(`F${header + 1}:`));
  expect(rule?.slice(1)).toEqual(["list", "'Bộ tiêu chí'!$N$1:$R$1", "warning"]);
  expect(seen.validations).toHaveLength(7);
});

function criteriaRowsHeader(): number {
  // The settings (7 rows and one a band), a blank row, the header.
  return 7 + SET.bands.length + 2;
}
