import { constants, crc32, deflateRawSync } from "zlib";
import { DeflatedPart } from "../xlsx/package/partDeflate";

/** Node's zlib deflate for the package writer's parts (level 6, as jszip's default). */
export function nativeDeflate(bytes: Uint8Array): DeflatedPart {
  return {
    compressed: deflateRawSync(bytes, { level: 6, strategy: constants.Z_DEFAULT_STRATEGY }),
    crc32: crc32(bytes) >>> 0,
    size: bytes.length,
  };
}
