import { Lang } from "../i18n/lang";
import { Problem } from "../problem";
import { formatNumber } from "../text/numbers";

/** Message texts for the problems found in a criteria set (JSON file or "Bộ tiêu chí" sheet), by problem code. */

type P = Record<string, any>;
type Render = (p: P, show: (x: unknown) => string) => string;

const TYPE_VI: Record<string, string> = {
  string: "văn bản",
  number: "số",
  integer: "số nguyên",
  boolean: "đúng/sai (true/false)",
  object: "đối tượng {…}",
  array: "danh sách […]",
  null: "null",
  date: "ngày tháng",
};
const TYPE_EN: Record<string, string> = {
  string: "text",
  number: "a number",
  integer: "a whole number",
  boolean: "true/false",
  object: "an object {…}",
  array: "a list […]",
  null: "null",
  date: "a date",
};

const PARAMS_EXAMPLE_VI: Record<string, string> = {
  tiers: "100%: 2,5; 80%: 1,25; 0%: 0",
  manual: "bước 0,25",
  deduction: "trừ 0,5 mỗi lần",
  binary: "trễ hạn 0,5",
};
const PARAMS_EXAMPLE_EN: Record<string, string> = {
  tiers: "100%: 2.5; 80%: 1.25; 0%: 0",
  manual: "step 0.25",
  deduction: "step 0.5",
  binary: "late 0.5",
};

const where = (p: P) => (p.line !== undefined ? ` (dòng ${p.line}, cột ${p.column})` : "");
const whereEn = (p: P) => (p.line !== undefined ? ` (line ${p.line}, column ${p.column})` : "");
const choicesVi = (p: P) => (p.allowed as string[]).map((a) => `"${a}"`).join(", ");
const choicesEn = (p: P) => (p.allowed as string[]).map((a) => `"${a}"`).join(", ");

