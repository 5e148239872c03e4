import { DOMParser, XMLSerializer } from "@xmldom/xmldom";
import JSZip from "jszip";
import { WritePlan } from "../../../src/core/port";
import {
  patchPackage,
  readWorkbookFacts,
  revertPackage,
  withWorkbookFacts,
} from "../../../src/xlsx/package";
import { partsOf, partText, sampleBytes, scorePlanOf } from "./packageHelpers";

/**
 * The tool's own sheets, as core plans them: a summary and a veryHidden data sheet, each marked by a hidden name,
 * the not-scored marks and list sources on the data sheet (the second run here is given other marks). A second run empties them in place (their
 * parts and relationships stay); undo gives back the first run's content and names.
 */

const SUMMARY_PART = "xl/worksheets/sheet8.xml";

/** The plan with the marks column of core's data sheet (its A2 down) set to these marks. */
function withMarks(plan: WritePlan, marks: string[]): void {
  const column = plan.ranges.find((r) => r.sheet === "cchc_du_lieu" && r.at === "A1")!;
  column.cells = [column.cells[0], ...marks.map((m) => [{ value: m }])];
  plan.names.find((n) => n.name === "_cchc.marks")!.refersTo =
    `'cchc_du_lieu'!$A$2:$A$${1 + marks.length}`;
}

async function run(bytes: Uint8Array, marks: string[]): Promise<Uint8Array> {
  const { read, plan } = await scorePlanOf(bytes);
  expect(plan.sheets.map((p) => [p.name, p.role, p.visibility])).toEqual([
    ["Tổng hợp", "summary", undefined],
    ["cchc_du_lieu", "data", "veryHidden"],
  ]);
  withMarks(plan, marks);
  return patchPackage(bytes, read, plan);
}

/** A person's chart on our summary sheet: a drawing relationship the rebuild must keep. */
async function withDrawingOnSummary(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const doc = new DOMParser().parseFromString(
    await zip.file(SUMMARY_PART)!.async("string"),
    "text/xml"
  );
  const ws = doc.documentElement!;
  const drawing = doc.createElementNS(ws.namespaceURI, "drawing");
  drawing.setAttributeNS(
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "r:id",
    "rId1"
  );
  ws.appendChild(drawing);
  zip.file(SUMMARY_PART, new XMLSerializer().serializeToString(doc));
  zip.file(
    "xl/worksheets/_rels/sheet8.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing9.xml"/></Relationships>`
  );
  zip.file(
    "xl/drawings/drawing9.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"/>`
  );
  const types = new DOMParser().parseFromString(
    await zip.file("[Content_Types].xml")!.async("string"),
    "text/xml"
  );
  const o = types.createElementNS(types.documentElement!.namespaceURI, "Override");
  o.setAttribute("PartName", "/xl/drawings/drawing9.xml");
  o.setAttribute("ContentType", "application/vnd.openxmlformats-officedocument.drawing+xml");
  types.documentElement!.appendChild(o);
  zip.file("[Content_Types].xml", new XMLSerializer().serializeToString(types));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

test("the tool's sheets are marked, the data sheet veryHidden; a second run rebuilds them in place; undo goes back one run", async () => {
  const original = sampleBytes();
  const first = await withDrawingOnSummary(await run(original, ["KĐG", "KDG"]));
  const facts = await readWorkbookFacts(first);
  expect([...facts.roles].sort()).toEqual([
    ["Tổng hợp", "summary"],
    ["cchc_du_lieu", "data"],
    ["cchc_hoan_tac", "undo"],
  ]);
  expect(facts.sheets.find((s) => s.name === "cchc_du_lieu")!.visibility).toBe("veryHidden");
  expect(facts.names.filter((n) => n.name.startsWith("_cchc.")).every((n) => n.hidden)).toBe(true);
  const read = withWorkbookFacts((await scorePlanOf(first)).read, facts);
  expect(read.sheets.filter((g) => g.role).map((g) => [g.name, g.role, g.visibility])).toEqual([
    ["Tổng hợp", "summary", "visible"],
    ["cchc_du_lieu", "data", "veryHidden"],
    ["cchc_hoan_tac", "undo", "veryHidden"],
  ]);
  expect(read.names).toBe(facts.names);

  const second = await run(first, ["KĐG", "KDG", "Không đánh giá"]);
  const a = await partsOf(first);
  const b = await partsOf(second);
  expect([...b.keys()]).toEqual([...a.keys()]);
  expect(
    b
      .get("xl/worksheets/_rels/sheet8.xml.rels")!
      .equals(a.get("xl/worksheets/_rels/sheet8.xml.rels")!)
  ).toBe(true);
  expect(b.get(SUMMARY_PART)!.toString("utf8")).toContain(`<drawing r:id="rId1"/>`);
  expect((await partText(second, "xl/workbook.xml")).match(/<sheet /g)).toHaveLength(10);
  expect(await partText(second, "xl/workbook.xml")).toContain(
    `<definedName name="_cchc.marks" hidden="1">'cchc_du_lieu'!$A$2:$A$4</definedName>`
  );

  // Undo of the second run: the data sheet holds the first run's marks again, the name its first range.
  const { bytes, result } = await revertPackage(second);
  expect(result.restoredSheets.sort()).toEqual(["Tổng hợp", "cchc_du_lieu"]);
  expect(result.removedSheets).toEqual([]);
  const wb = await partText(bytes, "xl/workbook.xml");
  expect(wb).toContain(
    `<definedName name="_cchc.marks" hidden="1">'cchc_du_lieu'!$A$2:$A$3</definedName>`
  );
  expect(wb).not.toContain("_cchc.sheet.undo");
  const dataPart = [...(await partsOf(bytes)).keys()].find((k) => /sheet9\.xml$/.test(k))!;
  const data = await partText(bytes, dataPart);
  expect(data).toContain("<t>KĐG</t>");
  expect(data).not.toContain("Không đánh giá");
  expect(wb).toMatch(/<sheet name="cchc_du_lieu" sheetId="9" state="veryHidden"/);
  // Nothing more to undo: one run back only.
  await expect(revertPackage(bytes)).rejects.toMatchObject({ code: "nothing-to-revert" });
});
