import { IndexedSet, roundPoints } from "../criteria/indexed";
import { SUMMARY_SHEET } from "../check/sheetNames";
import { CellWrite, RangeWrite, WritePlan } from "../port";
import { a1, absA1, columnLetter, sheetRef } from "../sheet/address";
import { LeafAverage } from "../scoring/leafAverages";

/** One unit's row on the summary sheet: each figure either a formula over its unit sheet or a gathered value. */
export interface SummaryUnit {
  name: string;
  /** Where it came from: the sheet name, or "file › sheet" across files. */
  source: string;
  fields: Map<string, { formula: string } | { value: number }>;
  total: { formula: string } | { value: number };
  index: { formula: string } | { value: number };
  /** The core's numbers, used for the order of rows and for cached results. */
  computed: {
    total: number;
    index: number;
    rank: number;
    band: string;
    fields: Map<string, number>;
  };
  /**
   * Last year's index and rank (`summary --previous`), written as values beside this year's formulas with the
   * changes as formulas over both; null for a unit not found last year. Absent on every unit: no such columns.
   */
  previous?: { index: number; rank: number } | null;
}

export const SUMMARY_HEADERS = {
  no: "STT",
  unit: "Đơn vị",
  source: "Trang tính",
  total: "Tổng điểm",
  index: "Chỉ số (%)",
  rank: "Xếp hạng",
  band: "Xếp loại",
  previousIndex: "Chỉ số năm trước",
  indexChange: "Thay đổi chỉ số",
  previousRank: "Hạng năm trước",
  rankChange: "Thay đổi hạng",
};

export interface SummaryLayout {
  headerRow: number;
  firstRow: number;
  lastRow: number;
  col: {
    unit: number;
    index: number;
    rank: number;
    band: number;
    total: number;
    firstField: number;
    /** With last year's figures: their four columns after the band. */
    previous?: { index: number; indexChange: number; rank: number; rankChange: number };
  };
  leafHeaderRow: number;
}

/**
 * The summary sheet ("Tổng hợp", or the free name core/owned gives it): one row per unit in rank order, ranks by RANK and bands by LOOKUP over the set's bands
 * written beside the table, so a corrected score re-ranks at once; below, every leaf's average share of its max.
 */
