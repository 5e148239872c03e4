import { foldText } from "../text/normalize";
import { RuleKind } from "./model";

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
  "title" | "id" | "year" | "unitType" | "decimals" | "mode" | "threshold" | "band";
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
};
export const MODE_TEXT = { round: "Làm tròn", truncate: "Cắt bỏ" } as const;
export const SOURCE_TEXT = { self: "Tự chấm", survey: "Điều tra XHH" } as const;
export const ADJUSTMENT_TEXT = { bonus: "Điểm thưởng", penalty: "Điểm trừ" } as const;
export const ADJUSTMENT_SECTION = "Điểm thưởng, điểm trừ";
export const YES = "Có";
export const NO = "Không";

const VALUE_ALIASES = {
  mode: { round: ["Làm tròn", "round"], truncate: ["Cắt bỏ", "Cắt", "truncate"] },
  source: {
    self: ["Tự chấm", "Tự đánh giá", "self"],
    survey: ["Điều tra XHH", "Điều tra xã hội học", "XHH", "survey"],
  },
  flag: { yes: ["Có", "x", "yes", "true", "1", "Đúng"], no: ["Không", "no", "false", "0", "Sai"] },
  adjustment: { bonus: ["Điểm thưởng", "Thưởng", "bonus"], penalty: ["Điểm trừ", "penalty"] },
  rule: {
    manual: ["manual", "Chấm tự do"],
    binary: ["binary", "Đạt/Không đạt"],
    tiers: ["tiers", "Theo mức"],
    deduction: ["deduction", "Trừ điểm"],
    ratio: ["ratio", "Theo tỷ lệ", "Theo tỉ lệ"],
  },
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
export const MODE_INDEX = foldedIndex(VALUE_ALIASES.mode);
export const SOURCE_INDEX = foldedIndex(VALUE_ALIASES.source);
export const FLAG_INDEX = foldedIndex(VALUE_ALIASES.flag);
export const ADJUSTMENT_INDEX = foldedIndex(VALUE_ALIASES.adjustment);
export const RULE_INDEX = foldedIndex<RuleKind>(VALUE_ALIASES.rule);
export const SECTION_WORDS = new Set(VALUE_ALIASES.section.map(foldHeader));
export const TOTAL_WORDS = new Set(VALUE_ALIASES.total.map(foldHeader));
