/// <reference path="./jszipInternals.d.ts" />
import CompressedObject from "jszip/lib/compressedObject";
import { DEFLATE } from "jszip/lib/compressions";
import { constants, crc32, deflateRawSync } from "zlib";

/** zlib.crc32 came in Node 20.15 (package.json allows any Node 20): before it, jszip deflates as in the browser. */
export const nativeDeflateAvailable = typeof crc32 === "function";

/**
 * A part deflated by Node's zlib (level 6, as jszip's default), as the entry jszip takes for it: jszip's own
 * CompressedObject — the object its loadAsync makes for each entry of a file it reads — so jszip writes the
 * zip with these bytes, CRC and sizes as they are.
 */
export function nativeDeflate(bytes: Uint8Array): unknown {
  const compressed = deflateRawSync(bytes, { level: 6, strategy: constants.Z_DEFAULT_STRATEGY });
  return new CompressedObject(
    compressed.length,
    bytes.length,
    crc32(bytes) >>> 0,
    DEFLATE,
    compressed
  );
}
