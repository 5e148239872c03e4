import { DOMParser, XMLSerializer, type Element } from "@xmldom/xmldom";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { WritePlan } from "../../../src/core/port";
import { a1, parseA1, parseArea } from "../../../src/core/sheet/address";
import { patchPackage } from "../../../src/xlsx/package";
import { checkWorkbook, rankUnits } from "../../../src/core/check/checkWorkbook";
import { buildReport } from "../../../src/core/report/report";
import { summaryMismatches } from "../../formulas/summarySheet";
import { recalculateAll, SheetValues } from "../../support/libreoffice";
import { loadBook, partsOf, partText, sampleBytes, sampleSet, scorePlanOf } from "./packageHelpers";
import {
  CHART_PARTS,
  OUR_OLD_RULE,
  richSample,
  UNIT_PART,
  USER_RULE,
  VBA_BYTES,
} from "./richFixture";

/**
 * `patchPackage`: the user's own package with the plan applied. Every part a run does not concern stays byte for
 * byte; in the parts it edits, every element and attribute it does not own stays; and the figures, recalculated
 * by LibreOffice, are what they should be.
 */

const NOW = new Date("2026-11-30T08:00:00Z");
const SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
/** Parts a run may change: the package's bookkeeping, the styles, and the worksheets it writes to or adds. */
const BOOKKEEPING = [
  "[Content_Types].xml",
  "xl/_rels/workbook.xml.rels",
  "xl/workbook.xml",
  "docProps/app.xml",
  "xl/calcChain.xml",
  "xl/styles.xml",
];
/** The sample's unit sheets' parts (An Bình … Hòa Lạc); sheet1 is the criteria sheet, sheet7 the guide. */
const UNIT_PARTS = [2, 3, 4, 5, 6].map((i) => `xl/worksheets/sheet${i}.xml`);

const dir = mkdtempSync(path.join(tmpdir(), "cchc-patch-"));
function file(name: string, bytes: Uint8Array): string {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

async function patched(bytes: Uint8Array): Promise<{ out: Uint8Array; plan: WritePlan }> {
  const { read, plan } = await scorePlanOf(bytes);
  return { out: await patchPackage(bytes, read, plan, { now: NOW }), plan };
}

const parse = (xml: string) => new DOMParser().parseFromString(xml, "text/xml");
const markup = (el: Element) => new XMLSerializer().serializeToString(el);
function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}
function cellsOf(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  const cs = parse(xml).getElementsByTagName("c");
  for (let i = 0; i < cs.length; i++) out.set(cs[i].getAttribute("r")!, markup(cs[i]));
  return out;
}
/** The cells a plan writes or styles on a sheet. */
function written(plan: WritePlan, sheet: string): Set<string> {
  const out = new Set<string>();
  for (const r of plan.ranges.filter((x) => x.sheet === sheet)) {
    const { row, col } = parseA1(r.at);
    r.cells.forEach((line, i) => line.forEach((_, j) => out.add(a1(row + i, col + j))));
  }
  for (const s of plan.styles.filter((x) => x.sheet === sheet)) {
    const a = parseArea(s.range);
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++) out.add(a1(r, c));
  }
  return out;
}
function numbers(values: SheetValues, sheet: string, cells: string[]): number[] {
  return cells.map((a) => {
    const { row, col } = parseA1(a);
    return Number(values.get(sheet)![row - 1][col - 1]);
  });
}
function withoutUndo(values: SheetValues): [string, string[][]][] {
  return [...values]
    .filter(([name]) => name !== "cchc_hoan_tac")
    .sort(([a], [b]) => a.localeCompare(b));
}

test("the sample: every part a run does not concern is byte-identical, and the recalculated summary shows the checked figures", async () => {
  const original = sampleBytes();
  const { out } = await patched(original);
  const before = await partsOf(original);
  const after = await partsOf(out);
  const mayChange = new Set([...BOOKKEEPING, ...UNIT_PARTS]);
  for (const [name, bytes] of before)
    if (!mayChange.has(name)) expect([name, after.get(name)?.equals(bytes)]).toEqual([name, true]);
  // The summary, data and undo sheets are the only new parts.
  expect([...after.keys()].filter((k) => !before.has(k))).toEqual([
    "xl/worksheets/sheet8.xml",
    "xl/worksheets/sheet9.xml",
    "xl/worksheets/sheet10.xml",
  ]);

  const all = await recalculateAll([file("sample-patched.xlsx", out)]);
  const mine = all.get(path.join(dir, "sample-patched.xlsx"))!;
  const { read } = await scorePlanOf(original);
  const set = sampleSet();
  const checked = checkWorkbook(set, read, "sample.xlsx");
  rankUnits(set, checked.units);
  const report = buildReport(set, checked.units, checked.findings, "vi", "test");
  expect(summaryMismatches(mine.get("Tổng hợp")!, set, report, (u) => u.sheet)).toEqual([]);
  expect(withoutUndo(mine).length).toBe(9);
}, 240_000);

