/**
 * How the package writer deflates the parts it writes. By default jszip does it (pako, in JavaScript: the
 * browser mode has nothing else). Under Node the command line hands in zlib's native deflate (cli/nativeDeflate):
 * on the 300-unit workbook pako's deflate cost a second of CPU and much of the garbage collection.
 */

/**
 * A part's bytes made into an entry jszip takes as a file's content, already deflated (jszip's CompressedObject,
 * built by the command line, which alone reaches into jszip's modules: the browser bundle never loads them).
 */
export type PartDeflate = (bytes: Uint8Array) => unknown;

let current: PartDeflate | undefined;

/** Sets the deflate for the parts written from now on; undefined: jszip's own. */
export function usePartDeflate(deflate: PartDeflate | undefined): void {
  current = deflate;
}

export function partDeflate(): PartDeflate | undefined {
  return current;
}

/**
 * How the package writer reads a part it was not given by jszip already inflated: by default jszip inflates it
 * (pako, on its own turns of the event loop). Under Node the command line hands in zlib's native inflate
 * (cli/nativeDeflate): on the 300-unit workbook pako's inflate of the sheets cost most of a second of CPU and
 * much garbage. Given jszip's entry (a ZipObject), it returns the part's bytes, or undefined to leave the entry
 * to jszip (an entry it does not know how to read, or one that does not inflate cleanly: jszip then says why).
 */
export type PartInflate = (entry: unknown) => Uint8Array | undefined;

let inflate: PartInflate | undefined;

/** Sets the inflate for the parts read from now on; undefined: jszip's own. */
export function usePartInflate(fn: PartInflate | undefined): void {
  inflate = fn;
}

export function partInflate(): PartInflate | undefined {
  return inflate;
}
