/** What a value adds to a request or response, as UTF-8 JSON. */
export const bytesOf = (value: unknown): number =>
  Buffer.byteLength(JSON.stringify(value ?? null), "utf8");
