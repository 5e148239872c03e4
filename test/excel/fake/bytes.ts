/**
 * What a value adds to a request or response, as UTF-8 JSON: the byte length of JSON.stringify(value),
 * counted without building the string (a read of millions of cells would otherwise build one of hundreds of
 * megabytes just to measure it).
 */
export function bytesOf(value: unknown): number {
  return jsonBytes(value ?? null, false);
}

function jsonBytes(value: unknown, inArray: boolean): number {
  switch (typeof value) {
    case "string":
      return stringBytes(value);
    case "number":
      return Number.isFinite(value) ? String(value).length : 4;
    case "boolean":
      return value ? 4 : 5;
    case "undefined":
    case "function":
    case "symbol":
      return inArray ? 4 : 0;
    case "bigint":
      throw new TypeError("BigInt in JSON");
  }
  if (value === null) return 4;
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === "function") return jsonBytes(withJson.toJSON(), inArray);
  if (Array.isArray(value)) {
    let n = 2 + Math.max(0, value.length - 1);
    for (const v of value) n += jsonBytes(v, true);
    return n;
  }
  let n = 2;
  let first = true;
  for (const [k, v] of Object.entries(value as object)) {
    if (v === undefined || typeof v === "function" || typeof v === "symbol") continue;
    n += (first ? 0 : 1) + stringBytes(k) + 1 + jsonBytes(v, false);
    first = false;
  }
  return n;
}

function stringBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (
      c === 0x22 ||
      c === 0x5c ||
      c === 0x08 ||
      c === 0x0c ||
      c === 0x0a ||
      c === 0x0d ||
      c === 0x09
    )
      n += 2;
    else if (c < 0x20) n += 6;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 6; // a lone surrogate is escaped as \uXXXX
    } else if (c >= 0xd800 && c <= 0xdfff) n += 6;
    else n += 3;
  }
  return n;
}