const VI = {
  "not-json": (p) => `Tệp không phải JSON hợp lệ${where(p)}`,
  "unknown-key": (p) => `Khóa "${p.key}" không có trong định dạng bộ tiêu chí`,
  "invalid-type": (p) =>
    `"${p.key}" phải là ${TYPE_VI[p.expected] ?? p.expected}, không phải ${TYPE_VI[p.actual] ?? p.actual}`,
  required: (p) => `Thiếu "${p.key}" (bắt buộc)`,
  "invalid-value": (p, s) =>
    `Giá trị ${s(p.value)} của "${p.key}" không hợp lệ; chỉ nhận ${choicesVi(p)}`,
  "unsupported-format": (p) => `Định dạng "${p.value}" không được hỗ trợ; cần "${p.expected}"`,
  "empty-text": (p) => `"${p.key}" không được để trống`,
  "too-many-decimals": (p, s) => `"${p.key}" = ${s(p.value)} có quá 2 chữ số thập phân`,
  "duplicate-code": (p) => `Mã "${p.node}" bị trùng (đã dùng ở ${p.first})`,
  "unit-group-duplicate": (p) =>
    `Nhóm đơn vị "${p.group}" trùng với một nhóm đã khai (${p.first}): mã và tên nhóm phải khác nhau`,
  "unit-group-empty": (p) =>
    `Nhóm đơn vị "${p.group}" chưa nêu tiêu chí nào không đánh giá (notAssessed trống)`,
  "unit-group-unknown-code": (p) =>
    `Nhóm đơn vị "${p.group}": mã "${p.node}" không phải tiêu chí của bộ tiêu chí`,
  "leaf-max": (p, s) =>
    p.max === undefined
      ? `Tiêu chí ${p.node} không có tiêu chí con nên phải có điểm tối đa`
      : `Điểm tối đa của tiêu chí ${p.node} phải lớn hơn 0 (đang là ${s(p.max)})`,
  "parent-max-mismatch": (p, s) =>
    `Điểm tối đa của ${p.node} là ${s(p.max)} nhưng tổng điểm tối đa các tiêu chí con là ${s(p.sum)}`,
  "rule-on-parent": (p) =>
    `${p.node} có tiêu chí con nên không có cách chấm riêng; chỉ tiêu chí lá mới có cách chấm`,
  "leaf-only-key": (p) => `"${p.key}" chỉ dùng cho tiêu chí lá, nhưng ${p.node} có tiêu chí con`,
  "weight-on-leaf": (p) =>
    `Trọng số chỉ dùng cho tiêu chí có tiêu chí con; ${p.node} là tiêu chí lá`,
  "weight-not-positive": (p, s) => `Trọng số của ${p.node} phải lớn hơn 0 (đang là ${s(p.weight)})`,
  "threshold-range": (p, s) =>
    `Ngưỡng${p.node ? ` của ${p.node}` : ""} phải từ 0 đến 1 (đang là ${s(p.value)})`,
  "manual-step": (p, s) =>
    `Bước chấm của ${p.node} phải lớn hơn 0 và không vượt điểm tối đa ${s(p.max)} (đang là ${s(p.step)})`,
  "late-exceeds-max": (p, s) =>
    `Điểm khi hoàn thành trễ hạn của ${p.node} (${s(p.late)}) vượt điểm tối đa ${s(p.max)}`,
  "negative-value": (p, s) => `"${p.key}" của ${p.node} không được âm (đang là ${s(p.value)})`,
  "tiers-empty": (p) => `Tiêu chí ${p.node} chấm theo mức nhưng chưa có mức nào`,
  "tiers-order": (p, s) =>
    p.reason === "last-not-zero"
      ? `Mức cuối cùng của ${p.node} phải bắt đầu từ 0 (đang là ${s(p.from)})`
      : `Các mức của ${p.node} phải giảm dần theo "from": ${s(p.from)} không nhỏ hơn mức trước (${s(p.previous)})`,
  "tier-points": (p, s) =>
    `Điểm của mức từ ${s(p.from)} ở ${p.node} (${s(p.points)}) phải từ 0 đến điểm tối đa ${s(p.max)}`,
  "deduction-step": (p, s) =>
    `Điểm trừ mỗi lần của ${p.node} phải lớn hơn 0 và không vượt điểm tối đa ${s(p.max)} (đang là ${s(p.step)})`,
  "bands-not-distinct": (p, s) =>
    p.field === "min"
      ? `Hai mức xếp loại có cùng ngưỡng ${s(p.value)}`
      : `Hai mức xếp loại trùng tên "${p.value}"`,
  "bands-empty": () => `Bộ tiêu chí phải có ít nhất một mức xếp loại`,
  "band-min-range": (p, s) => `Ngưỡng xếp loại phải từ 0 đến 100 (đang là ${s(p.value)})`,
  "rounding-decimals": (p, s) =>
    `Số chữ số thập phân khi làm tròn chỉ số phải là số nguyên từ 0 đến 4 (đang là ${s(p.value)})`,
  "adjustment-max": (p, s) => `Mức tối đa của ${p.node} phải lớn hơn 0 (đang là ${s(p.max)})`,
  "total-max-zero": () => `Tổng điểm tối đa của bộ tiêu chí bằng 0`,
  "sheet-no-header": (p) =>
    `Không tìm thấy hàng tiêu đề (Mã, Tên, Điểm tối đa) trên trang tính "${p.sheet}"`,
  "sheet-level": (p, s) =>
    `Cấp ${s(p.value)} không hợp lệ: phải là số nguyên từ 1 và sâu hơn hàng cha đúng một cấp`,
  "sheet-no-parent": (p) =>
    `Không tìm thấy tiêu chí cha "${p.parent}" của ${p.node} ở các hàng phía trên`,
  "sheet-params": (p) =>
    p.kind === "ratio"
      ? `Cách chấm theo tỷ lệ (ratio) không có tham số; hãy để trống ô (đang là "${p.text}")`
      : `Không đọc được tham số "${p.text}" của cách chấm ${p.kind}; ví dụ đúng: "${PARAMS_EXAMPLE_VI[p.kind] ?? ""}"`,
  "sheet-row-no-code": (p) => `Hàng "${p.name}" chưa có mã tiêu chí`,
  "too-deep": (p) =>
    `Tiêu chí ${p.node} nằm ở cấp ${p.depth}: bộ tiêu chí lồng quá sâu (tối đa ${p.max} cấp)`,
  "code-unmatchable": (p) =>
    `Mã "${p.node}"${p.name ? ` (${p.name})` : ""} không thể khớp với hàng nào trên trang chấm điểm. ` +
    `Hãy dùng số (1, 1.2, 1.2.3), số La Mã cho lĩnh vực (I, II, II.1) hoặc chữ cái dưới một tiêu chí ` +
    `(a), b., (c), 1.2.a, 1a); gạch đầu dòng không phân biệt được các hàng với nhau`,
} satisfies Record<string, Render>;

export type CriteriaProblemCode = keyof typeof VI;

