/// <reference path="./jszipInternals.d.ts" />
import CompressedObject from "jszip/lib/compressedObject";
import { DEFLATE } from "jszip/lib/compressions";
import { constants, crc32, deflateRawSync, inflateRawSync } from "zlib";

/** zlib.crc32 came in Node 20.15 (package.json allows any Node 20): before it, jszip deflates as in the browser. */
export const nativeDeflateAvailable = typeof crc32 === "function";

/**
 * zlib's fastest level, as the browser mode's pako (zipPackage.ts): on the 300-unit workbook's written parts
 * (7.8 MB of XML) level 1 took 38 ms against level 6's 97 ms, for a file 13% larger (1.46 against 1.28 MB).
 * The size lasts only until the workbook is next saved in Excel, which deflates every part of the package anew.
 */
const DEFLATE_LEVEL = 1;

/**
 * A part deflated by Node's zlib, as the entry jszip takes for it: jszip's own CompressedObject — the object its
 * loadAsync makes for each entry of a file it reads — so jszip writes the zip with these bytes, CRC and sizes as
 * they are.
 */
export function nativeDeflate(bytes: Uint8Array): unknown {
  const compressed = deflateRawSync(bytes, {
    level: DEFLATE_LEVEL,
    strategy: constants.Z_DEFAULT_STRATEGY,
  });
  return new CompressedObject(
    compressed.length,
    bytes.length,
    crc32(bytes) >>> 0,
    DEFLATE,
    compressed
  );
}

/**
 * A deflated entry of the file jszip read, inflated by Node's zlib: the entry's `_data` is then the
 * CompressedObject loadAsync made for it (jszip 3.10 lib/zipObject.js, lib/zipEntry.js). Anything else — a
 * stored entry, one jszip holds uncompressed, a stream that does not inflate to its stated size — is left to
 * jszip (undefined), which reads it or reports it as it always has.
 */
export function nativeInflate(entry: unknown): Uint8Array | undefined {
  const data = (entry as { _data?: unknown })._data;
  if (!(data instanceof CompressedObject) || data.compression !== DEFLATE) return undefined;
  if (!(data.compressedContent instanceof Uint8Array)) return undefined;
  try {
    const out = inflateRawSync(data.compressedContent);
    return out.length === data.uncompressedSize ? out : undefined;
  } catch {
    return undefined;
  }
}
