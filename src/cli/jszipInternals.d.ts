// Types for the two jszip 3.10 modules the command line uses (cli/nativeDeflate.ts) to add an entry it deflated itself and to
// inflate an entry of a file jszip read: the same
// objects jszip's loadAsync makes for the entries of a file it reads (lib/compressedObject.js, lib/compressions.js).
declare module "jszip/lib/compressedObject" {
  class CompressedObject {
    constructor(
      compressedSize: number,
      uncompressedSize: number,
      crc32: number,
      compression: unknown,
      data: Uint8Array
    );
    compressedSize: number;
    uncompressedSize: number;
    crc32: number;
    compression: unknown;
    compressedContent: unknown;
  }
  export default CompressedObject;
}

declare module "jszip/lib/compressions" {
  export const DEFLATE: unknown;
  export const STORE: unknown;
}