test("a person's workbook: charts, links, merges, names, settings and every cell not written stay; shared and array formulas keep their figures", async () => {
  const original = await richSample();
  const { out, plan } = await patched(original);
  const before = await partsOf(original);
  const after = await partsOf(out);
  const mayChange = new Set([...BOOKKEEPING, ...UNIT_PARTS]);
  for (const [name, bytes] of before)
    if (!mayChange.has(name)) expect([name, after.get(name)?.equals(bytes)]).toEqual([name, true]);
  for (const p of [
    ...CHART_PARTS,
    "xl/worksheets/_rels/sheet2.xml.rels",
    "docProps/custom.xml",
    "xl/sharedStrings.xml",
  ])
    expect(after.get(p)!.equals(before.get(p)!)).toBe(true);

  // The unit sheet: its other elements as they were, in their order.
  const was = parse(before.get(UNIT_PART)!.toString("utf8")).documentElement!;
  const now = parse(after.get(UNIT_PART)!.toString("utf8")).documentElement!;
  const ours = new Set(["sheetData", "conditionalFormatting", "dataValidations", "dimension"]);
  const others = (root: Element) =>
    childElements(root)
      .filter((e) => !ours.has(e.localName!))
      .map(markup);
  expect(others(now)).toEqual(others(was));
  expect(childElements(now).map((e) => e.localName)).toEqual([
    "dimension",
    "sheetFormatPr",
    "sheetData",
    "mergeCells",
    ...Array(childElements(now).filter((e) => e.localName === "conditionalFormatting").length).fill(
      "conditionalFormatting"
    ),
    "dataValidations",
    "hyperlinks",
    "pageMargins",
    "pageSetup",
    "drawing",
  ]);
  // Every cell the run does not write or style — nor hand its own formula (G6:G12, G14) — is exactly as it was.
  const wrote = written(plan, "An Bình");
  const handed = new Set(["G6", "G7", "G8", "G9", "G10", "G11", "G12", "G14"]);
  const cellsNow = cellsOf(after.get(UNIT_PART)!.toString("utf8"));
  for (const [ref, c] of cellsOf(before.get(UNIT_PART)!.toString("utf8")))
    if (!wrote.has(ref) && !handed.has(ref)) expect([ref, cellsNow.get(ref)]).toEqual([ref, c]);
  expect(cellsNow.get("G7")).toBe(`<c r="G7" xmlns="${SML}"><f>E7</f><v>1</v></c>`);
  expect(cellsNow.get("G14")).toContain(`<f t="array" ref="G14">INDEX((E13:E14),2,1)</f><v>2</v>`);

  // The person's rule keeps its block and priority; ours is there once, after it.
  const cfs = childElements(now).filter((e) => e.localName === "conditionalFormatting");
  expect(markup(cfs[0])).toBe(
    `<conditionalFormatting sqref="F7:F12 F14:F18" xmlns="${SML}"><cfRule type="expression" dxfId="0" priority="1"><formula>${USER_RULE.replace(">", "&gt;")}</formula></cfRule></conditionalFormatting>`
  );
  const rules = cfs.flatMap((cf) => childElements(cf));
  expect(rules.filter((r) => markup(r).includes(OUR_OLD_RULE.replace(">", "&gt;")))).toHaveLength(
    1
  );
  const priorities = rules.map((r) => r.getAttribute("priority"));
  expect(new Set(priorities).size).toBe(priorities.length);

  // The person's validation keeps the cells the run does not validate; count matches; no cell has two rules.
  const dvs = childElements(now).find((e) => e.localName === "dataValidations")!;
  expect(dvs.getAttribute("count")).toBe(String(childElements(dvs).length));
  const cellsOfRule = (dv: Element) =>
    dv
      .getAttribute("sqref")!
      .split(" ")
      .flatMap((a) => {
        const [p, q] = a.split(":");
        const from = parseA1(p);
        const to = parseA1(q ?? p);
        const out: string[] = [];
        for (let r = from.row; r <= to.row; r++)
          for (let c = from.col; c <= to.col; c++) out.push(a1(r, c));
        return out;
      });
  const person = childElements(dvs).find((dv) => dv.getAttribute("type") === "whole")!;
  expect(cellsOfRule(person).sort()).toEqual(["D5", "D6", "D7", "D8", "D9", "E5", "E6"]);
  expect(person.getAttribute("error")).toBe("0–10\nthôi");
  const everyCell = childElements(dvs).flatMap(cellsOfRule);
  expect(new Set(everyCell).size).toBe(everyCell.length);

  // Names, views and calculation settings kept; full recalculation on load; calc chain entries of changed cells gone.
  const wb = await partText(out, "xl/workbook.xml");
  expect(wb).toContain(
    `<calcPr calcId="171027" calcMode="manual" iterate="1" iterateCount="50" fullCalcOnLoad="1"/>`
  );
  expect(wb).toContain(`<bookViews><workbookView activeTab="1" firstSheet="0"/></bookViews>`);
  expect(wb).toContain(
    `<definedName name="_xlnm.Print_Area" localSheetId="1">'An Bình'!$A$1:$H$59</definedName><definedName name="CotDiem">'An Bình'!$C$5:$C$58</definedName>`
  );
  expect(await partText(out, "xl/calcChain.xml")).toContain(
    `<calcChain xmlns="${SML}"><c r="B3" i="3"/></calcChain>`
  );

  const all = await recalculateAll([
    file("rich-patched.xlsx", out),
    file("sample-patched-2.xlsx", (await patched(sampleBytes())).out),
  ]);
  const rich = all.get(path.join(dir, "rich-patched.xlsx"))!;
  const plain = all.get(path.join(dir, "sample-patched-2.xlsx"))!;
  // G7:G12 still take E's figures, G14 still shows E14; the subtotals over them are right.
  expect(numbers(rich, "An Bình", ["G7", "G8", "G9", "G10", "G11", "G12", "G14"])).toEqual(
    numbers(rich, "An Bình", ["E7", "E8", "E9", "E10", "E11", "E12", "E14"])
  );
  expect(numbers(rich, "An Bình", ["G5", "G6", "G13"])).toEqual(
    numbers(plain, "An Bình", ["G5", "G6", "G13"])
  );
  // The unit's figures in the summary are the same as for the sample without any of the person's additions.
  expect(rich.get("Tổng hợp")).toEqual(plain.get("Tổng hợp"));
}, 240_000);

