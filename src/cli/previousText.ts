import { Lang } from "../core/i18n/lang";
import { ReportWithPrevious } from "../core/previous/reportWithPrevious";
import { formatPoints } from "../core/text/numbers";

const T = {
  vi: {
    title: "So với năm trước",
    unit: "Đơn vị",
    index: "Chỉ số",
    previousIndex: "Năm trước",
    change: "Thay đổi",
    rank: "Hạng",
    previousRank: "Hạng năm trước",
    rankChange: "Thay đổi hạng",
    band: "Xếp loại năm trước",
    notFound: "không có năm trước",
    lastOnly: "Đơn vị năm trước không có trong năm nay",
    criteria: "Bộ tiêu chí khác năm trước (không so sánh trực tiếp các tiêu chí này)",
    added: "thêm",
    removed: "bỏ",
    max: "đổi điểm tối đa",
    sameCriteria: (depth: string) => `Bộ tiêu chí: ${depth} giống năm trước.`,
    depth: {
      leaves: "các tiêu chí thành phần và điểm tối đa",
      fields: "các lĩnh vực và điểm tối đa",
    },
    noCriteria:
      "Tệp năm trước không có bộ tiêu chí (không có lĩnh vực hay tiêu chí nào): không so sánh được bộ tiêu chí.",
    fieldsOnly:
      "Báo cáo năm trước chỉ có các lĩnh vực, không có tiêu chí thành phần: chỉ so sánh được lĩnh vực.",
  },
  en: {
    title: "Compared with last year",
    unit: "Unit",
    index: "Index",
    previousIndex: "Last year",
    change: "Change",
    rank: "Rank",
    previousRank: "Last rank",
    rankChange: "Rank change",
    band: "Last band",
    notFound: "not found last year",
    lastOnly: "Last year's units not found this year",
    criteria: "Criteria that changed since last year (not compared as if they were the same)",
    added: "added",
    removed: "removed",
    max: "new maximum",
    sameCriteria: (depth: string) => `Criteria: the same ${depth} as last year.`,
    depth: { leaves: "leaves and maxima", fields: "fields and maxima" },
    noCriteria:
      "Last year's file shows no criteria (no fields nor leaves): the criteria sets cannot be compared.",
    fieldsOnly:
      "Last year's report lists fields only, not their leaves: only the fields are compared.",
  },
};

/** The readable part `summary --previous` adds: each unit's index and rank now and last year, and what differs. */
export function renderPreviousText(report: ReportWithPrevious, lang: Lang): string {
  const t = T[lang];
  const n = (x: number) => formatPoints(x, lang);
  const signed = (x: number, text: string) => (x > 0 ? "+" : "") + text;
  const lines = ["", `${t.title} (${report.previous.file}):`];
  const head = [
    t.unit,
    t.index,
    t.previousIndex,
    t.change,
    t.rank,
    t.previousRank,
    t.rankChange,
    t.band,
  ];
  const rows = [...report.units]
    .sort((a, b) => a.rank - b.rank)
    .map((u) => {
      const p = u.previous;
      if (!p) return [u.name, n(u.index), t.notFound, "", String(u.rank), "", "", ""];
      return [
        u.name,
        n(u.index),
        n(p.index),
        signed(p.indexChange, n(p.indexChange)),
        String(u.rank),
        String(p.rank),
        signed(p.rankChange, String(p.rankChange)),
        p.band,
      ];
    });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) =>
    r
      .map((c, i) =>
        i === 0 || i === 7 || (i === 2 && c === t.notFound)
          ? c.padEnd(widths[i])
          : c.padStart(widths[i])
      )
      .join("  ")
      .trimEnd();
  lines.push(fmt(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(fmt));

  const prev = report.previous;
  if (prev.unitsNotFound.length)
    lines.push("", `${t.lastOnly}: ${prev.unitsNotFound.map((u) => u.name).join("; ")}`);
  lines.push("");
  if (prev.criteriaCompared === "none") lines.push(t.noCriteria);
  else {
    if (prev.criteriaCompared === "fields") lines.push(t.fieldsOnly);
    if (!prev.criteriaChanges.length) lines.push(t.sameCriteria(t.depth[prev.criteriaCompared]));
    else {
      lines.push(`${t.criteria}:`);
      for (const c of prev.criteriaChanges)
        lines.push(
          c.change === "added"
            ? `  ${c.code}: ${t.added} (${n(c.after!)})`
            : c.change === "removed"
              ? `  ${c.code}: ${t.removed} (${n(c.before!)})`
              : `  ${c.code}: ${t.max} ${n(c.before!)} → ${n(c.after!)}`
        );
    }
  }
  return lines.join("\n") + "\n";
}
