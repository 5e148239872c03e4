/**
 * The messages of "So sánh với bản trước", "Báo cáo" and last year beside this year (issue 12), kept apart from
 * i18n.ts's table, which spreads them into its own: same rules (Vietnamese first, English the same keys).
 */
export const seasonVi = {
  "section.compare": "So sánh với bản trước",
  "compare.hint":
    "Chọn bản cũ (.xlsx) của sổ tính này: liệt kê mọi ô điểm, tài liệu kiểm chứng và ghi chú đã thay đổi.",
  "compare.pick": "So sánh với bản trước (.xlsx)…",
  "compare.running": "Đang so sánh với {name}…",
  "compare.failed": "Không so sánh được với {name}: {reason}",
  "compare.summary": "So với {name}: {count} ô thay đổi ở {units} đơn vị.",
  "compare.nothing": "So với {name}: không có thay đổi nào.",
  "compare.renamed": "tên cũ: {name}",
  "compare.figures":
    "Tự chấm {selfBefore} → {selfAfter}; Thẩm định {appraisedBefore} → {appraisedAfter}; Chỉ số {indexBefore} → {indexAfter}",
  "compare.unchangedUnit": "Không có ô nào thay đổi.",
  "compare.change": "{criterion} · {column} · {cell}: {before} → {after}",
  "compare.empty": "(trống)",
  "compare.round": "{column} lần {round}",
  "compare.column.self": "Điểm tự chấm",
  "compare.column.appraised": "Điểm thẩm định",
  "compare.column.ratio": "Kết quả",
  "compare.column.evidence": "Tài liệu kiểm chứng",
  "compare.column.note": "Ghi chú/Giải trình",
  "compare.onlyBefore": "Tiêu chí chỉ có ở bản cũ: {codes}",
  "compare.onlyAfter": "Tiêu chí chỉ có ở bản đang mở: {codes}",
  "compare.unitsOnlyBefore": "Đơn vị chỉ có ở bản cũ: {names}",
  "compare.unitsOnlyAfter": "Đơn vị chỉ có ở bản đang mở: {names}",
  "compare.highlight": "Đánh dấu ô thay đổi",
  "compare.clear": "Bỏ đánh dấu",
  "compare.highlighted":
    "Đã đánh dấu {count} ô (tô màu bằng định dạng có điều kiện của công cụ; định dạng của ô giữ nguyên).",
  "compare.cleared": "Đã bỏ đánh dấu ({count} quy tắc).",
  "compare.protected": "Trang được bảo vệ, không đánh dấu được: {sheets}",
  "compare.unreadable":
    "Excel không đọc được định dạng có điều kiện trên: {sheets}; đánh dấu cũ ở đó (nếu có) còn nguyên.",
  "compare.highlightFailed": "Không đánh dấu được: {reason}",
  "section.report": "Báo cáo",
  "report.hint":
    "Bản nháp báo cáo Word (.docx) như lệnh cchc report: bảng xếp hạng theo loại, tỷ lệ theo lĩnh vực, tiêu chí yếu, khối ký.",
  "report.run": "Tạo báo cáo (.docx)",
  "report.running": "Đang tạo báo cáo…",
  "report.done": "Đã tạo {name} ({units} đơn vị).",
  "report.failed": "Không tạo được báo cáo: {reason}",
  "lastYear.pick": "Kết quả năm trước (tùy chọn)…",
  "lastYear.hint": "Báo cáo JSON của cchc hoặc sổ tổng hợp do cchc tạo.",
  "lastYear.chosen": "Năm trước: {name}",
  "lastYear.remove": "Bỏ",
  "summary.previousFound": "Năm trước ({name}): tìm thấy {found}/{total} đơn vị.",
};

export const seasonEn: Record<keyof typeof seasonVi, string> = {
  "section.compare": "Compare with a previous version",
  "compare.hint":
    "Pick an older version (.xlsx) of this workbook: lists every score, evidence and note cell that changed.",
  "compare.pick": "Compare with a previous version (.xlsx)…",
  "compare.running": "Comparing with {name}…",
  "compare.failed": "Could not compare with {name}: {reason}",
  "compare.summary": "Against {name}: {count} changed cells in {units} units.",
  "compare.nothing": "Against {name}: nothing changed.",
  "compare.renamed": "formerly: {name}",
  "compare.figures":
    "Self {selfBefore} → {selfAfter}; Appraised {appraisedBefore} → {appraisedAfter}; Index {indexBefore} → {indexAfter}",
  "compare.unchangedUnit": "No cell changed.",
  "compare.change": "{criterion} · {column} · {cell}: {before} → {after}",
  "compare.empty": "(empty)",
  "compare.round": "{column} round {round}",
  "compare.column.self": "Self-score",
  "compare.column.appraised": "Appraised score",
  "compare.column.ratio": "Result",
  "compare.column.evidence": "Evidence",
  "compare.column.note": "Note/Explanation",
  "compare.onlyBefore": "Criteria only in the old version: {codes}",
  "compare.onlyAfter": "Criteria only in the open version: {codes}",
  "compare.unitsOnlyBefore": "Units only in the old version: {names}",
  "compare.unitsOnlyAfter": "Units only in the open version: {names}",
  "compare.highlight": "Highlight changed cells",
  "compare.clear": "Remove highlight",
  "compare.highlighted":
    "Highlighted {count} cells (a conditional format of the tool's; the cells' own formatting is unchanged).",
  "compare.cleared": "Highlight removed ({count} rules).",
  "compare.protected": "Protected sheets, not highlighted: {sheets}",
  "compare.unreadable":
    "Excel could not read the conditional formats on: {sheets}; an earlier highlight there (if any) stays.",
  "compare.highlightFailed": "Could not highlight: {reason}",
  "section.report": "Report",
  "report.hint":
    "A draft Word report (.docx) as cchc report writes it: ranking by band, field shares, weak criteria, signature block.",
  "report.run": "Build the report (.docx)",
  "report.running": "Building the report…",
  "report.done": "Built {name} ({units} units).",
  "report.failed": "Could not build the report: {reason}",
  "lastYear.pick": "Last year's results (optional)…",
  "lastYear.hint": "A cchc JSON report or a summary workbook written by cchc.",
  "lastYear.chosen": "Last year: {name}",
  "lastYear.remove": "Remove",
  "summary.previousFound": "Last year ({name}): {found} of {total} units found.",
};
