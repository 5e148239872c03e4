/**
 * Excel on the web refuses requests and responses over 5 MB; every batch and every read is kept under a
 * budget below that. Sizes are estimated as UTF-8 JSON, as sent: Vietnamese letters take 2–3 bytes each.
 */
export const DEFAULT_PAYLOAD_BUDGET = 4_000_000;

export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

export function jsonBytes(value: unknown): number {
  return value === undefined ? 0 : utf8Length(JSON.stringify(value));
}
