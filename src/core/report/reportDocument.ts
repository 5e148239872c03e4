import { Band } from "../criteria/model";
import { Lang } from "../i18n/lang";
import { FieldAverage } from "../scoring/fieldAverages";
import { LeafAverage } from "../scoring/leafAverages";
import { UnitBelow } from "../scoring/unitsBelow";
import { formatPoints } from "../text/numbers";
import { cell, DocBlock, DocModel, DocRow, DocTable, paragraph } from "./docModel";
import { PreviousFigures, previousFor, previousUnmatched } from "./previousFigures";
import { Report, ReportUnit } from "./report";
import { REPORT_TEXTS } from "./reportTexts";

export interface ReportDocumentInput {
  report: Report;
  /** The set's bands (their lower bounds head each group of the ranking). */
  bands: Band[];
  fields: FieldAverage[];
  leaves: LeafAverage[];
  /** By leaf code: the units under the threshold on that leaf (see unitsBelowThreshold). */
  below: Map<string, UnitBelow[]>;
  previous?: PreviousFigures;
  /** The date on the signature block. */
  date: { year: number; month: number; day: number };
  lang: Lang;
}

/**
 * The report people file, as a document model: heading and title, the ranking grouped by band, each field's
 * average share of its max, the weak sub-criteria with the units under the threshold, last year's comparison
 * where given, and the signature block. A draft the secretariat edits and signs.
 */
export function reportDocument(input: ReportDocumentInput): DocModel {
  const { report, lang } = input;
  const t = REPORT_TEXTS[lang];
  const n = (x: number) => formatPoints(x, lang);
  const year = report.criteriaSet.year;
  const units = [...report.units].sort(byRank);
  const blocks: DocBlock[] = [];

  blocks.push({
    kind: "table",
    name: "heading",
    columns: [2, 3],
    borders: false,
    rows: [
      {
        kind: "body",
        cells: [
          cell(t.agency, { align: "center", bold: true }),
          {
            align: "center",
            paragraphs: [
              paragraph(t.country, { align: "center", bold: true }),
              paragraph(t.motto, { align: "center", bold: true }),
            ],
          },
        ],
      },
    ],
  });
  blocks.push(paragraph(t.docTitle, { role: "title", align: "center", bold: true }));
  blocks.push(paragraph(t.title(year), { role: "title", align: "center", bold: true }));
  blocks.push(paragraph(t.draft, { align: "center", italic: true, role: "note" }));

  const setName = `${report.criteriaSet.title} (${report.criteriaSet.id})`;
  blocks.push(
    paragraph(t.lead({ set: setName, max: n(report.criteriaSet.maxTotal), units: units.length }))
  );
  if (units.length) {
    const indexes = units.map((u) => u.index);
    const top = Math.max(...indexes);
    const low = Math.min(...indexes);
    const namesAt = (x: number) =>
      units
        .filter((u) => u.index === x)
        .map((u) => u.name)
        .join("; ");
    blocks.push(
      paragraph(
        t.spread({
          avg: n(Math.round((indexes.reduce((a, b) => a + b, 0) / units.length) * 100) / 100),
          top: n(top),
          topUnits: namesAt(top),
          low: n(low),
          lowUnits: namesAt(low),
        })
      )
    );
  }
  if (report.counts.error > 0)
    blocks.push(paragraph(t.errors(report.counts.error), { italic: true }));

  blocks.push(...rankingSection(input, units));
  blocks.push(...fieldsSection(input));
  blocks.push(...weakSection(input));
  if (input.previous) blocks.push(...previousSection(input, input.previous, units));
  blocks.push(signatureBlock(input));

  return { lang, title: `${t.docTitle} ${t.title(year)}`, blocks };
}

/** Averages as the summary sheet gives them, to four decimals: a weak leaf's figure must be exact. */
function average(x: number, lang: Lang): string {
  const s = String(Math.round(x * 1e4) / 1e4);
  return lang === "vi" ? s.replace(".", ",") : s;
}

