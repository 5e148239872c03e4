import { DomainError } from "../core/errors/domainError";

export const MAX_BYTES = 200 * 1024 * 1024;

/**
 * Refuses, with the error that says how to fix it, what cannot be an .xlsx: too large, empty, an encrypted or
 * old binary workbook, text or CSV. A zip passes (what kind of zip is for the package reader to say).
 */
export function refuseNonXlsx(buf: Uint8Array): void {
  if (buf.byteLength > MAX_BYTES)
    throw new DomainError("too-large", {
      size: Math.round(buf.byteLength / 1048576),
      limit: MAX_BYTES / 1048576,
    });
  const kind = sniff(buf);
  if (kind === "empty") throw new DomainError("file-empty");
  if (kind === "ole2-encrypted") throw new DomainError("encrypted");
  if (kind === "ole2-xls") throw new DomainError("xls-binary");
  if (kind !== "zip")
    throw new DomainError("not-xlsx", {
      looksLike: kind === "csv" ? "CSV" : kind === "text" ? "văn bản thuần / plain text" : "",
    });
}

/** What a buffer that is not an .xlsx most likely is, so the error can say how to fix it. */
export function sniff(
  buf: Uint8Array
): "zip" | "ole2-encrypted" | "ole2-xls" | "text" | "csv" | "binary" | "empty" {
  if (buf.length === 0) return "empty";
  if (buf[0] === 0x50 && buf[1] === 0x4b) return "zip";
  if (buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0) {
    // An encrypted .xlsx is an OLE2 container holding an "EncryptionInfo" stream (names are UTF-16LE).
    return includesUtf16(buf, "EncryptionInfo") ? "ole2-encrypted" : "ole2-xls";
  }
  const head = new TextDecoder("utf-8").decode(buf.subarray(0, 4096));
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001f]/.test(head)) return "binary";
  const lines = head.split(/\r?\n/).slice(0, 5).filter(Boolean);
  if (lines.length >= 2 && lines.every((l) => /[,;\t]/.test(l))) return "csv";
  return "text";
}

function includesUtf16(buf: Uint8Array, text: string): boolean {
  const needle = Array.from(text).flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + needle.length <= buf.length; i++) {
    for (let j = 0; j < needle.length; j++) if (buf[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
