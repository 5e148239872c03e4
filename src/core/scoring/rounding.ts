import { RoundingMode } from "../criteria/model";

/**
 * The index to the set's decimals, half up or truncated. The product is first snapped to 12 significant
 * digits so 78.535 (stored as 78.53499…) rounds the way Excel's ROUND and a person's pencil do.
 */
export function roundIndex(x: number, rounding: { decimals: number; mode: RoundingMode }): number {
  const f = 10 ** rounding.decimals;
  const scaled = Number((x * f).toPrecision(12));
  const r =
    rounding.mode === "truncate"
      ? Math.trunc(scaled)
      : Math.sign(scaled) * Math.round(Math.abs(scaled));
  return r / f;
}
