import { DOMParser, XMLSerializer, type Document } from "@xmldom/xmldom";
import { mkdtempSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { tmpdir } from "os";
import * as path from "path";
import { DomainError } from "../../../src/core/errors/domainError";
import { WritePlan } from "../../../src/core/port";
import { a1, parseArea } from "../../../src/core/sheet/address";
import { patchPackage, revertPackage } from "../../../src/xlsx/package";
import { loadWorkbookBytes } from "../../../src/xlsx/loadWorkbook";
import { readWorkbook } from "../../../src/xlsx/readWorkbook";
import { revertXlsx } from "../useCases";
import { snapshotOf, withSnapshot } from "../../support/undoData";
import { recalculateAll } from "../../support/libreoffice";
import { workbookState } from "../../support/workbookState";
import { loadBook, partsOf, partText, sampleBytes, sampleSet, scorePlanOf } from "./packageHelpers";
import { OUR_OLD_RULE, richSample, UNIT_PART, USER_RULE } from "./richFixture";

/**
 * `revertPackage`: the package as it was before the run, from the snapshot the run kept in it — cells (with their
 * rich text), rules, validations, styles, names; the sheets the run added gone; nothing the run did not touch
 * changed by either step.
 */

const SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const dir = mkdtempSync(path.join(tmpdir(), "cchc-revert-"));
const file = (name: string, bytes: Uint8Array) => {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
};

async function scored(
  bytes: Uint8Array,
  change: (plan: WritePlan) => void = () => undefined
): Promise<Uint8Array> {
  const { read, plan } = await scorePlanOf(bytes);
  change(plan);
  return patchPackage(bytes, read, plan);
}

const parse = (xml: string) => new DOMParser().parseFromString(xml, "text/xml");
const serialize = (doc: Document) => new XMLSerializer().serializeToString(doc);
function cellMarkup(xml: string, ref: string): string | undefined {
  const cs = parse(xml).getElementsByTagName("c");
  for (let i = 0; i < cs.length; i++)
    if (cs[i].getAttribute("r") === ref) return new XMLSerializer().serializeToString(cs[i]);
  return undefined;
}
function elementMarkup(xml: string, tag: string): string[] {
  const list = parse(xml).getElementsByTagName(tag);
  return [...Array(list.length).keys()].map((i) => new XMLSerializer().serializeToString(list[i]));
}

function cellsIn(area: string): string[] {
  const a = parseArea(area);
  const out: string[] = [];
  for (let r = a.top; r <= a.bottom; r++)
    for (let c = a.left; c <= a.right; c++) out.push(a1(r, c));
  return out;
}

/** Edits one part of a package as Excel would have, through a DOM. */
async function editPart(
  bytes: Uint8Array,
  part: string,
  edit: (doc: Document) => void
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const doc = parse(await zip.file(part)!.async("string"));
  edit(doc);
  zip.file(part, serialize(doc));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

test("score then revert gives back the sample: the same cells, styles, rules and validations, and every part the run added is gone", async () => {
  const original = sampleBytes();
  const { bytes, result } = await revertPackage(await scored(original));
  expect(await workbookState(bytes)).toEqual(await workbookState(original));
  expect(result.removedSheets.sort()).toEqual(["Tổng hợp", "cchc_du_lieu"]);
  expect(result.restoredCells).toBeGreaterThan(50);
  const before = await partsOf(original);
  const after = await partsOf(bytes);
  expect([...after.keys()]).toEqual([...before.keys()]);
  for (const name of [
    "xl/sharedStrings.xml",
    "xl/theme/theme1.xml",
    "docProps/core.xml",
    "_rels/.rels",
    "xl/worksheets/sheet1.xml",
    "xl/worksheets/sheet7.xml",
  ])
    expect(after.get(name)!.equals(before.get(name)!)).toBe(true);
  // The bookkeeping is back to the original's sheets (the parts are rewritten, their content the same).
  for (const name of ["xl/_rels/workbook.xml.rels", "[Content_Types].xml", "docProps/app.xml"])
    expect(parse(after.get(name)!.toString("utf8")).documentElement!.toString()).toBe(
      parse(before.get(name)!.toString("utf8")).documentElement!.toString()
    );
  expect(await partText(bytes, "xl/workbook.xml")).not.toContain("definedName");
});

test("a person's workbook comes back: rich text as its runs, links kept, the person's validation and rules, shared-formula cells and figures", async () => {
  const original = await richSample();
  const once = await scored(original);
  const { bytes, result } = await revertPackage(once);
  expect(result.skippedCells).toBe(0);
  const was = (await partsOf(original)).get(UNIT_PART)!.toString("utf8");
  const now = (await partsOf(bytes)).get(UNIT_PART)!.toString("utf8");
  // E5 held rich text before the run wrote a subtotal there: its runs are back (inline), its link never left.
  expect(cellMarkup(now, "E5")).toBe(
    `<c r="E5" t="inlineStr" xmlns="${SML}"><is><r><rPr><b/><sz val="11"/><color rgb="FFC00000"/><rFont val="Calibri"/></rPr><t xml:space="preserve">Điểm </t></r>` +
      `<r><rPr><sz val="11"/><color rgb="FFC00000"/><rFont val="Calibri"/></rPr><t>chưa tính</t></r></is></c>`
  );
  expect(elementMarkup(now, "hyperlinks")).toEqual(elementMarkup(was, "hyperlinks"));
  expect(elementMarkup(now, "mergeCells")).toEqual(elementMarkup(was, "mergeCells"));
  expect(elementMarkup(now, "drawing")).toEqual(elementMarkup(was, "drawing"));
  // G5 anchored the shared formula: it gets back its own formula, as Excel shows it.
  expect(cellMarkup(now, "G5")).toBe(`<c r="G5" xmlns="${SML}"><f>E5</f></c>`);
  expect(cellMarkup(now, "G6")).toBe(`<c r="G6" xmlns="${SML}"><f>E6</f></c>`);
  // G13 was the first cell of an array formula over G13:G14: the area has it back.
  expect(cellMarkup(now, "G13")).toBe(
    `<c r="G13" xmlns="${SML}"><f t="array" ref="G13:G14">E13:E14</f></c>`
  );
  expect(cellMarkup(now, "G14")).toBe(`<c r="G14" xmlns="${SML}"><v>2</v></c>`);
  // Rules: the person's, and the one of an earlier run that this run had replaced.
  const formulas = elementMarkup(now, "formula");
  expect(formulas.filter((f) => f.includes(USER_RULE.replace(">", "&gt;")))).toHaveLength(1);
  expect(formulas.filter((f) => f.includes(OUR_OLD_RULE.replace(">", "&gt;")))).toHaveLength(1);
  expect(formulas).toHaveLength(2);
  // The person's validation is over every cell it had (as several areas), with its message.
  const rules = elementMarkup(now, "dataValidation");
  expect(rules).toHaveLength(2);
  const cells = rules
    .flatMap((r) => parse(r).documentElement!.getAttribute("sqref")!.split(" ").flatMap(cellsIn))
    .sort();
  expect(cells).toEqual(["D5", "D6", "D7", "D8", "D9", "E5", "E6", "E7", "E8", "E9"]);
  for (const r of rules) expect(r).toContain(`type="whole"`);
  expect(rules[1]).toContain(`error="0–10&#10;thôi"`);
  const wb = await partText(bytes, "xl/workbook.xml");
  expect(wb).toContain(
    `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">'An Bình'!$A$1:$H$59</definedName><definedName name="CotDiem">'An Bình'!$C$5:$C$58</definedName></definedNames>`
  );
  expect(wb).not.toContain("cchc");

  // Recalculated, the person's sheets read as they did before the run.
  const all = await recalculateAll([
    file("rich.xlsx", original),
    file("rich-reverted.xlsx", bytes),
  ]);
  const before = all.get(path.join(dir, "rich.xlsx"))!;
  const after = all.get(path.join(dir, "rich-reverted.xlsx"))!;
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [name, rows] of before) expect([name, after.get(name)]).toEqual([name, rows]);
}, 240_000);

test("a cell edited since the run is a conflict: nothing is undone; asked to, undo restores the rest and leaves it", async () => {
  const once = await scored(await richSample());
  // The person types 7 over the run's subtotal in An Bình!E5.
  const edited = await editPart(once, UNIT_PART, (doc) => {
    const cs = doc.getElementsByTagName("c");
    for (let i = 0; i < cs.length; i++)
      if (cs[i].getAttribute("r") === "E5") {
        const c = cs[i];
        while (c.firstChild) c.removeChild(c.firstChild);
        c.removeAttribute("t");
        const v = doc.createElementNS(SML, "v");
        v.appendChild(doc.createTextNode("7"));
        c.appendChild(v);
      }
  });
  const read = readWorkbook(await loadWorkbookBytes(edited, { readOnly: true }));
  const refused = await revertXlsx(edited, read);
  expect(refused.bytes).toBeUndefined();
  expect(refused.conflicts).toEqual([
    { sheet: "An Bình", cell: "E5", wrote: expect.stringMatching(/^=SUM\(E6,/), now: "7" },
  ]);

  const done = await revertXlsx(edited, read, { skipConflicts: true });
  expect(done.result!.skippedCells).toBe(1);
  const now = (await partsOf(done.bytes!)).get(UNIT_PART)!.toString("utf8");
  expect(cellMarkup(now, "E5")).toMatch(/^<c r="E5"[^>]*><v>7<\/v><\/c>$/);
  expect(cellMarkup(now, "G5")).toBe(`<c r="G5" xmlns="${SML}"><f>E5</f></c>`);
});

test("a sheet renamed since the run is found by the marker name the run left on it", async () => {
  const once = await scored(await richSample(), (plan) =>
    plan.names.push({ name: "_cchc.undo.1", refersTo: "'An Bình'!$A$1" })
  );
  // The person renames the sheet: Excel renames it in workbook.xml and in every name that points at it.
  const renamed = await editPart(once, "xl/workbook.xml", (doc) => {
    const sheets = doc.getElementsByTagName("sheet");
    for (let i = 0; i < sheets.length; i++)
      if (sheets[i].getAttribute("name") === "An Bình")
        sheets[i].setAttribute("name", "An Bình (mới)");
    const names = doc.getElementsByTagName("definedName");
    for (let i = 0; i < names.length; i++) {
      const t = names[i].firstChild as unknown as { data: string };
      t.data = t.data.replace("'An Bình'!", "'An Bình (mới)'!");
    }
  });
  const { bytes, result } = await revertPackage(renamed);
  expect(result.restoredCells).toBeGreaterThan(20);
  const now = (await partsOf(bytes)).get(UNIT_PART)!.toString("utf8");
  expect(cellMarkup(now, "E5")).toContain("<t>chưa tính</t>");
  const wb = await partText(bytes, "xl/workbook.xml");
  expect(wb).toContain(`name="An Bình (mới)"`);
  expect(wb).not.toContain("_cchc.");
});

test("a protected sheet stops the revert before anything changes; a workbook without a snapshot has nothing to revert", async () => {
  const once = await scored(sampleBytes());
  const locked = await editPart(once, "xl/worksheets/sheet3.xml", (doc) => {
    const ws = doc.documentElement!;
    const p = doc.createElementNS(SML, "sheetProtection");
    p.setAttribute("sheet", "1");
    ws.insertBefore(p, ws.getElementsByTagName("conditionalFormatting")[0]);
  });
  await expect(revertPackage(locked)).rejects.toMatchObject({
    code: "sheet-protected",
    params: { sheets: "Bình Minh" },
  });
  await expect(revertPackage(sampleBytes())).rejects.toBeInstanceOf(DomainError);
  await expect(revertPackage(sampleBytes())).rejects.toMatchObject({ code: "nothing-to-revert" });
});

test("a snapshot from before runs kept what they wrote (no written, no markers) is undone by name", async () => {
  const original = sampleBytes();
  const once = await scored(original);
  const { written: _w, sheetMarkers: _m, ...older } = (await snapshotOf(once))!; // eslint-disable-line @typescript-eslint/no-unused-vars
  const old = await withSnapshot(once, older);
  const read = readWorkbook(await loadWorkbookBytes(old, { readOnly: true }));
  const { bytes, conflicts } = await revertXlsx(old, read);
  expect(conflicts).toEqual([]);
  const strip = (state: Awaited<ReturnType<typeof workbookState>>) =>
    state.map((s) => ({
      name: s.name,
      cells: Object.fromEntries(
        Object.entries(s.cells).map(([k, v]) => [k, (v as { content: unknown }).content])
      ),
    }));
  expect(strip(await workbookState(bytes!))).toEqual(strip(await workbookState(original)));
});
