/** The Word report's texts, Vietnamese first, English with --lang en. */
export const REPORT_TEXTS = {
  vi: {
    agency: "TÊN CƠ QUAN: ……………………",
    country: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    motto: "Độc lập – Tự do – Hạnh phúc",
    docTitle: "BÁO CÁO",
    title: (year?: number) =>
      `KẾT QUẢ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH${year !== undefined ? ` NĂM ${year}` : ""}`,
    draft: "(Dự thảo do cchc lập từ các tệp chấm điểm; cần rà soát, chỉnh sửa trước khi ký)",
    lead: (p: { set: string; max: string; units: number }) =>
      `Theo bộ tiêu chí ${p.set}, thang điểm tối đa ${p.max} điểm; ${p.units} đơn vị được đánh giá.`,
    spread: (p: { avg: string; top: string; topUnits: string; low: string; lowUnits: string }) =>
      `Chỉ số bình quân ${p.avg}%; cao nhất ${p.top}% (${p.topUnits}); thấp nhất ${p.low}% (${p.lowUnits}).`,
    errors: (n: number) =>
      `Lưu ý: các tệp chấm điểm còn ${n} lỗi (cchc check liệt kê từng lỗi); số liệu dưới đây có thể còn thay đổi.`,
    ranking: "I. KẾT QUẢ XẾP HẠNG THEO XẾP LOẠI",
    bandCounts: "Số đơn vị theo xếp loại: ",
    units: (n: number) => `${n} đơn vị`,
    bandGroup: (p: { band: string; min: string; units: number }) =>
      `${p.band} (chỉ số từ ${p.min}%): ${p.units} đơn vị`,
    noBand: "Chưa xếp loại",
    rank: "Hạng",
    unit: "Đơn vị",
    self: "Tự chấm",
    appraised: "Thẩm định",
    index: "Chỉ số (%)",
    band: "Xếp loại",
    notAppraised: "—",
    rankingNote:
      "Thẩm định: tổng điểm cuối cùng (điểm thẩm định nếu có, nếu không là điểm tự chấm), gồm điểm điều tra xã hội học; chỉ số tính cả điểm thưởng, điểm trừ.",
    fields: "II. KẾT QUẢ THEO LĨNH VỰC",
    code: "Mã",
    field: "Lĩnh vực",
    max: "Điểm tối đa",
    average: "Điểm bình quân",
    share: "Tỷ lệ so với tối đa (%)",
    fieldUnits: "Số đơn vị",
    fieldsNote:
      "Bình quân trên các đơn vị đã có điểm ở lĩnh vực (điểm cuối cùng); tỷ lệ so với điểm tối đa áp dụng cho từng đơn vị (không tính tiêu chí không đánh giá).",
    weak: "III. TIÊU CHÍ THÀNH PHẦN CÓ ĐIỂM BÌNH QUÂN DƯỚI NGƯỠNG",
    weakLead:
      "Các tiêu chí thành phần có điểm bình quân (trên các đơn vị có chấm, không tính đơn vị không đánh giá) dưới ngưỡng so với điểm tối đa, và các đơn vị có điểm dưới ngưỡng ở tiêu chí đó:",
    weakNone: "Không có tiêu chí thành phần nào có điểm bình quân dưới ngưỡng.",
    criterion: "Tiêu chí thành phần",
    threshold: "Ngưỡng (%)",
    below: "Đơn vị dưới ngưỡng (điểm)",
    previous: (year?: number) =>
      `IV. SO SÁNH VỚI ${year !== undefined ? `NĂM ${year}` : "NĂM TRƯỚC"}`,
    indexNow: "Chỉ số năm nay",
    indexBefore: "Chỉ số năm trước",
    change: "Tăng/giảm",
    rankNow: "Hạng năm nay",
    rankBefore: "Hạng năm trước",
    rankChange: "Thay đổi hạng",
    bandBefore: "Xếp loại năm trước",
    previousNote:
      "Thay đổi hạng: số dương là tăng bậc. Đơn vị được ghép theo tên (không phân biệt hoa thường, dấu, khoảng trắng); “—”: không có số liệu năm trước.",
    previousMissing: (names: string) => `Có số liệu năm trước nhưng không có năm nay: ${names}.`,
    place: (d: { day: number; month: number; year: number }) =>
      `……………, ngày ${String(d.day).padStart(2, "0")} tháng ${String(d.month).padStart(2, "0")} năm ${d.year}`,
    preparer: "NGƯỜI LẬP BIỂU",
    preparerNote: "(Ký, ghi rõ họ tên)",
    head: "THỦ TRƯỞNG ĐƠN VỊ",
    headNote: "(Ký tên, đóng dấu)",
  },
  en: {
    agency: "AGENCY: ……………………",
    country: "SOCIALIST REPUBLIC OF VIET NAM",
    motto: "Independence – Freedom – Happiness",
    docTitle: "REPORT",
    title: (year?: number) =>
      `ON THE PUBLIC ADMINISTRATION REFORM INDEX${year !== undefined ? ` ${year}` : ""}`,
    draft:
      "(Draft written by cchc from the scoring workbooks; to be reviewed and edited before signing)",
    lead: (p: { set: string; max: string; units: number }) =>
      `Under the criteria set ${p.set}, out of ${p.max} points; ${p.units} units were assessed.`,
    spread: (p: { avg: string; top: string; topUnits: string; low: string; lowUnits: string }) =>
      `Average index ${p.avg}%; highest ${p.top}% (${p.topUnits}); lowest ${p.low}% (${p.lowUnits}).`,
    errors: (n: number) =>
      `Note: the scoring workbooks still have ${n} errors (cchc check lists each); the figures below may change.`,
    ranking: "I. RANKING BY BAND",
    bandCounts: "Units by band: ",
    units: (n: number) => `${n} ${n === 1 ? "unit" : "units"}`,
    bandGroup: (p: { band: string; min: string; units: number }) =>
      `${p.band} (index from ${p.min}%): ${p.units} ${p.units === 1 ? "unit" : "units"}`,
    noBand: "No band",
    rank: "Rank",
    unit: "Unit",
    self: "Self",
    appraised: "Appraised",
    index: "Index (%)",
    band: "Band",
    notAppraised: "—",
    rankingNote:
      "Appraised: the final points (appraised where given, else self), survey points included; the index includes bonus and penalty.",
    fields: "II. RESULTS BY FIELD",
    code: "Code",
    field: "Field",
    max: "Max",
    average: "Average points",
    share: "Share of max (%)",
    fieldUnits: "Units",
    fieldsNote:
      "Averages over the units with a score in the field (final points); the share is of each unit's applicable max (not-applicable criteria left out).",
    weak: "III. SUB-CRITERIA WITH AN AVERAGE UNDER THE THRESHOLD",
    weakLead:
      "Sub-criteria whose average (over the units that scored them, not those that marked them not applicable) is under the threshold share of their max, and the units under the threshold on each:",
    weakNone: "No sub-criterion has an average under its threshold.",
    criterion: "Sub-criterion",
    threshold: "Threshold (%)",
    below: "Units under the threshold (points)",
    previous: (year?: number) => `IV. COMPARED WITH ${year !== undefined ? year : "LAST YEAR"}`,
    indexNow: "Index",
    indexBefore: "Index last year",
    change: "Change",
    rankNow: "Rank",
    rankBefore: "Rank last year",
    rankChange: "Rank change",
    bandBefore: "Band last year",
    previousNote:
      "Rank change: positive means up. Units are matched by name (case, diacritics and spacing aside); “—”: no figures last year.",
    previousMissing: (names: string) => `In last year's figures but not this year's: ${names}.`,
    place: (d: { day: number; month: number; year: number }) =>
      `……………, ${d.day} ${MONTHS[d.month - 1]} ${d.year}`,
    preparer: "PREPARED BY",
    preparerNote: "(Signature, full name)",
    head: "HEAD OF THE AGENCY",
    headNote: "(Signature and seal)",
  },
};

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
