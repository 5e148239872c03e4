import { Lang } from "../i18n/lang";
import { formatPoints } from "../text/numbers";
import { Finding, RuleName } from "./finding";

type P = Record<string, any>;
type Render = (p: P, f: Finding, n: (x: number) => string) => string;

const COLUMN_VI: Record<string, string> = {
  self: "điểm tự chấm",
  appraised: "điểm thẩm định",
  max: "điểm tối đa",
  ratio: "kết quả (tỷ lệ)",
  total: "tổng điểm",
};
const COLUMN_EN: Record<string, string> = {
  self: "self-score",
  appraised: "appraised score",
  max: "maximum",
  ratio: "result (ratio)",
  total: "total",
};
const ROLE_VI: Record<string, string> = {
  code: "STT/Mã",
  max: "Điểm tối đa",
  self: "Điểm tự chấm",
};
const ROLE_EN: Record<string, string> = {
  code: "code (STT)",
  max: "maximum (Điểm tối đa)",
  self: "self-score (Điểm tự chấm)",
};

const colVi = (p: P) => COLUMN_VI[p.column] ?? COLUMN_VI.self;
const colEn = (p: P) => COLUMN_EN[p.column] ?? COLUMN_EN.self;
const c = (f: Finding) => f.criterion ?? "";
const list = (xs: number[], n: (x: number) => string) => xs.map(n).join("; ");
const pct = (x: number, lang: Lang) => formatPoints(x * 100, lang) + "%";

const VI: Record<RuleName, Render> = {
  "header-not-found": (p) =>
    `Trang tính giống bảng chấm điểm nhưng thiếu cột ${(p.missing as string[]).map((k) => ROLE_VI[k]).join(", ")} (dòng tiêu đề ${p.headerRow})`,
  "missing-criterion": (p, f) => `Thiếu tiêu chí ${c(f)} (${p.name}) trên trang tính`,
  "unknown-criterion": (p) => `Mã "${p.code}" không có trong bộ tiêu chí`,
  "duplicate-criterion": (p, f) => `Tiêu chí ${c(f)} xuất hiện hai lần (đã có ở ô ${p.firstCell})`,
  "ambiguous-code": (p) =>
    `Mã ${p.value} lưu dạng số có thể là ${(p.candidates as string[]).join(" hoặc ")}; đã hiểu là ${p.chosen} — hãy nhập mã dạng văn bản`,
  "max-mismatch": (p, f, n) =>
    `Điểm tối đa của tiêu chí ${c(f)} trên trang tính là ${n(p.sheetMax)}, bộ tiêu chí quy định ${n(p.setMax)}`,
  "score-missing": (_p, f) => `Tiêu chí ${c(f)} chưa có điểm tự chấm`,
  "score-not-numeric": (p, f) =>
    `Ô ${colVi(p)} của tiêu chí ${c(f)} chứa ${p.what === "date" ? "ngày tháng" : p.what === "boolean" ? "giá trị đúng/sai" : "văn bản"} "${p.value}", không phải số điểm`,
  "number-as-text": (p, f, n) =>
    `Ô ${colVi(p)} của tiêu chí ${c(f)} là số lưu dạng văn bản ("${p.text}"); đã dùng giá trị ${n(p.value)}`,
  "score-out-of-range": (p, f, n) =>
    `${cap(colVi(p))} ${n(p.score)} của ${f.criterion ? "tiêu chí " + c(f) : "dòng này"} nằm ngoài khoảng 0–${n(p.max)}`,
  "score-not-allowed": (p, f, n) =>
    `${cap(colVi(p))} ${n(p.score)} của tiêu chí ${c(f)} không phải mức điểm hợp lệ` +
    (p.allowed
      ? ` (các mức được phép: ${list(p.allowed, n)})`
      : p.step
        ? ` (bước ${n(p.step)})`
        : ""),
  "score-ratio-mismatch": (p, f, n) =>
    `Tiêu chí ${c(f)}: kết quả ${pct(p.ratio, "vi")} ứng với ${n(p.expected)} điểm, nhưng điểm tự chấm là ${n(p.score)}`,
  "not-applicable-not-allowed": (p, f) =>
    `Tiêu chí ${c(f)} được đánh dấu "${p.text}" (không đánh giá) nhưng bộ tiêu chí không cho phép`,
  "formula-error": (p, f) =>
    `Ô ${colVi(p)}${f.criterion ? " của tiêu chí " + c(f) : ""} có lỗi công thức ${p.error}`,
  "subtotal-mismatch": (p, f, n) =>
    `${f.criterion ? "Điểm tiêu chí " + c(f) : "Tổng điểm"} (${colVi(p)}) là ${n(p.value)} nhưng tổng các mục con là ${n(p.expected)}`,
  "missing-evidence": (p, f, n) =>
    `Tiêu chí ${c(f)} có điểm ${n(p.score)} nhưng chưa có tài liệu kiểm chứng`,
  "below-threshold": (p, f, n) =>
    `Tiêu chí ${c(f)} đạt ${n(p.score)}/${n(p.max)} điểm, dưới ngưỡng ${pct(p.threshold, "vi")} (${n(p.limit)} điểm)`,
  "survey-self-scored": (p, f, n) =>
    `Tiêu chí ${c(f)} là điểm điều tra xã hội học, đơn vị không tự chấm (đã nhập ${n(p.score)}); điểm này không được tính`,
  "appraisal-without-note": (p, f, n) =>
    `Điểm thẩm định ${n(p.appraised)} của tiêu chí ${c(f)} khác điểm tự chấm ${n(p.self)} nhưng chưa ghi lý do`,
  "appraisal-missing": (_p, f) => `Tiêu chí ${c(f)} đã tự chấm nhưng chưa có điểm thẩm định`,
  "weak-criterion": (p, f, n) =>
    `Tiêu chí ${c(f)} có điểm trung bình ${n(p.average)}/${n(p.max)} (${pct(p.share, "vi")}) trên ${p.units} đơn vị, dưới ngưỡng ${pct(p.threshold, "vi")}`,
  "not-calculated": (p) =>
    `Các công thức trong tệp chưa được tính (tệp do một chương trình ghi ra, chưa từng mở bằng bảng tính) nên không đọc được số liệu của ${p.count} ô: ${cellList(p)}; hãy mở tệp bằng Excel, lưu lại rồi chạy lại`,
  "no-scoring-sheet": () =>
    `Không tìm thấy trang tính chấm điểm nào (cần dòng tiêu đề có cột STT, Điểm tối đa, Điểm tự chấm trong 15 dòng đầu)`,
  "merged-score-cells": (p) => `Vùng ${p.range} gộp ô qua cột điểm; chỉ ô đầu tiên được đọc`,
};

