import JSZip from "jszip";
import { partDeflate, partInflate } from "./partDeflate";
import { DomainError } from "../../core/errors/domainError";
import { declareUtf8, parseXml, PartError, serializeXml, type Document } from "../xml";

/**
 * The user's .xlsx as a zip of parts (jszip). Parts are read on demand and parsed once; only the parts marked
 * edited, added or removed are written back on save. jszip hands every other entry's compressed bytes through
 * as they were (same compression method), keeps the entries in their order and appends new ones at the end.
 */
export class XlsxPackage {
  private readonly docs = new Map<string, Document>();
  /** Parts inflated ahead of use (prefetch), by entry name. */
  private readonly fetched = new Map<string, Promise<Uint8Array>>();
  private readonly dirty = new Set<string>();
  /** Parts already written back by flush. */
  private readonly written = new Set<string>();
  /** Part names are case-insensitive (OPC); lower case → the entry's own spelling. */
  private readonly spelled = new Map<string, string>();

  private constructor(private readonly zip: JSZip) {
    for (const name of Object.keys(zip.files))
      if (!zip.files[name].dir) this.spelled.set(name.toLowerCase(), name);
  }

  /** `check`: looks at the zip before any part is parsed and may refuse it (the CLI's limits.ts). */
  static async open(
    bytes: Uint8Array,
    check?: (zip: JSZip) => Promise<void>
  ): Promise<XlsxPackage> {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes);
    } catch (e) {
      throw new DomainError("damaged", {
        reason: (e instanceof Error ? e.message : String(e)).slice(0, 120),
      });
    }
    if (check) await check(zip);
    return new XlsxPackage(zip);
  }

  /** The entry's own spelling of a part path ("xl/workbook.xml", no leading slash), if the part exists. */
  entry(path: string): string | undefined {
    return this.spelled.get(path.replace(/^\//, "").toLowerCase());
  }

  has(path: string): boolean {
    return this.entry(path) !== undefined;
  }

  /** Every part's path, in the package's order. */
  paths(): string[] {
    return [...this.spelled.values()];
  }

  async bytes(path: string): Promise<Uint8Array | undefined> {
    const name = this.entry(path);
    if (name === undefined) return undefined;
    const ahead = this.fetched.get(name);
    if (ahead) {
      this.fetched.delete(name);
      return ahead;
    }
    const entry = this.zip.file(name)!;
    return partInflate()?.(entry) ?? entry.async("uint8array");
  }

  /**
   * Starts inflating these parts at once: jszip inflates each part on its own turn of the event loop, so parts
   * asked for one after another wait on each other's turns.
   */
  prefetch(paths: string[]): void {
    if (partInflate()) return; // inflated when asked for, at once
    for (const path of paths) {
      const name = this.entry(path);
      if (name !== undefined && !this.fetched.has(name) && !this.docs.has(name)) {
        const ahead = this.zip.file(name)!.async("uint8array");
        // A damaged part rejects when it is asked for; one never asked for (a read that stopped at an earlier
        // damaged part) must not reject unhandled.
        ahead.catch(() => undefined);
        this.fetched.set(name, ahead);
      }
    }
  }

  async text(path: string): Promise<string | undefined> {
    const b = await this.bytes(path);
    return b === undefined ? undefined : decodeXmlBytes(b);
  }

  /** The part parsed (once; later calls return the same document, with any edits made to it). */
  async xml(path: string): Promise<Document | undefined> {
    const name = this.entry(path);
    if (name === undefined) return undefined;
    const cached = this.docs.get(name);
    if (cached) return cached;
    let doc: Document;
    try {
      doc = parseXml((await this.text(name))!, name);
    } catch (e) {
      if (e instanceof PartError)
        throw new DomainError("damaged", { reason: `${e.part}: ${e.reason}` });
      throw e;
    }
    this.docs.set(name, doc);
    return doc;
  }

  /** The part will be written back from its (edited) document. */
  edited(path: string): void {
    const name = this.entry(path);
    if (name === undefined || !this.docs.has(name)) throw new Error(`edited: ${path} was not read`);
    this.dirty.add(name);
  }

  /** Adds a part, or replaces one whole. */
  put(path: string, doc: Document): void {
    const name = this.entry(path) ?? path.replace(/^\//, "");
    this.spelled.set(name.toLowerCase(), name);
    this.docs.set(name, doc);
    this.dirty.add(name);
  }

  remove(path: string): void {
    const name = this.entry(path);
    if (name === undefined) return;
    this.zip.remove(name);
    this.fetched.delete(name);
    this.spelled.delete(name.toLowerCase());
    this.docs.delete(name);
    this.dirty.delete(name);
    this.written.delete(name);
  }

  /**
   * Writes an edited part's text into the package now and lets go of its document (it is parsed again if asked
   * for): a writer editing hundreds of sheets keeps one in memory at a time.
   */
  flush(path: string): void {
    const name = this.entry(path);
    if (name === undefined) return;
    const doc = this.docs.get(name);
    if (doc && this.dirty.has(name)) {
      this.write(name, doc);
      this.written.add(name);
    }
    this.docs.delete(name);
    this.dirty.delete(name);
  }

  /** Paths of the parts that will be written anew. */
  editedPaths(): string[] {
    return [...new Set([...this.written, ...this.dirty])];
  }

  /** The part's text as UTF-8 bytes (encoded natively, not by jszip's own encoder). */
  private write(name: string, doc: Document): void {
    declareUtf8(doc);
    const bytes = ENCODER.encode(serializeXml(doc));
    const deflate = partDeflate();
    if (!deflate || bytes.length === 0) {
      this.zip.file(name, bytes);
      return;
    }
    // Already deflated (see partDeflate): jszip writes the entry's bytes, CRC and sizes as they are.
    this.zip.file(name, deflate(bytes) as Uint8Array, { binary: true });
  }

  /**
   * `store`: parts left uncompressed, for a package that is only an intermediate step (consolidation's copy,
   * opened again at once by the writer): neither deflated now nor inflated then.
   */
  async save(options: { store?: boolean } = {}): Promise<Uint8Array> {
    for (const name of this.dirty) this.write(name, this.docs.get(name)!);
    this.dirty.clear();
    if (options.store) return this.zip.generateAsync({ type: "uint8array", compression: "STORE" });
    return this.zip.generateAsync({
      type: "uint8array",
      compression: "DEFLATE",
      compressionOptions: { level: JS_DEFLATE_LEVEL },
    });
  }
}

const ENCODER = new TextEncoder();

/**
 * The level jszip deflates the parts it compresses itself at: every part written where no native deflate is
 * handed in (the browser mode; the command line deflates its parts natively, at the same level, before this).
 * pako in JavaScript at level 1 rather than 6 saved 150–250 ms of a 2.1–2.5 s consolidation of a hundred unit
 * workbooks (measured here), for a file about 15% larger (568 → 653 KB): a download, not an archive.
 */
const JS_DEFLATE_LEVEL = 1;

/** XML parts are UTF-8, or UTF-16 with a byte order mark (XML 1.0 §4.3.3). */
function decodeXmlBytes(b: Uint8Array): string {
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder("utf-16le").decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder("utf-16be").decode(b.subarray(2));
  return new TextDecoder("utf-8").decode(b); // drops a UTF-8 byte order mark
}
