import JSZip from "jszip";
import { DomainError } from "../../../src/core/errors/domainError";
import { XlsxPackage } from "../../../src/xlsx/package/zipPackage";
import { child, descendants, root, setAttr, setText } from "../../../src/xlsx/xml";
import { partsOf, sampleBytes } from "./packageHelpers";

/** The zip layer: parts kept byte for byte, in order, their compressed entries reused. */

/** Each entry's compressed bytes as stored: jszip's CompressedObject (internal) of a loaded entry. */
async function compressedEntries(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const [name, f] of Object.entries(zip.files)) {
    if (f.dir) continue;
    const data = (f as unknown as { _data: { compressedContent: Uint8Array } })._data;
    out.set(name, Buffer.from(data.compressedContent));
  }
  return out;
}

test("a package saved without edits gives back every part byte for byte, in order, with its compressed entry reused", async () => {
  const original = sampleBytes();
  const saved = await (await XlsxPackage.open(original)).save();
  const before = await partsOf(original);
  const after = await partsOf(saved);
  expect([...after.keys()]).toEqual([...before.keys()]);
  for (const [name, bytes] of before) expect(after.get(name)!.equals(bytes)).toBe(true);
  const rawBefore = await compressedEntries(original);
  const rawAfter = await compressedEntries(saved);
  for (const [name, raw] of rawBefore) expect(rawAfter.get(name)!.equals(raw)).toBe(true);
});

test("an edited part is written anew; every other part keeps its bytes and place; a new part goes last", async () => {
  const original = sampleBytes();
  const pkg = await XlsxPackage.open(original);
  const doc = (await pkg.xml("xl/workbook.xml"))!;
  const calc = child(root(doc), "calcPr")!;
  setAttr(calc, "fullCalcOnLoad", "1");
  pkg.edited("xl/workbook.xml");
  const added = (await pkg.xml("docProps/core.xml"))!.cloneNode(true) as typeof doc;
  pkg.put("custom/extra.xml", added);
  const saved = await pkg.save();
  const before = await partsOf(original);
  const after = await partsOf(saved);
  expect([...after.keys()]).toEqual([...before.keys(), "custom/extra.xml"]);
  for (const [name, bytes] of before)
    if (name !== "xl/workbook.xml") expect(after.get(name)!.equals(bytes)).toBe(true);
  expect(after.get("xl/workbook.xml")!.toString("utf8")).toContain('fullCalcOnLoad="1"');
  const rawBefore = await compressedEntries(original);
  const rawAfter = await compressedEntries(saved);
  for (const [name, raw] of rawBefore)
    if (name !== "xl/workbook.xml") expect(rawAfter.get(name)!.equals(raw)).toBe(true);
});

test("part names are found without regard to case, and a removed part is gone", async () => {
  const pkg = await XlsxPackage.open(sampleBytes());
  expect(pkg.entry("/XL/Workbook.xml")).toBe("xl/workbook.xml");
  pkg.remove("xl/theme/theme1.xml");
  const after = await partsOf(await pkg.save());
  expect(after.has("xl/theme/theme1.xml")).toBe(false);
  expect(after.size).toBe((await partsOf(sampleBytes())).size - 1);
});

test("a part that is not well-formed XML, or bytes that are not a zip, are a damaged file", async () => {
  await expect(XlsxPackage.open(new Uint8Array([0x50, 0x4b, 1, 2, 3]))).rejects.toBeInstanceOf(
    DomainError
  );
  const zip = await JSZip.loadAsync(sampleBytes());
  zip.file("xl/workbook.xml", "<workbook><sheets></workbook>");
  const pkg = await XlsxPackage.open(await zip.generateAsync({ type: "uint8array" }));
  await expect(pkg.xml("xl/workbook.xml")).rejects.toMatchObject({ code: "damaged" });
});

