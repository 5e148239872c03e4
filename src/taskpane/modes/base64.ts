/** Bytes as Base64 (what Workbook.insertWorksheetsFromBase64 takes), in chunks: no call gets a huge argument list. */
export function base64Of(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
