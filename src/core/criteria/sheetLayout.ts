import { foldText } from "../text/normalize";
import { Adjustment, RoundingMode, RuleKind, Source } from "./model";

/**
 * The layout of the "Bộ tiêu chí" sheet (docs/contracts/criteria-set.md, "The sheet form"): its columns, the labels of its settings
 * rows, the words it writes for choices, and every alias a person may type instead, folded for lookup.
 */

export const CRITERIA_SHEET_NAME = "Bộ tiêu chí";
export type CriteriaSheetCell = string | number | boolean | null;

export type Column =
  | "code"
  | "name"
  | "level"
  | "max"
  | "weight"
  | "rule"
  | "params"
  | "evidence"
  | "source"
  | "notApplicable"
  | "threshold";
export const COLUMNS: Column[] = [
  "code",
  "name",
  "level",
  "max",
  "weight",
  "rule",
  "params",
  "evidence",
  "source",
  "notApplicable",
  "threshold",
];

export const HEADER_ALIASES: Record<Column, string[]> = {
  code: ["Mã", "Mã tiêu chí", "STT", "TT", "Code"],
  name: ["Tên", "Tên tiêu chí", "Nội dung", "Tiêu chí", "Name"],
  level: ["Cấp", "Level"],
  max: ["Điểm tối đa", "Điểm chuẩn", "Thang điểm", "Max"],
  weight: ["Trọng số", "Weight"],
  rule: ["Cách chấm", "Cách chấm điểm", "Rule"],
  params: ["Tham số", "Params", "Parameters"],
  evidence: ["Tài liệu kiểm chứng", "TLKC", "Evidence"],
  source: ["Nguồn", "Nguồn điểm", "Source"],
  notApplicable: [
    "Được KĐG",
    "Được không đánh giá",
    "Not applicable allowed",
    "May be not applicable",
  ],
  threshold: ["Ngưỡng", "Threshold"],
};

export type MetaKey =
  "title" | "id" | "year" | "unitType" | "decimals" | "mode" | "threshold" | "band" | "unitGroup";
const META_ALIASES: Record<MetaKey, string[]> = {
  title: ["Tên bộ tiêu chí", "Title"],
  id: ["Mã bộ tiêu chí", "Id", "Criteria set id"],
  year: ["Năm", "Year"],
  unitType: ["Loại đơn vị", "Unit type"],
  decimals: [
    "Số chữ số thập phân của chỉ số",
    "Số chữ số thập phân",
    "Rounding decimals",
    "Decimals",
  ],
  mode: ["Cách làm tròn chỉ số", "Cách làm tròn", "Rounding mode", "Rounding"],
  threshold: ["Ngưỡng mặc định", "Default threshold", "Threshold"],
  band: ["Xếp loại", "Band"],
  unitGroup: ["Nhóm đơn vị không đánh giá", "Nhóm đơn vị", "Unit group"],
};

/** Cell texts the writer uses; the first alias of each list above is its header or label. */
export const META_LABEL: Record<MetaKey, string> = {
  title: "Tên bộ tiêu chí",
  id: "Mã bộ tiêu chí",
  year: "Năm",
  unitType: "Loại đơn vị",
  decimals: "Số chữ số thập phân của chỉ số",
  mode: "Cách làm tròn chỉ số",
  threshold: "Ngưỡng mặc định (tỷ lệ so với điểm tối đa)",
  band: "Xếp loại (chỉ số từ)",
  unitGroup: "Nhóm đơn vị không đánh giá",
};
/**
 * The sheet's choices, one table: for each choice the word the sheet writes (first, and what its dropdown offers)
 * and every other word read as it, English codes included. A new rule kind needs its words here (the compiler
 * says so: `rule` must name every RuleKind). Unit types are free text in the set: the three known ones are
 * written in Vietnamese and read back as their codes; any other text is kept as it is.
 */
