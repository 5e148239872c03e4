/**
 * How the package writer deflates the parts it writes. By default jszip does it (pako, in JavaScript: the
 * browser mode has nothing else). Under Node the command line hands in zlib's native deflate (cli/nativeDeflate):
 * on the 300-unit workbook pako's deflate cost a second of CPU and its allocations most of the garbage collection.
 */

/** A part's bytes deflated (raw DEFLATE, as a zip entry holds them), with the CRC-32 and size of the bytes. */
export interface DeflatedPart {
  compressed: Uint8Array;
  crc32: number;
  size: number;
}

export type PartDeflate = (bytes: Uint8Array) => DeflatedPart;

let current: PartDeflate | undefined;

/** Sets the deflate for the parts written from now on; undefined: jszip's own. */
export function usePartDeflate(deflate: PartDeflate | undefined): void {
  current = deflate;
}

export function partDeflate(): PartDeflate | undefined {
  return current;
}