function byRank(a: ReportUnit, b: ReportUnit): number {
  return a.rank - b.rank || a.name.localeCompare(b.name, "vi");
}

function header(texts: string[]): DocRow {
  return { kind: "header", cells: texts.map((x) => cell(x, { bold: true, align: "center" })) };
}

/** Units in groups by band, highest band first; units whose band is none of the set's last. */
export function bandGroups(
  units: ReportUnit[],
  bands: Band[]
): { band?: Band; units: ReportUnit[] }[] {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  const groups: { band?: Band; units: ReportUnit[] }[] = sorted.map((band) => ({
    band,
    units: units.filter((u) => u.band === band.label),
  }));
  const labels = new Set(sorted.map((b) => b.label));
  const rest = units.filter((u) => !labels.has(u.band));
  if (rest.length) groups.push({ units: rest });
  return groups;
}

function rankingSection(input: ReportDocumentInput, units: ReportUnit[]): DocBlock[] {
  const t = REPORT_TEXTS[input.lang];
  const n = (x: number) => formatPoints(x, input.lang);
  const groups = bandGroups(units, input.bands);
  const out: DocBlock[] = [paragraph(t.ranking, { role: "heading", bold: true })];
  if (!units.length) return out;
  out.push(
    paragraph(
      t.bandCounts +
        groups.map((g) => `${g.band?.label ?? t.noBand}: ${t.units(g.units.length)}`).join("; ") +
        "."
    )
  );
  const rows: DocRow[] = [header([t.rank, t.unit, t.self, t.appraised, t.index, t.band])];
  for (const g of groups) {
    if (!g.units.length) continue;
    rows.push({
      kind: "group",
      cells: [
        cell(
          g.band
            ? t.bandGroup({ band: g.band.label, min: n(g.band.min), units: g.units.length })
            : `${t.noBand}: ${t.units(g.units.length)}`,
          { bold: true, span: 6 }
        ),
      ],
    });
    for (const u of g.units)
      rows.push({
        kind: "body",
        cells: [
          cell(String(u.rank), { align: "center" }),
          cell(u.name),
          cell(n(u.self), { align: "right" }),
          cell(u.appraised === null ? t.notAppraised : n(u.appraised), { align: "right" }),
          cell(n(u.index), { align: "right" }),
          cell(u.band, { align: "center" }),
        ],
      });
  }
  out.push({
    kind: "table",
    name: "ranking",
    columns: [8, 40, 12, 12, 12, 16],
    borders: true,
    rows,
  });
  out.push(paragraph(t.rankingNote, { role: "note", italic: true }));
  return out;
}

function fieldsSection(input: ReportDocumentInput): DocBlock[] {
  const t = REPORT_TEXTS[input.lang];
  const n = (x: number) => formatPoints(x, input.lang);
  const out: DocBlock[] = [paragraph(t.fields, { role: "heading", bold: true })];
  if (!input.report.units.length) return out;
  const rows: DocRow[] = [header([t.code, t.field, t.max, t.fieldUnits, t.average, t.share])];
  for (const f of input.fields)
    rows.push({
      kind: "body",
      cells: [
        cell(f.code, { align: "center" }),
        cell(f.name),
        cell(n(f.max), { align: "right" }),
        cell(String(f.units), { align: "center" }),
        cell(f.units ? average(f.average, input.lang) : "—", { align: "right" }),
        cell(f.units ? n(f.sharePercent) : "—", { align: "right" }),
      ],
    });
  out.push({
    kind: "table",
    name: "fields",
    columns: [7, 43, 10, 10, 13, 17],
    borders: true,
    rows,
  });
  out.push(paragraph(t.fieldsNote, { role: "note", italic: true }));
  return out;
}

