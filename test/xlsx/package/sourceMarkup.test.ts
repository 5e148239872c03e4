import { parseXml, serializeXml } from "../../../src/xlsx/xml/document";
import { sourceMarkup } from "../../../src/xlsx/xml/sourceMarkup";
import {
  append,
  appendNew,
  child,
  children,
  clone,
  insertInOrder,
  remove,
  removeAttr,
  removeChildrenWhere,
  root,
  setAttr,
  setText,
  type Element,
} from "../../../src/xlsx/xml";

/**
 * What nobody changed is written back as the characters it was read from (single quotes, spaces inside a tag,
 * `<a></a>`, entities as they were spelt); what changed is written from the tree, with the unchanged parts inside
 * it still kept as they were.
 */

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
// Spelt the way other writers spell XML, not the way we do: every one of these differs from our own spelling.
const ROW1 = `<row r='1' spans="1:2" ><c r='A1' t="s"><v>0</v></c><c r="B1"></c></row>`;
const ROW2 = `<row r="2"><c r="A2"><f>IF(A1=&quot;x&quot;,1,2)</f><v>1</v></c></row>`;
const SHEET = `${DECL}<worksheet xmlns="urn:x" xmlns:x14ac='urn:y'><sheetData>${ROW1}${ROW2}</sheetData><pageMargins left="0.7"  right="0.7"/></worksheet>`;

function rows(doc: ReturnType<typeof parseXml>): Element[] {
  return children(child(root(doc), "sheetData")!, "row");
}

test("a part nobody changed is written back byte for byte", () => {
  expect(serializeXml(parseXml(SHEET, "s.xml"))).toBe(SHEET);
});

test("a changed cell's row, sheetData and root are written anew; its sibling row and the margins stay as read", () => {
  const doc = parseXml(SHEET, "s.xml");
  const a2 = children(rows(doc)[1], "c")[0];
  setText(child(a2, "v")!, "2");
  const out = serializeXml(doc);
  expect(out).toContain(ROW1);
  expect(out).toContain(`<pageMargins left="0.7"  right="0.7"/>`);
  expect(out).toContain(`<row r="2"><c r="A2"><f>IF(A1=&quot;x&quot;,1,2)</f><v>2</v></c></row>`);
  expect(out).toContain(`<worksheet xmlns="urn:x" xmlns:x14ac="urn:y">`);
});

test("an attribute set or removed re-spells only that element's own tag; the cells inside it stay as read", () => {
  const doc = parseXml(SHEET, "s.xml");
  setAttr(rows(doc)[0], "spans", "1:3");
  expect(serializeXml(doc)).toContain(
    `<row r="1" spans="1:3"><c r='A1' t="s"><v>0</v></c><c r="B1"></c></row>`
  );
  const again = parseXml(SHEET, "s.xml");
  removeAttr(rows(again)[0], "spans");
  expect(serializeXml(again)).toContain(`<row r="1"><c r='A1' t="s">`);
  const untouched = parseXml(SHEET, "s.xml");
  removeAttr(rows(untouched)[0], "absent"); // nothing removed: nothing re-spelt
  expect(serializeXml(untouched)).toBe(SHEET);
});

test("children added, placed in order or removed re-spell their parent", () => {
  const doc = parseXml(SHEET, "s.xml");
  appendNew(rows(doc)[1], "c", { r: "B2" });
  expect(serializeXml(doc)).toContain(`<row r="2"><c r="A2">`);
  expect(serializeXml(doc)).toContain(`<c r="B2"/></row>`);

  const doc2 = parseXml(SHEET, "s.xml");
  remove(children(rows(doc2)[0], "c")[1]);
  expect(serializeXml(doc2)).toContain(`<row r="1" spans="1:2"><c r='A1' t="s"><v>0</v></c></row>`);

  const doc3 = parseXml(SHEET, "s.xml");
  expect(removeChildrenWhere(rows(doc3)[0], () => false)).toBe(0);
  expect(serializeXml(doc3)).toBe(SHEET);
  removeChildrenWhere(rows(doc3)[0], (n) => (n as Element).attribs?.r === "B1");
  expect(serializeXml(doc3)).toContain(`<row r="1" spans="1:2"><c r='A1' t="s">`);
});

test("an element moved elsewhere is written from the tree, never as a slice of where it was", () => {
  const doc = parseXml(SHEET, "s.xml");
  const [r1, r2] = rows(doc);
  const a1 = children(r1, "c")[0];
  append(r2, a1); // moved from row 1 to the end of row 2
  const out = serializeXml(doc);
  expect(out).toContain(`<row r="1" spans="1:2"><c r="B1"></c></row>`); // B1 itself unchanged
  expect(out).toContain(`<c r="A1" t="s"><v>0</v></c></row>`);
  expect(parseXml(out, "s.xml")).toBeTruthy();
});

test("an element copied into another part is written from the tree, not from the other part's text", () => {
  const from = parseXml(SHEET, "a.xml");
  const to = parseXml(`${DECL}<worksheet xmlns="urn:x"><sheetData/></worksheet>`, "b.xml");
  const copy = clone(rows(from)[0]);
  insertInOrder(child(root(to), "sheetData")!, copy, ["row"]);
  expect(serializeXml(to)).toBe(
    `${DECL}<worksheet xmlns="urn:x"><sheetData><row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c><c r="B1"/></row></sheetData></worksheet>`
  );
  expect(serializeXml(from)).toBe(SHEET);
});

test("the guard: a slice is taken only where the element's own start tag begins and a '>' ends it", () => {
  expect(sourceMarkup("<cols><col/></cols>", 0, 18, "cols")).toBe("<cols><col/></cols>");
  expect(sourceMarkup("<cols><col/></cols>", 0, 18, "col")).toBeUndefined(); // "col" is not "cols"
  expect(sourceMarkup("<a x='1'>t</a>", 0, 13, "a")).toBe("<a x='1'>t</a>");
  expect(sourceMarkup("<a>t</a>", 1, 7, "a")).toBeUndefined();
  expect(sourceMarkup("<a>t</a>", 0, 6, "a")).toBeUndefined();
  expect(sourceMarkup(undefined, 0, 7, "a")).toBeUndefined();
  expect(sourceMarkup("<a>t</a>", null, 7, "a")).toBeUndefined();
});
