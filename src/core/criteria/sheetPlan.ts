import { VALIDATION_ERROR_MAX_CHARS } from "../excelRules/limits";
import { clippedList } from "../plan/clippedList";
import { CellWrite, StyleWrite, ValidationWrite, WritePlan } from "../port";
import { a1, columnLetter, sheetRef } from "../sheet/address";
import { CriteriaSet } from "./model";
import { criteriaToRows } from "./sheetWrite";
import {
  ADJUSTMENT_SECTION,
  ChoiceList,
  choiceWords,
  COLUMNS,
  Column,
  CriteriaSheetCell,
  HEADER_ALIASES,
  META_LABEL,
} from "./sheetLayout";

/**
 * The "Bộ tiêu chí" sheet as a plan both adapters write (the .xlsx writer of `cchc criteria --out`, `template`
 * and `--from-form`; the pane's import in Excel): the rows of criteriaToRows, columns wide enough for their
 * words, names and long texts wrapped, the rows down to the header frozen, and a dropdown on every column of
 * choices. The dropdowns' lists are on the sheet itself, right of the table, beside the settings rows: a list
 * source must be a range when an item holds a comma ("Sở, ngành"), and the sheet then needs no other sheet.
 */

export interface CriteriaSheetOptions {
  /** The table to write (default criteriaToRows(set)); a draft's has a "Cần xác nhận" column after the set's. */
  rows?: CriteriaSheetCell[][];
  /** Widths of the columns the given rows have after the set's, in characters. */
  extraWidths?: number[];
}

/** Minimum widths in characters, in COLUMNS order; a column of choices is widened to its longest word. */
const MIN_WIDTHS: Record<Column, number> = {
  code: 22, // also the settings' labels (wrapped)
  name: 50,
  level: 6,
  max: 10,
  weight: 10,
  rule: 12,
  params: 36,
  evidence: 12,
  source: 12,
  notApplicable: 10,
  threshold: 10,
};
/** Room for the dropdown's arrow beside the longest word. */
const ARROW = 4;
const HEADER_FILL = "#DDEBF7";

/** The lists right of the table, one a row, each with its label: which list, and its label. */
const LISTS: [ChoiceList, string][] = [
  ["rule", "Cách chấm"],
  ["source", "Nguồn điểm"],
  ["flag", "Có/Không"],
  ["unitType", "Loại đơn vị"],
  ["mode", "Cách làm tròn"],
  ["adjustment", "Thưởng/trừ"],
];
const LIST_LABEL = "Danh sách chọn: ";
const LIST_LABEL_WIDTH = 28;

/** Which column (by the table's own layout) each dropdown goes on, on node rows. */
const NODE_CHOICES: [Column, ChoiceList][] = [
  ["rule", "rule"],
  ["evidence", "flag"],
  ["source", "source"],
  ["notApplicable", "flag"],
];

export function criteriaSheetPlan(
  set: CriteriaSet,
  sheet: string,
  options: CriteriaSheetOptions = {}
): WritePlan {
  const rows = options.rows ?? criteriaToRows(set);
  const width = Math.max(...rows.map((r) => r.length));
  const lists = listsBlock(sheet, width + 2);
  const extra = options.extraWidths ?? [];
  return {
    sheets: [
      {
        name: sheet,
        owned: true,
        columnWidths: [
          ...COLUMNS.map(columnWidth),
          ...extra,
          ...Array<number>(Math.max(0, width - COLUMNS.length - extra.length)).fill(10),
          ...lists.widths,
        ],
        // Down to the header: the settings above it stay in view too (the reader finds them above it).
        freezeRows: criteriaSheetShape(rows).header + 1,
      },
    ],
    ranges: [
      {
        sheet,
        at: "A1",
        cells: rows.map((r) => Array.from({ length: width }, (_, i) => ({ value: r[i] ?? null }))),
      },
      lists.range,
    ],
    styles: styles(sheet, rows, width, lists.labelCol),
    conditionalFormats: [],
    validations: validations(sheet, rows, lists.sources),
    names: [],
  };
}

/** The lists, one a row from A1's row on, each after its label; the widths from the gap column on. */
function listsBlock(sheet: string, labelCol: number) {
  const longest = Math.max(...LISTS.map(([l]) => choiceWords(l).length));
  const sources = new Map<ChoiceList, string>();
  const cells = LISTS.map(([l, label], i): CellWrite[] => {
    const words = choiceWords(l);
    const from = `$${columnLetter(labelCol + 1)}$${i + 1}`;
    sources.set(l, sheetRef(sheet, `${from}:$${columnLetter(labelCol + words.length)}$${i + 1}`));
    const row = [LIST_LABEL + label, ...words];
    return [...row, ...Array<null>(longest + 1 - row.length).fill(null)].map((value) => ({
      value,
    }));
  });
  const wordWidth = Math.max(...LISTS.flatMap(([l]) => choiceWords(l).map((w) => w.length))) + 2;
  return {
    labelCol,
    sources,
    range: { sheet, at: a1(1, labelCol), cells },
    widths: [4, LIST_LABEL_WIDTH, ...Array<number>(longest).fill(wordWidth)],
  };
}