function weakSection(input: ReportDocumentInput): DocBlock[] {
  const t = REPORT_TEXTS[input.lang];
  const n = (x: number) => formatPoints(x, input.lang);
  const weak = input.leaves.filter((l) => l.weak);
  const out: DocBlock[] = [paragraph(t.weak, { role: "heading", bold: true })];
  if (!weak.length) return [...out, paragraph(t.weakNone)];
  out.push(paragraph(t.weakLead));
  const rows: DocRow[] = [
    header([t.code, t.criterion, t.max, t.average, t.share, t.threshold, t.below]),
  ];
  for (const l of weak) {
    const below = [...(input.below.get(l.code) ?? [])].sort(
      (a, b) => a.points - b.points || a.name.localeCompare(b.name, "vi")
    );
    rows.push({
      kind: "body",
      cells: [
        cell(l.code, { align: "center" }),
        cell(l.name),
        cell(n(l.max), { align: "right" }),
        cell(average(l.average, input.lang), { align: "right" }),
        cell(n(l.sharePercent), { align: "right" }),
        cell(n(l.threshold * 100), { align: "right" }),
        {
          paragraphs: below.length
            ? below.map((b) => paragraph(`${b.name} (${n(b.points)})`))
            : [paragraph("—")],
        },
      ],
    });
  }
  out.push({ kind: "table", name: "weak", columns: [8, 30, 9, 10, 9, 9, 25], borders: true, rows });
  return out;
}

function previousSection(
  input: ReportDocumentInput,
  previous: PreviousFigures,
  units: ReportUnit[]
): DocBlock[] {
  const t = REPORT_TEXTS[input.lang];
  const n = (x: number) => formatPoints(x, input.lang);
  const signed = (x: number) => (x > 0 ? "+" : "") + n(x);
  const out: DocBlock[] = [paragraph(t.previous(previous.year), { role: "heading", bold: true })];
  const rows: DocRow[] = [
    header([
      t.unit,
      t.indexNow,
      t.indexBefore,
      t.change,
      t.rankNow,
      t.rankBefore,
      t.rankChange,
      t.bandBefore,
    ]),
  ];
  for (const u of units) {
    const p = previousFor(previous, u.name);
    const none = "—";
    rows.push({
      kind: "body",
      cells: [
        cell(u.name),
        cell(n(u.index), { align: "right" }),
        cell(p ? n(p.index) : none, { align: "right" }),
        cell(p ? signed(Math.round((u.index - p.index) * 100) / 100) : none, { align: "right" }),
        cell(String(u.rank), { align: "center" }),
        cell(p ? String(p.rank) : none, { align: "center" }),
        cell(p ? signed(p.rank - u.rank) : none, { align: "center" }),
        cell(p ? p.band : none, { align: "center" }),
      ],
    });
  }
  out.push({
    kind: "table",
    name: "previous",
    columns: [30, 10, 10, 10, 9, 9, 10, 12],
    borders: true,
    rows,
  });
  out.push(paragraph(t.previousNote, { role: "note", italic: true }));
  const missing = previousUnmatched(
    previous,
    units.map((u) => u.name)
  );
  if (missing.length)
    out.push(paragraph(t.previousMissing(missing.map((m) => m.name).join("; ")), { role: "note" }));
  return out;
}

function signatureBlock(input: ReportDocumentInput): DocTable {
  const t = REPORT_TEXTS[input.lang];
  const empty = paragraph("");
  return {
    kind: "table",
    name: "signature",
    columns: [1, 1],
    borders: false,
    rows: [
      {
        kind: "body",
        cells: [
          {
            align: "center",
            paragraphs: [
              empty,
              paragraph(t.preparer, { align: "center", bold: true }),
              paragraph(t.preparerNote, { align: "center", italic: true }),
            ],
          },
          {
            align: "center",
            paragraphs: [
              paragraph(t.place(input.date), { align: "center", italic: true }),
              paragraph(t.head, { align: "center", bold: true }),
              paragraph(t.headNote, { align: "center", italic: true }),
            ],
          },
        ],
      },
    ],
  };
}