export function planSummary(
  set: IndexedSet,
  units: SummaryUnit[],
  leaves: LeafAverage[],
  sheet: string = SUMMARY_SHEET
): { plan: WritePlan; layout: SummaryLayout } {
  const ranges: RangeWrite[] = [];
  const put = (row: number, col: number, cells: CellWrite[][]) =>
    ranges.push({ sheet, at: a1(row, col), cells });
  const text = (s: string): CellWrite => ({ value: s });
  const ordered = [...units].sort(
    (a, b) => a.computed.rank - b.computed.rank || a.name.localeCompare(b.name, "vi")
  );

  put(1, 1, [[text(`TỔNG HỢP KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH`)]]);
  put(2, 1, [[text(`${set.set.title} (${set.set.id})`)]]);

  const headerRow = 4;
  const firstField = 4;
  const col = {
    unit: 2,
    firstField,
    total: firstField + set.fields.length,
    index: firstField + set.fields.length + 1,
    rank: firstField + set.fields.length + 2,
    band: firstField + set.fields.length + 3,
  };
  const withPrevious = units.some((u) => u.previous !== undefined);
  const previousCols = withPrevious
    ? {
        index: col.band + 1,
        indexChange: col.band + 2,
        rank: col.band + 3,
        rankChange: col.band + 4,
      }
    : undefined;
  const lastCol = previousCols ? previousCols.rankChange : col.band;
  const bandCol = lastCol + 2;
  const headers = [
    SUMMARY_HEADERS.no,
    SUMMARY_HEADERS.unit,
    SUMMARY_HEADERS.source,
    ...set.fields.map((f) => `${f.code}. ${f.name}`),
    SUMMARY_HEADERS.total,
    SUMMARY_HEADERS.index,
    SUMMARY_HEADERS.rank,
    SUMMARY_HEADERS.band,
    ...(previousCols
      ? [
          SUMMARY_HEADERS.previousIndex,
          SUMMARY_HEADERS.indexChange,
          SUMMARY_HEADERS.previousRank,
          SUMMARY_HEADERS.rankChange,
        ]
      : []),
  ];
  put(headerRow, 1, [headers.map(text)]);

  const firstRow = headerRow + 1;
  const lastRow = firstRow + Math.max(ordered.length, 1) - 1;
  const indexRange = `${absA1(firstRow, col.index)}:${absA1(lastRow, col.index)}`;
  const bands = [...set.set.bands].sort((a, b) => a.min - b.min);
  const bandMins = `${absA1(headerRow + 1, bandCol)}:${absA1(headerRow + bands.length, bandCol)}`;
  const bandLabels = `${absA1(headerRow + 1, bandCol + 1)}:${absA1(headerRow + bands.length, bandCol + 1)}`;
  const cell = (v: { formula: string } | { value: number }, result?: number): CellWrite =>
    "formula" in v
      ? { formula: v.formula, ...(result !== undefined ? { result } : {}) }
      : { value: v.value };

  ordered.forEach((u, i) => {
    const row = firstRow + i;
    const idx = a1(row, col.index);
    put(row, 1, [
      [
        { value: i + 1 },
        text(u.name),
        text(u.source),
        ...set.fields.map((f) =>
          cell(u.fields.get(f.code) ?? { value: 0 }, u.computed.fields.get(f.code))
        ),
        cell(u.total, u.computed.total),
        cell(u.index, u.computed.index),
        { formula: `RANK(${idx},${indexRange})`, result: u.computed.rank },
        {
          formula: `IFERROR(LOOKUP(${idx},${bandMins},${bandLabels}),"")`,
          result: u.computed.band,
        },
      ],
    ]);
    if (previousCols) put(row, previousCols.index, [previousCells(u, row)]);
  });

  /** Last year's figures as values; the changes as formulas, so a corrected index updates them. */
  function previousCells(u: SummaryUnit, row: number): CellWrite[] {
    const p = u.previous;
    if (!p || !previousCols) return [null, null, null, null].map((value) => ({ value }));
    const idx = a1(row, col.index);
    const rank = a1(row, col.rank);
    return [
      { value: p.index },
      {
        formula: `${idx}-${a1(row, previousCols.index)}`,
        result: roundPoints(u.computed.index - p.index),
      },
      { value: p.rank },
      { formula: `${a1(row, previousCols.rank)}-${rank}`, result: p.rank - u.computed.rank },
    ];
  }

  put(headerRow, bandCol, [[text("Ngưỡng xếp loại"), text(SUMMARY_HEADERS.band)]]);
  put(
    headerRow + 1,
    bandCol,
    bands.map((b) => [{ value: b.min }, text(b.label)])
  );

  const leafHeaderRow = lastRow + 3;
  put(leafHeaderRow - 1, 1, [
    [text("Tiêu chí thành phần: điểm trung bình và tỷ lệ so với điểm tối đa")],
  ]);
  put(leafHeaderRow, 1, [
    [
      "Mã",
      "Tiêu chí",
      "Điểm tối đa",
      "Số đơn vị",
      "Điểm trung bình",
      "Tỷ lệ (%)",
      "Ngưỡng (%)",
      "Đánh giá",
    ].map(text),
  ]);
  leaves.forEach((l, i) => {
    put(leafHeaderRow + 1 + i, 1, [
      [
        text(l.code),
        text(l.name),
        { value: l.max },
        { value: l.units },
        { value: l.average },
        { value: l.sharePercent },
        { value: l.threshold * 100 },
        text(l.weak ? "Dưới ngưỡng" : ""),
      ],
    ]);
  });

  const plan: WritePlan = {
    sheets: [
      {
        name: sheet,
        role: "summary",
        owned: true,
        freezeRows: headerRow,
        columnWidths: [
          6,
          28,
          18,
          ...set.fields.map(() => 12),
          11,
          11,
          10,
          12,
          ...(previousCols ? [11, 11, 10, 10] : []),
          2,
          10,
          14,
        ],
      },
    ],
    ranges,
    styles: [
      { sheet, range: "A1", style: { bold: true } },
      {
        sheet,
        range: `A${headerRow}:${columnLetter(lastCol)}${headerRow}`,
        style: { bold: true, wrap: true, fill: "#DDEBF7", align: "center" },
      },
      {
        sheet,
        range: `${columnLetter(col.firstField)}${firstRow}:${columnLetter(col.index)}${lastRow}`,
        style: { numberFormat: "0.00" },
      },
      ...(previousCols
        ? [
            {
              sheet,
              range: `${columnLetter(previousCols.index)}${firstRow}:${columnLetter(previousCols.index)}${lastRow}`,
              style: { numberFormat: "0.00" },
            },
            {
              sheet,
              range: `${columnLetter(previousCols.indexChange)}${firstRow}:${columnLetter(previousCols.indexChange)}${lastRow}`,
              style: { numberFormat: "+0.00;-0.00;0.00" },
            },
            {
              sheet,
              range: `${columnLetter(previousCols.rankChange)}${firstRow}:${columnLetter(previousCols.rankChange)}${lastRow}`,
              style: { numberFormat: "+0;-0;0" },
            },
          ]
        : []),
      {
        sheet,
        range: `A${leafHeaderRow}:H${leafHeaderRow}`,
        style: { bold: true, fill: "#DDEBF7" },
      },
      ...leaves.flatMap((l, i) =>
        l.weak
          ? [
              {
                sheet,
                range: `A${leafHeaderRow + 1 + i}:H${leafHeaderRow + 1 + i}`,
                style: { fill: "#F8D7DA" },
              },
            ]
          : []
      ),
    ],
    conditionalFormats: [],
    validations: [],
    names: [],
  };
  return {
    plan,
    layout: {
      headerRow,
      firstRow,
      lastRow,
      col: { ...col, ...(previousCols ? { previous: previousCols } : {}) },
      leafHeaderRow,
    },
  };
}

export function qualified(sheet: string, expr: string): string {
  return expr.replace(/(?<![$A-Z'!])(\$?[A-Z]{1,3}\$?\d+)(?![\d(])/g, (m) => sheetRef(sheet, m));
}
