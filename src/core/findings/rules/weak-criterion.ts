import { createRule } from "../createRule";
import { c, pct } from "../messageParts";

/** Decided over a run's units (scoring/leafAverages.ts): a leaf whose average share is under its threshold. */
export default createRule<{
  average: number;
  max: number;
  share: number;
  threshold: number;
  units: number;
}>()({
  id: "weak-criterion",
  severity: "warning",
  messages: {
    vi: (p, f, n) =>
      `Tiêu chí ${c(f)} có điểm trung bình ${n(p.average)}/${n(p.max)} (${pct(p.share, "vi")}) trên ${p.units} đơn vị, dưới ngưỡng ${pct(p.threshold, "vi")}`,
    en: (p, f, n) =>
      `Criterion ${c(f)} averages ${n(p.average)}/${n(p.max)} (${pct(p.share, "en")}) over ${p.units} units, under its ${pct(p.threshold, "en")} threshold`,
  },
});