const EN: Record<RuleName, Render> = {
  "header-not-found": (p) =>
    `Sheet looks like a scoring sheet but lacks the ${(p.missing as string[]).map((k) => ROLE_EN[k]).join(", ")} column (header row ${p.headerRow})`,
  "missing-criterion": (p, f) => `Criterion ${c(f)} (${p.name}) has no row on the sheet`,
  "unknown-criterion": (p) => `Code "${p.code}" is not in the criteria set`,
  "duplicate-criterion": (p, f) => `Criterion ${c(f)} appears twice (first at ${p.firstCell})`,
  "ambiguous-code": (p) =>
    `Code ${p.value} stored as a number could be ${(p.candidates as string[]).join(" or ")}; read as ${p.chosen} — type codes as text`,
  "max-mismatch": (p, f, n) =>
    `The sheet gives criterion ${c(f)} a maximum of ${n(p.sheetMax)}; the criteria set says ${n(p.setMax)}`,
  "score-missing": (_p, f) => `Criterion ${c(f)} has no self-score`,
  "score-not-numeric": (p, f) =>
    `The ${colEn(p)} of criterion ${c(f)} holds ${p.what === "date" ? "a date" : p.what === "boolean" ? "a TRUE/FALSE value" : "text"} "${p.value}", not a score`,
  "number-as-text": (p, f, n) =>
    `The ${colEn(p)} of criterion ${c(f)} is a number stored as text ("${p.text}"); ${n(p.value)} was used`,
  "score-out-of-range": (p, f, n) =>
    `${cap(colEn(p))} ${n(p.score)} of ${f.criterion ? "criterion " + c(f) : "this row"} is outside 0–${n(p.max)}`,
  "score-not-allowed": (p, f, n) =>
    `${cap(colEn(p))} ${n(p.score)} is not a score criterion ${c(f)} can give` +
    (p.allowed ? ` (allowed: ${list(p.allowed, n)})` : p.step ? ` (steps of ${n(p.step)})` : ""),
  "score-ratio-mismatch": (p, f, n) =>
    `Criterion ${c(f)}: a result of ${pct(p.ratio, "en")} gives ${n(p.expected)} points, but the self-score is ${n(p.score)}`,
  "not-applicable-not-allowed": (p, f) =>
    `Criterion ${c(f)} is marked "${p.text}" (not applicable), which the criteria set does not allow`,
  "formula-error": (p, f) =>
    `The ${colEn(p)} cell${f.criterion ? " of criterion " + c(f) : ""} shows the formula error ${p.error}`,
  "subtotal-mismatch": (p, f, n) =>
    `${f.criterion ? "Criterion " + c(f) : "The total"} (${colEn(p)}) is ${n(p.value)} but its parts add up to ${n(p.expected)}`,
  "missing-evidence": (p, f, n) =>
    `Criterion ${c(f)} scores ${n(p.score)} but has no evidence document`,
  "below-threshold": (p, f, n) =>
    `Criterion ${c(f)} scores ${n(p.score)}/${n(p.max)}, below the ${pct(p.threshold, "en")} threshold (${n(p.limit)})`,
  "survey-self-scored": (p, f, n) =>
    `Criterion ${c(f)} is survey points, not self-scored (${n(p.score)} entered); it is not counted`,
  "appraisal-without-note": (p, f, n) =>
    `Appraised score ${n(p.appraised)} of criterion ${c(f)} differs from the self-score ${n(p.self)} with no note why`,
  "appraisal-missing": (_p, f) => `Criterion ${c(f)} is self-scored but not yet appraised`,
  "weak-criterion": (p, f, n) =>
    `Criterion ${c(f)} averages ${n(p.average)}/${n(p.max)} (${pct(p.share, "en")}) over ${p.units} units, under its ${pct(p.threshold, "en")} threshold`,
  "not-calculated": (p) =>
    `The file's formulas carry no calculated values (it was written by a program and never opened in a spreadsheet), so ${p.count} ${p.count === 1 ? "cell" : "cells"} cannot be read: ${cellList(p)}; open the file in Excel, save it and run again`,
  "no-scoring-sheet": () =>
    `No scoring sheet found (a header row with code, maximum and self-score columns in the first 15 rows)`,
  "merged-score-cells": (p) =>
    `Cells ${p.range} are merged across a score column; only the first is read`,
};

/** "An Bình!E12, An Bình!E15, …": the cells a finding names, an ellipsis when there are more. */
function cellList(p: P): string {
  const cells = p.cells as string[];
  return cells.join(", ") + (Number(p.count) > cells.length ? ", …" : "");
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function findingMessage(f: Finding, lang: Lang): string {
  const n = (x: number) => formatPoints(x, lang);
  return (lang === "en" ? EN : VI)[f.rule](f.params, f, n);
}