test("an .xlsm keeps its macro-enabled content type and its VBA project", async () => {
  const original = await richSample({ macroEnabled: true });
  const { out } = await patched(original);
  const types = await partText(out, "[Content_Types].xml");
  expect(types).toContain(
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>`
  );
  expect(types).toContain(
    `<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>`
  );
  expect((await partsOf(out)).get("xl/vbaProject.bin")!.equals(Buffer.from(VBA_BYTES))).toBe(true);
  expect(await partText(out, "xl/_rels/workbook.xml.rels")).toContain(`Target="vbaProject.bin"`);
});

test("absolute relationship targets (as openpyxl writes them) lead to the same parts; ours are added relative", async () => {
  const original = await richSample({ absoluteTargets: true });
  const { out } = await patched(original);
  const before = await partsOf(original);
  const after = await partsOf(out);
  expect([...after.keys()].filter((k) => !before.has(k))).toEqual([
    "xl/worksheets/sheet8.xml",
    "xl/worksheets/sheet9.xml",
    "xl/worksheets/sheet10.xml",
  ]);
  expect(after.get(UNIT_PART)!.equals(before.get(UNIT_PART)!)).toBe(false);
  const rels = await partText(out, "xl/_rels/workbook.xml.rels");
  expect(rels).toContain(`Target="/xl/worksheets/sheet2.xml"`);
  expect(rels).toContain(`Target="worksheets/sheet8.xml"`);
  expect(await partText(out, "xl/calcChain.xml")).toContain(`<c r="B3" i="3"/>`);
  const book = await loadBook(out);
  expect(book.worksheets.map((w) => w.name)).toContain("Tổng hợp");
});

test("a second run over its own output rebuilds the summary in place and adds no style, rule, validation or sheet", async () => {
  const first = (await patched(await richSample())).out;
  const second = (await patched(first)).out;
  const a = await partsOf(first);
  const b = await partsOf(second);
  expect([...b.keys()]).toEqual([...a.keys()]);
  expect(b.get("xl/styles.xml")!.equals(a.get("xl/styles.xml")!)).toBe(true);
  const count = (xml: string, tag: string) => parse(xml).getElementsByTagName(tag).length;
  for (const tag of ["cfRule", "dataValidation", "c", "row"])
    expect([tag, count(b.get(UNIT_PART)!.toString("utf8"), tag)]).toEqual([
      tag,
      count(a.get(UNIT_PART)!.toString("utf8"), tag),
    ]);
  const wb = await partText(second, "xl/workbook.xml");
  expect(wb.match(/<sheet /g)).toHaveLength(10);
  expect(b.get("xl/worksheets/sheet8.xml")!.equals(a.get("xl/worksheets/sheet8.xml")!)).toBe(true);
});
