import { Lang } from "../core/i18n/lang";

const VI = `cchc — kiểm tra, tính điểm và xếp hạng chỉ số CCHC trên tệp .xlsx

Cách dùng:
  cchc check WORKBOOK.xlsx… [--criteria F] [--json] [--lang vi|en]
      Kiểm tra từng trang tính chấm điểm, in các phát hiện và điểm của từng đơn vị.
  cchc score WORKBOOK.xlsx --out OUT.xlsx [--criteria F] [--in-place] [--json]
      Ghi OUT: công thức tổng, chỉ số, định dạng có điều kiện và trang "Tổng hợp".
  cchc summary WORKBOOK.xlsx… --out OUT.xlsx [--criteria F] [--json] [--previous LAST]
      Một sổ tổng hợp xếp hạng mọi đơn vị của nhiều tệp. --previous LAST (báo cáo --json của check/summary
      năm trước, hay sổ tổng hợp do cchc ghi): thêm chỉ số, hạng, xếp loại năm trước và mức thay đổi.
  cchc report WORKBOOK.xlsx… --out BAO-CAO.docx [--criteria F] [--previous LAST.json]
      Dự thảo báo cáo Word: xếp hạng theo xếp loại, lĩnh vực, tiêu chí dưới ngưỡng, so với năm trước
      (LAST.json: báo cáo --json của cchc check hoặc summary năm trước), khối chữ ký.
  cchc template --criteria F --units "Xã A;Xã B" --out OUT.xlsx
      Sổ chấm điểm trống cho các đơn vị, có công thức và kiểm tra dữ liệu nhập.
  cchc criteria F --out G
      Chuyển bộ tiêu chí giữa dạng JSON (.criteria.json) và trang tính (.xlsx).
  cchc criteria FORM.xlsx --from-form [--sheet TÊN] --out BỘ.criteria.json|BỘ.xlsx
      Bản nháp bộ tiêu chí từ biểu mẫu chấm điểm sẵn có; các giá trị mặc định liệt kê ở "toConfirm".
  cchc revert WORKBOOK.xlsx --out OUT.xlsx [--in-place] [--skip-conflicts]
      Hoàn tác lần chạy trước (của cchc score hoặc phần bổ trợ Excel) theo dữ liệu hoàn tác lưu trong sổ tính.
      Ô nào đã bị sửa sau lần chạy (hay trang đã bị xoá) thì liệt kê từng chỗ, không ghi gì (mã 2);
      --skip-conflicts: trả lại phần an toàn, để nguyên và liệt kê các chỗ đó.
  cchc diff CŨ.xlsx MỚI.xlsx [--criteria F] [--json]
      So sánh hai bản của sổ chấm điểm: từng ô thay đổi (điểm tự chấm, điểm thẩm định từng lần, kết quả,
      tài liệu kiểm chứng, ghi chú) và điểm, chỉ số của từng đơn vị trước và sau.
      Mã thoát: 0 không có gì thay đổi; 1 có thay đổi; 2 không so sánh được.

Tùy chọn chung: --lang vi|en (mặc định vi), --help.
Mã thoát: 0 xong, không có lỗi; 1 xong, có phát hiện mức lỗi; 2 không thực hiện được.
Tệp đầu vào không bao giờ bị sửa; chỉ ghi vào --out, không được là tệp đầu vào, tệp bộ tiêu chí hay thứ không
phải tệp thường (--in-place: ghi đè tệp đầu vào qua tệp tạm rồi đổi tên, giữ quyền và chủ sở hữu của tệp).
score lưu dữ liệu hoàn tác trong trang ẩn "cchc_hoan_tac" của tệp ghi ra.
`;

const EN = `cchc — check, score and rank PAR Index (chỉ số CCHC) workbooks (.xlsx)

Usage:
  cchc check WORKBOOK.xlsx… [--criteria F] [--json] [--lang vi|en]
      Validates every scoring sheet; prints the findings and each unit's scores.
  cchc score WORKBOOK.xlsx --out OUT.xlsx [--criteria F] [--in-place] [--json]
      Writes OUT: total and index formulas, conditional formats and a "Tổng hợp" summary sheet.
  cchc summary WORKBOOK.xlsx… --out OUT.xlsx [--criteria F] [--json] [--previous LAST]
      One summary workbook ranking every unit of many workbooks. --previous LAST (last year's check/summary
      --json report, or a summary workbook written by cchc): adds last year's index, rank, band and the changes.
  cchc report WORKBOOK.xlsx… --out REPORT.docx [--criteria F] [--previous LAST.json]
      A Word draft: ranking by band, fields, sub-criteria under the threshold, last year's comparison
      (LAST.json: last year's --json report of cchc check or summary), signature block.
  cchc template --criteria F --units "Unit A;Unit B" --out OUT.xlsx
      A blank scoring workbook for those units, with formulas and data validation.
  cchc criteria F --out G
      Converts a criteria set between its JSON (.criteria.json) and sheet (.xlsx) forms.
  cchc criteria FORM.xlsx --from-form [--sheet NAME] --out SET.criteria.json|SET.xlsx
      A draft set from an existing scoring form; its defaults are listed under "toConfirm".
  cchc revert WORKBOOK.xlsx --out OUT.xlsx [--in-place] [--skip-conflicts]
      Undoes the last run (of cchc score or the Excel add-in) from the undo data kept in the workbook.
      Where a cell changed since the run (or a sheet was deleted) it lists each one and writes nothing (exit 2);
      --skip-conflicts: restores what is safe, and leaves and lists those.
  cchc diff OLD.xlsx NEW.xlsx [--criteria F] [--json]
      Compares two versions of scoring workbooks: every changed cell (self-score, each appraisal round, result,
      evidence, note) and each unit's scores and index before and after.
      Exit codes: 0 nothing changed; 1 something changed; 2 could not compare.

Common options: --lang vi|en (default vi), --help.
Exit codes: 0 done, no error finding; 1 done, with error findings; 2 could not do it.
Input files are never changed; only --out is written, and it may not be an input, the criteria file or anything
but a regular file (--in-place: replaces the input through a temporary file, keeping its mode and owner).
score keeps undo data in the output's hidden sheet "cchc_hoan_tac".
`;

export function helpText(lang: Lang): string {
  return lang === "en" ? EN : VI;
}
