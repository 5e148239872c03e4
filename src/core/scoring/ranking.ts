import { Band } from "../criteria/model";
import { FLOAT_NOISE } from "../facts/tolerances";

/** Competition ranking, highest first, ties sharing a rank: 1, 2, 2, 4 (Excel's RANK / RANK.EQ). */
export function competitionRanks(values: number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => b.v - a.v);
  const ranks = new Array<number>(values.length);
  order.forEach((x, k) => {
    ranks[x.i] = k > 0 && order[k - 1].v === x.v ? ranks[order[k - 1].i] : k + 1;
  });
  return ranks;
}

/** The label of the highest band bound not above the index. */
export function bandFor(index: number, bands: Band[]): string {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return sorted.find((b) => index >= b.min - FLOAT_NOISE)?.label ?? "";
}