test("a UTF-16 part is read, and written back as UTF-8 with its declaration saying so", async () => {
  const zip = await JSZip.loadAsync(sampleBytes());
  const text = (await zip.file("docProps/core.xml")!.async("string")).replace(
    'encoding="UTF-8"',
    'encoding="UTF-16"'
  );
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  zip.file("docProps/core.xml", utf16);
  const pkg = await XlsxPackage.open(await zip.generateAsync({ type: "uint8array" }));
  const doc = (await pkg.xml("docProps/core.xml"))!;
  const creator = descendants(root(doc), "creator")[0];
  setText(creator, "Nguyễn Văn Á");
  pkg.edited("docProps/core.xml");
  const out = (await partsOf(await pkg.save())).get("docProps/core.xml")!.toString("utf8");
  expect(out).toMatch(/^<\?xml version="1.0" encoding="UTF-8"/);
  expect(out).toContain("Nguyễn Văn Á");
});

test("parts deflated natively (the command line's zlib) hold the same bytes as jszip's own deflate, CRCs checked", async () => {
  const { patchPackage } = await import("../../../src/xlsx/package");
  const { usePartDeflate } = await import("../../../src/xlsx/package/partDeflate");
  const { nativeDeflate } = await import("../../../src/cli/nativeDeflate");
  const { scorePlanOf } = await import("./packageHelpers");
  const { read, plan } = await scorePlanOf(sampleBytes());
  const now = new Date("2026-12-02T00:00:00Z");
  const own = await patchPackage(sampleBytes(), read, plan, { now });
  usePartDeflate(nativeDeflate);
  let native: Uint8Array;
  try {
    native = await patchPackage(sampleBytes(), read, plan, { now });
  } finally {
    usePartDeflate(undefined);
  }
  await JSZip.loadAsync(native, { checkCRC32: true });
  const a = await partsOf(own);
  const b = await partsOf(native);
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [name, bytes] of a) expect([name, b.get(name)!.equals(bytes)]).toEqual([name, true]);
  // The written parts really were deflated by zlib: their stored bytes differ from pako's somewhere.
  const ca = await compressedEntries(own);
  const cb = await compressedEntries(native);
  expect([...ca].filter(([n, c]) => !c.equals(cb.get(n)!)).length).toBeGreaterThan(0);
});

test("parts inflated natively (the command line's zlib) read as jszip reads them; what zlib cannot read is left to jszip", async () => {
  const { usePartInflate } = await import("../../../src/xlsx/package/partDeflate");
  const { nativeInflate } = await import("../../../src/cli/nativeDeflate");
  // A stored (uncompressed) entry beside the deflated ones, and a deflated one whose stream is cut short.
  const zip = await JSZip.loadAsync(sampleBytes());
  zip.file("docProps/stored.xml", "<a>stored</a>", { compression: "STORE" });
  const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  const read = async (b: Uint8Array) => {
    const pkg = await XlsxPackage.open(b);
    const out = new Map<string, Uint8Array | undefined>();
    for (const p of pkg.paths()) out.set(p, await pkg.bytes(p));
    return out;
  };
  const own = await read(bytes);
  const taken: string[] = [];
  usePartInflate((entry) => {
    const out = nativeInflate(entry);
    if (out) taken.push((entry as { name: string }).name);
    return out;
  });
  try {
    const native = await read(bytes);
    expect([...native.keys()]).toEqual([...own.keys()]);
    for (const [name, b] of own)
      expect([name, Buffer.from(native.get(name)!).equals(Buffer.from(b!))]).toEqual([name, true]);
    expect(taken).toContain("xl/workbook.xml");
    expect(taken).not.toContain("docProps/stored.xml");

    const damaged = await JSZip.loadAsync(bytes);
    const data = (
      damaged.files["xl/workbook.xml"] as unknown as { _data: { compressedContent: Uint8Array } }
    )._data;
    data.compressedContent = data.compressedContent.subarray(0, 8);
    const pkg = await XlsxPackage.open(
      await damaged.generateAsync({ type: "uint8array", compression: "DEFLATE" })
    );
    taken.length = 0;
    await expect(pkg.bytes("xl/workbook.xml")).rejects.toThrow();
    expect(taken).not.toContain("xl/workbook.xml");
  } finally {
    usePartInflate(undefined);
  }
});