function styles(
  sheet: string,
  rows: CriteriaSheetCell[][],
  width: number,
  labelCol: number
): StyleWrite[] {
  const shape = criteriaSheetShape(rows);
  const header = shape.header + 1;
  const column = (c: Column) => columnLetter(COLUMNS.indexOf(c) + 1);
  const label = columnLetter(labelCol);
  return [
    {
      sheet,
      range: `A${header}:${columnLetter(width)}${header}`,
      style: { bold: true, wrap: true, fill: HEADER_FILL, align: "center" },
    },
    // The settings' labels and values (a long title).
    { sheet, range: `A1:B${shape.settings}`, style: { wrap: true } },
    ...(["name", "params"] as const).map((c) => ({
      sheet,
      range: `${column(c)}${header + 1}:${column(c)}${rows.length}`,
      style: { wrap: true },
    })),
    { sheet, range: `${label}1:${label}${LISTS.length}`, style: { bold: true } },
  ];
}

function validations(
  sheet: string,
  rows: CriteriaSheetCell[][],
  sources: Map<ChoiceList, string>
): ValidationWrite[] {
  const shape = criteriaSheetShape(rows);
  const column = (c: Column) => columnLetter(COLUMNS.indexOf(c) + 1);
  const first = shape.header + 2;
  const last = shape.header + 1 + shape.nodes;
  const list = (l: ChoiceList, what: string, ranges: string[]): ValidationWrite => ({
    sheet,
    ranges,
    kind: "list",
    values: choiceWords(l),
    source: sources.get(l) as string,
    alert: "warning",
    error: clippedList(
      `${what}: chọn trong danh sách (`,
      choiceWords(l),
      "). Chữ khác vẫn được giữ và được kiểm tra khi đọc bộ tiêu chí.",
      VALIDATION_ERROR_MAX_CHARS
    ),
  });
  const header = rows[shape.header];
  const out = NODE_CHOICES.map(([c, l]) =>
    list(l, String(header[COLUMNS.indexOf(c)]), [`${column(c)}${first}:${column(c)}${last}`])
  );
  out.push(list("unitType", META_LABEL.unitType, [`B${shape.unitTypeRow + 1}`]));
  out.push(list("mode", META_LABEL.mode, [`B${shape.modeRow + 1}`]));
  if (shape.adjustments > 0) {
    const rule = column("rule");
    out.push(
      list("adjustment", ADJUSTMENT_SECTION, [
        `${rule}${last + 2}:${rule}${last + 1 + shape.adjustments}`,
      ])
    );
  }
  return out;
}

/** Where things are in the written rows (0-based), found by their labels as the reader finds them. */
export interface CriteriaSheetShape {
  /** The settings rows are 0 to settings - 1. */
  settings: number;
  unitTypeRow: number;
  modeRow: number;
  header: number;
  /** Node rows follow the header; the adjustments' rows follow their section row. */
  nodes: number;
  adjustments: number;
}

export function criteriaSheetShape(rows: CriteriaSheetCell[][]): CriteriaSheetShape {
  const labelRow = (label: string) => rows.findIndex((r) => r[0] === label);
  const header = rows.findIndex(
    (r) => r[0] === HEADER_ALIASES.code[0] && r[1] === HEADER_ALIASES.name[0]
  );
  const section = rows.findIndex(
    (r, i) => i > header && r[0] === null && r[1] === ADJUSTMENT_SECTION
  );
  const end = section < 0 ? rows.length : section;
  return {
    settings: rows.findIndex((r) => r.every((v) => v === null || v === "")),
    unitTypeRow: labelRow(META_LABEL.unitType),
    modeRow: labelRow(META_LABEL.mode),
    header,
    nodes: end - header - 1,
    adjustments: section < 0 ? 0 : rows.length - section - 1,
  };
}

function columnWidth(c: Column): number {
  const choices = NODE_CHOICES.find(([col]) => col === c)?.[1];
  const longest = choices ? Math.max(...choiceWords(choices).map((w) => w.length)) : 0;
  return Math.max(MIN_WIDTHS[c], longest + ARROW);
}
