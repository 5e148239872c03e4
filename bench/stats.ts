export function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function min(xs: number[]): number {
  return Math.min(...xs);
}

export function max(xs: number[]): number {
  return Math.max(...xs);
}

/** Spread as (max − min) / median, in percent: how noisy a measurement was. */
export function spreadPct(xs: number[]): number {
  const m = median(xs);
  return m ? ((max(xs) - min(xs)) / m) * 100 : NaN;
}

export function ms(x: number): string {
  return x >= 10000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`;
}

export function mb(kb: number): string {
  return `${Math.round(kb / 1024)} MB`;
}

export function table(head: string[], rows: string[][]): string {
  const all = [head, ...rows];
  const w = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join("  ");
  return [line(head), w.map((n) => "-".repeat(n)).join("  "), ...rows.map(line)].join("\n");
}