export const CHOICES = {
  rule: {
    binary: ["Đạt/Không đạt", "Đúng hạn/Trễ hạn", "Đúng hạn/Trễ hạn/Không thực hiện", "binary"],
    tiers: ["Theo mức", "tiers"],
    deduction: ["Trừ điểm", "deduction"],
    ratio: ["Tỷ lệ", "Tỉ lệ", "Theo tỷ lệ", "Theo tỉ lệ", "ratio"],
    manual: ["Tự do", "Chấm tự do", "manual"],
  } satisfies Record<RuleKind, string[]>,
  source: {
    self: ["Tự chấm", "Tự đánh giá", "self"],
    survey: ["Điều tra XHH", "Điều tra xã hội học", "XHH", "survey"],
  } satisfies Record<Source, string[]>,
  unitType: {
    commune: ["Cấp xã", "UBND cấp xã", "commune"],
    district: ["Cấp huyện", "UBND cấp huyện", "district"],
    department: ["Sở, ngành", "Sở, ban, ngành", "department"],
  },
  mode: {
    round: ["Làm tròn", "round"],
    truncate: ["Cắt bỏ", "Cắt", "truncate"],
  } satisfies Record<RoundingMode, string[]>,
  flag: { yes: ["Có", "x", "yes", "true", "1", "Đúng"], no: ["Không", "no", "false", "0", "Sai"] },
  adjustment: {
    bonus: ["Điểm thưởng", "Thưởng", "bonus"],
    penalty: ["Điểm trừ", "penalty"],
  } satisfies Record<Adjustment["kind"], string[]>,
};
export type ChoiceList = keyof typeof CHOICES;

/** The words the sheet writes for a list's choices, in the table's order (its dropdown). */
export const choiceWords = (list: ChoiceList): string[] =>
  Object.values<string[]>(CHOICES[list]).map((words) => words[0]);

const written = <K extends string>(list: Record<K, string[]>) =>
  Object.fromEntries(Object.entries<string[]>(list).map(([k, w]) => [k, w[0]])) as Record<
    K,
    string
  >;
export const RULE_TEXT = written(CHOICES.rule);
export const SOURCE_TEXT = written(CHOICES.source);
/** A map, not an object: the unit type is any text, and "constructor" must not find Object's. */
export const UNIT_TYPE_TEXT = new Map(Object.entries(written(CHOICES.unitType)));
export const MODE_TEXT = written(CHOICES.mode);
export const ADJUSTMENT_TEXT = written(CHOICES.adjustment);
export const ADJUSTMENT_SECTION = "Điểm thưởng, điểm trừ";
export const YES = CHOICES.flag.yes[0];
export const NO = CHOICES.flag.no[0];

const OTHER_WORDS = {
  section: ["Điểm thưởng, điểm trừ", "Adjustments"],
  total: ["Tổng cộng", "Tổng điểm", "Tổng", "Total"],
};

/** Headers and labels are matched without case, diacritics or a parenthesised note: "Ngưỡng (tỷ lệ)" is "nguong". */
export const foldHeader = (s: string) => foldText(s.replace(/\([^)]*\)/g, " "));
const foldedIndex = <K extends string>(aliases: Record<K, string[]>) =>
  new Map(
    Object.entries<string[]>(aliases).flatMap(([k, words]) =>
      words.map((w) => [foldHeader(w), k as K] as const)
    )
  );
export const HEADER_INDEX = foldedIndex(HEADER_ALIASES);
export const META_INDEX = foldedIndex(META_ALIASES);
export const MODE_INDEX = foldedIndex(CHOICES.mode);
export const SOURCE_INDEX = foldedIndex(CHOICES.source);
export const UNIT_TYPE_INDEX = foldedIndex(CHOICES.unitType);
export const FLAG_INDEX = foldedIndex(CHOICES.flag);
export const ADJUSTMENT_INDEX = foldedIndex(CHOICES.adjustment);
export const RULE_INDEX = foldedIndex<RuleKind>(CHOICES.rule);
export const SECTION_WORDS = new Set(OTHER_WORDS.section.map(foldHeader));
export const TOTAL_WORDS = new Set(OTHER_WORDS.total.map(foldHeader));
