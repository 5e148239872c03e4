/**
 * A message listing items within `max` characters, for Excel's caps on validation texts: whole when it fits,
 * else as many leading items as fit, "…" and the last item — "Các mức được phép: 0; 0,25; 0,5; …; 10" still
 * says where the levels start, how they step and where they end. A prefix alone too long is cut with "…".
 */
export function clippedList(prefix: string, items: string[], suffix: string, max: number): string {
  const whole = `${prefix}${items.join("; ")}${suffix}`;
  if (whole.length <= max) return whole;
  const last = items[items.length - 1];
  for (let n = items.length - 2; n >= 1; n--) {
    const text = `${prefix}${items.slice(0, n).join("; ")}; …; ${last}${suffix}`;
    if (text.length <= max) return text;
  }
  return whole.slice(0, max - 1) + "…";
}