const EN: Record<CriteriaProblemCode, Render> = {
  "not-json": (p) => `The file is not valid JSON${whereEn(p)}`,
  "unknown-key": (p) => `Unknown key "${p.key}"`,
  "invalid-type": (p) =>
    `"${p.key}" must be ${TYPE_EN[p.expected] ?? p.expected}, not ${TYPE_EN[p.actual] ?? p.actual}`,
  required: (p) => `"${p.key}" is required`,
  "invalid-value": (p, s) => `${s(p.value)} is not a valid "${p.key}"; allowed: ${choicesEn(p)}`,
  "unsupported-format": (p) => `Format "${p.value}" is not supported; expected "${p.expected}"`,
  "empty-text": (p) => `"${p.key}" must not be empty`,
  "too-many-decimals": (p, s) => `"${p.key}" = ${s(p.value)} has more than 2 decimals`,
  "duplicate-code": (p) => `Code "${p.node}" is used twice (first at ${p.first})`,
  "unit-group-duplicate": (p) =>
    `Unit group "${p.group}" reads like a group declared before (${p.first}): ids and names must differ`,
  "unit-group-empty": (p) => `Unit group "${p.group}" lists no criterion it is not assessed on`,
  "unit-group-unknown-code": (p) =>
    `Unit group "${p.group}": "${p.node}" is not a criterion of the set`,
  "leaf-max": (p, s) =>
    p.max === undefined
      ? `Criterion ${p.node} has no children, so it needs a maximum`
      : `The maximum of criterion ${p.node} must be above 0 (it is ${s(p.max)})`,
  "parent-max-mismatch": (p, s) =>
    `The maximum of ${p.node} is ${s(p.max)} but its children's maxima add up to ${s(p.sum)}`,
  "rule-on-parent": (p) =>
    `${p.node} has children, so it cannot have a scoring rule; only leaves do`,
  "leaf-only-key": (p) => `"${p.key}" applies to leaves only, but ${p.node} has children`,
  "weight-on-leaf": (p) => `A weight applies to criteria with children only; ${p.node} is a leaf`,
  "weight-not-positive": (p, s) => `The weight of ${p.node} must be above 0 (it is ${s(p.weight)})`,
  "threshold-range": (p, s) =>
    `The threshold${p.node ? ` of ${p.node}` : ""} must be between 0 and 1 (it is ${s(p.value)})`,
  "manual-step": (p, s) =>
    `The scoring step of ${p.node} must be above 0 and at most its maximum ${s(p.max)} (it is ${s(p.step)})`,
  "late-exceeds-max": (p, s) =>
    `The points for "done late" of ${p.node} (${s(p.late)}) exceed its maximum ${s(p.max)}`,
  "negative-value": (p, s) => `"${p.key}" of ${p.node} must not be negative (it is ${s(p.value)})`,
  "tiers-empty": (p) => `Criterion ${p.node} is scored by tiers but has none`,
  "tiers-order": (p, s) =>
    p.reason === "last-not-zero"
      ? `The last tier of ${p.node} must start from 0 (it starts from ${s(p.from)})`
      : `The tiers of ${p.node} must be in descending "from" order: ${s(p.from)} is not below the previous tier's ${s(p.previous)}`,
  "tier-points": (p, s) =>
    `The points of the tier from ${s(p.from)} of ${p.node} (${s(p.points)}) must be between 0 and the maximum ${s(p.max)}`,
  "deduction-step": (p, s) =>
    `The deduction step of ${p.node} must be above 0 and at most its maximum ${s(p.max)} (it is ${s(p.step)})`,
  "bands-not-distinct": (p, s) =>
    p.field === "min"
      ? `Two bands have the same lower bound ${s(p.value)}`
      : `Two bands have the same label "${p.value}"`,
  "bands-empty": () => `The set needs at least one band`,
  "band-min-range": (p, s) =>
    `A band's lower bound must be between 0 and 100 (it is ${s(p.value)})`,
  "rounding-decimals": (p, s) =>
    `Rounding decimals must be a whole number from 0 to 4 (it is ${s(p.value)})`,
  "adjustment-max": (p, s) => `The cap of ${p.node} must be above 0 (it is ${s(p.max)})`,
  "total-max-zero": () => `The set's total maximum is 0`,
  "sheet-no-header": (p) => `No header row (Code, Name, Max) found on sheet "${p.sheet}"`,
  "sheet-level": (p, s) =>
    `Level ${s(p.value)} is not valid: it must be a whole number from 1, exactly one deeper than its parent row`,
  "sheet-no-parent": (p) => `Parent "${p.parent}" of ${p.node} is not on any row above`,
  "sheet-params": (p) =>
    p.kind === "ratio"
      ? `The ratio rule takes no parameters; leave the cell empty (it holds "${p.text}")`
      : `Cannot read the parameters "${p.text}" of rule ${p.kind}; for example "${PARAMS_EXAMPLE_EN[p.kind] ?? ""}"`,
  "sheet-row-no-code": (p) => `Row "${p.name}" has no criterion code`,
  "too-deep": (p) =>
    `Criterion ${p.node} is at level ${p.depth}: the set is nested too deep (at most ${p.max} levels)`,
  "code-unmatchable": (p) =>
    `Code "${p.node}"${p.name ? ` (${p.name})` : ""} can never be matched to a row of a scoring sheet. ` +
    `Use numbers (1, 1.2, 1.2.3), Roman numerals for fields (I, II, II.1) or a letter under a criterion ` +
    `(a), b., (c), 1.2.a, 1a); dashes cannot tell one row from another`,
};

function show(lang: Lang): (x: unknown) => string {
  return (x) =>
    typeof x === "number"
      ? formatNumber(x, lang)
      : typeof x === "string"
        ? `"${x}"`
        : (JSON.stringify(x) ?? String(x));
}

export function criteriaMessage(
  code: CriteriaProblemCode,
  params: Record<string, unknown>,
  lang: Lang
): string {
  const render: Render = (lang === "en" ? EN : VI)[code];
  return render(params, show(lang));
}

export function criteriaProblem(
  code: CriteriaProblemCode,
  path: string,
  params: Record<string, unknown>,
  lang: Lang
): Problem {
  return { code, path, message: criteriaMessage(code, params, lang), params };
}

export const CRITERIA_PROBLEM_CODES = Object.keys(VI) as CriteriaProblemCode[];
