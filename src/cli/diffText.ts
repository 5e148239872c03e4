import { CellChange, WorkbookDiff } from "../core/diff/diffReadings";
import { UnitFigures, ValueAsRead } from "../core/diff/unitReadings";
import { Lang } from "../core/i18n/lang";
import { formatPoints } from "../core/text/numbers";

const T = {
  vi: {
    compare: "So sánh",
    nothing: "Không có thay đổi nào.",
    unit: "Đơn vị",
    renamed: "tên cũ",
    column: {
      self: "Điểm tự chấm",
      appraised: "Điểm thẩm định",
      ratio: "Kết quả",
      evidence: "Tài liệu kiểm chứng",
      note: "Ghi chú/Giải trình",
    },
    round: "lần",
    criterion: "Tiêu chí",
    empty: "(trống)",
    self: "Tự chấm",
    appraised: "Thẩm định",
    index: "Chỉ số",
    unchanged: "không đổi",
    onlyBefore: "Đơn vị chỉ có ở bản cũ",
    onlyAfter: "Đơn vị chỉ có ở bản mới",
    rowOnlyBefore: "tiêu chí chỉ có ở bản cũ",
    rowOnlyAfter: "tiêu chí chỉ có ở bản mới",
    total: (cells: number, units: number) => `Tổng: ${cells} ô thay đổi ở ${units} đơn vị.`,
  },
  en: {
    compare: "Compared",
    nothing: "Nothing changed.",
    unit: "Unit",
    renamed: "formerly",
    column: {
      self: "Self-score",
      appraised: "Appraised score",
      ratio: "Result",
      evidence: "Evidence",
      note: "Note/Explanation",
    },
    round: "round",
    criterion: "Criterion",
    empty: "(empty)",
    self: "Self",
    appraised: "Appraised",
    index: "Index",
    unchanged: "unchanged",
    onlyBefore: "Units only in the old version",
    onlyAfter: "Units only in the new version",
    rowOnlyBefore: "criteria only in the old version",
    rowOnlyAfter: "criteria only in the new version",
    total: (cells: number, units: number) =>
      `In all: ${cells} changed ${cells === 1 ? "cell" : "cells"} in ${units} ${units === 1 ? "unit" : "units"}.`,
  },
};

/** The readable form of a diff: per unit its changed cells, then its figures before → after. */
export function renderDiffText(
  d: WorkbookDiff,
  files: { before: string; after: string },
  lang: Lang
): string {
  const t = T[lang];
  const n = (x: number | null) => (x === null ? "—" : formatPoints(x, lang));
  const v = (x: ValueAsRead) =>
    x === null ? t.empty : typeof x === "number" ? formatPoints(x, lang) : JSON.stringify(x);
  const lines = [`${t.compare}: ${files.before} → ${files.after}`, ""];
  const changedUnits = new Set<string>();

  for (const u of d.units) {
    const changes = d.changes.filter((c) => c.sheet === u.sheet);
    const onlyBefore = d.criteriaOnlyBefore.filter((r) => r.sheet === u.sheet);
    const onlyAfter = d.criteriaOnlyAfter.filter((r) => r.sheet === u.sheet);
    if (!changes.length && !onlyBefore.length && !onlyAfter.length && u.nameBefore === undefined)
      continue;
    changedUnits.add(u.sheet);
    const renamed = u.nameBefore !== undefined ? ` (${t.renamed}: ${u.nameBefore})` : "";
    lines.push(`${t.unit} ${u.name} — ${u.sheet}${renamed}`);
    for (const c of changes)
      lines.push(
        `  ${t.criterion} ${c.criterion}, ${label(c)}, ${c.cell}: ${v(c.before)} → ${v(c.after)}`
      );
    if (onlyBefore.length)
      lines.push(`  ${t.rowOnlyBefore}: ${onlyBefore.map((r) => r.criterion).join(", ")}`);
    if (onlyAfter.length)
      lines.push(`  ${t.rowOnlyAfter}: ${onlyAfter.map((r) => r.criterion).join(", ")}`);
    lines.push(`  ${figures(u.before, u.after)}`);
    lines.push("");
  }
  for (const [title, list] of [
    [t.onlyBefore, d.unitsOnlyBefore],
    [t.onlyAfter, d.unitsOnlyAfter],
  ] as const) {
    if (!list.length) continue;
    lines.push(`${title}:`);
    for (const u of list)
      lines.push(
        `  ${u.name} — ${u.sheet}: ${t.self} ${n(u.self)}, ${t.appraised} ${n(u.appraised)}, ${t.index} ${n(u.index)}`
      );
    lines.push("");
  }
  const nothing =
    d.changes.length === 0 &&
    changedUnits.size === 0 &&
    !d.unitsOnlyBefore.length &&
    !d.unitsOnlyAfter.length;
  lines.push(nothing ? t.nothing : t.total(d.changes.length, changedUnits.size));
  return lines.join("\n") + "\n";

  function label(c: CellChange): string {
    const name = t.column[c.column];
    return c.round !== undefined ? `${name} ${t.round} ${c.round}` : name;
  }

  function figures(b: UnitFigures, a: UnitFigures): string {
    const pair = (name: string, x: number | null, y: number | null) =>
      x === y ? `${name} ${n(y)} (${t.unchanged})` : `${name} ${n(x)} → ${n(y)}`;
    return [
      pair(t.self, b.self, a.self),
      pair(t.appraised, b.appraised, a.appraised),
      pair(t.index, b.index, a.index),
    ].join("; ");
  }
}
