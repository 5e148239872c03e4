import { Lang } from "../core/i18n/lang";
import { Report } from "../core/report/report";
import { formatPoints } from "../core/text/numbers";

const T = {
  vi: {
    set: "Bộ tiêu chí",
    maxTotal: "điểm tối đa",
    unit: "Đơn vị",
    self: "Tự chấm",
    appraisedSelfScored: "Thẩm định phần tự chấm",
    differenceSelfScored: "Chênh lệch",
    survey: "Điều tra XHH",
    appraised: "Tổng thẩm định",
    likeNote:
      "Chênh lệch = thẩm định − tự chấm, trên phần đơn vị tự chấm; điểm điều tra xã hội học (XHH) chỉ hội đồng thẩm định chấm, nên tính riêng.",
    index: "Chỉ số",
    rank: "Hạng",
    band: "Xếp loại",
    findings: "Phát hiện",
    none: "Không có phát hiện nào.",
    sev: { error: "lỗi", warning: "cảnh báo", info: "thông tin" },
    noUnits: "Không có đơn vị nào được chấm.",
  },
  en: {
    set: "Criteria set",
    maxTotal: "maximum",
    unit: "Unit",
    self: "Self",
    appraisedSelfScored: "Appraised, self-scored part",
    differenceSelfScored: "Difference",
    survey: "Survey",
    appraised: "Appraised total",
    likeNote:
      "Difference = appraised − self on the part the unit scores itself; survey points are filled by the appraisers only, so they stand apart.",
    index: "Index",
    rank: "Rank",
    band: "Band",
    findings: "Findings",
    none: "No findings.",
    sev: { error: "error", warning: "warning", info: "info" },
    noUnits: "No units were scored.",
  },
};

/** The readable form of a report: the units' scores as a table, then each finding on one line. */
export function renderText(report: Report, lang: Lang): string {
  const t = T[lang];
  const n = (x: number | null) => (x === null ? "—" : formatPoints(x, lang));
  const signed = (x: number | null) => (x !== null && x > 0 ? "+" : "") + n(x);
  const lines: string[] = [];
  lines.push(
    `${t.set}: ${report.criteriaSet.title} (${report.criteriaSet.id}), ${t.maxTotal} ${n(report.criteriaSet.maxTotal)}`
  );
  lines.push("");
  if (report.units.length) {
    const rows = report.units
      .slice()
      .sort((a, b) => a.rank - b.rank)
      .map((u) => [
        u.name,
        n(u.self),
        n(u.appraisedSelfScored),
        signed(u.differenceSelfScored),
        n(u.survey),
        n(u.appraised),
        n(u.index),
        String(u.rank),
        u.band,
      ]);
    const head = [
      t.unit,
      t.self,
      t.appraisedSelfScored,
      t.differenceSelfScored,
      t.survey,
      t.appraised,
      t.index,
      t.rank,
      t.band,
    ];
    const last = head.length - 1;
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const fmt = (r: string[]) =>
      r
        .map((c, i) => (i === 0 || i === last ? c.padEnd(widths[i]) : c.padStart(widths[i])))
        .join("  ")
        .trimEnd();
    lines.push(fmt(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(fmt));
    if (report.units.some((u) => u.appraised !== null)) lines.push("", t.likeNote);
  } else {
    lines.push(t.noUnits);
  }
  lines.push("");
  const c = report.counts;
  lines.push(
    `${t.findings}: ${c.error} ${t.sev.error}, ${c.warning} ${t.sev.warning}, ${c.info} ${t.sev.info}`
  );
  if (!report.findings.length) lines.push(t.none);
  for (const f of report.findings) {
    const where = [f.file, f.sheet, f.cell].filter(Boolean).join(" › ");
    lines.push(`${where ? where + ": " : ""}[${t.sev[f.severity]}] ${f.message} (${f.rule})`);
  }
  return lines.join("\n") + "\n";
}
