import { decodeAttr, decodeText, encodeAttr, encodeText } from "../../../src/xlsx/xml/escaping";
import { parseXml, serializeXml } from "../../../src/xlsx/xml/document";

/** What we write into text and attributes reads back as it was, escaped no more than XML 1.0 asks. */

const SAMPLES = [
  'IF(A1="",0,1)',
  "'Sheet 1'!A1&\"x\"",
  "a<b>c & d ]]> e",
  "dòng một\r\ndòng hai\rba",
  "KĐG — không đánh giá",
];

test.each(SAMPLES)(
  "text %j reads back as written, through a parse of the serialized part",
  (value) => {
    const xml = `<r><t>${encodeText(value)}</t></r>`;
    const doc = parseXml(xml, "t.xml");
    expect(serializeXml(doc)).toBe(xml);
    const t = (doc.children[0] as unknown as { children: { children: { data: string }[] }[] })
      .children[0];
    expect(decodeText(t.children.map((c) => c.data).join(""))).toBe(value);
  }
);

test("text: & and < always, > too (it could close ]]>), a carriage return as a reference; quotes as they are", () => {
  expect(encodeText(`IF(A1="",'x',1)`)).toBe(`IF(A1="",'x',1)`);
  expect(encodeText("a<b>c & d ]]>")).toBe("a&lt;b&gt;c &amp; d ]]&gt;");
  expect(encodeText("a\rb")).toBe("a&#13;b");
});

test("attributes still escape both quotes and the whitespace a parser would fold", () => {
  expect(encodeAttr(`say "hi" it's\tnow\n`)).toBe("say &quot;hi&quot; it&apos;s&#9;now&#10;");
  expect(decodeAttr(encodeAttr(`say "hi" it's\tnow\n`))).toBe(`say "hi" it's\tnow\n`);
});
