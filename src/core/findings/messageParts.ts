import { Lang } from "../i18n/lang";
import { formatPoints } from "../text/numbers";
import { Finding, ScoreColumn } from "./types";

const COLUMN_VI: Record<string, string> = {
  self: "điểm tự chấm",
  appraised: "điểm thẩm định",
  max: "điểm tối đa",
  ratio: "kết quả (tỷ lệ)",
  total: "tổng điểm",
};
const COLUMN_EN: Record<string, string> = {
  self: "self-score",
  appraised: "appraised score",
  max: "maximum",
  ratio: "result (ratio)",
  total: "total",
};

/** The score column a finding names, in words; the self-score when none is given. */
export const colVi = (p: { column?: ScoreColumn }) =>
  COLUMN_VI[p.column ?? "self"] ?? COLUMN_VI.self;
export const colEn = (p: { column?: ScoreColumn }) =>
  COLUMN_EN[p.column ?? "self"] ?? COLUMN_EN.self;
/** The finding's criterion code, or nothing. */
export const c = (f: Pick<Finding, "criterion">) => f.criterion ?? "";
export const list = (xs: number[], n: (x: number) => string) => xs.map(n).join("; ");
export const pct = (x: number, lang: Lang) => formatPoints(x * 100, lang) + "%";

export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
