/** The messages of the pane's job tabs and counts bar (spread into i18n.ts's table; same rules). */
export const jobsVi = {
  "jobs.label": "Công việc",
  "jobs.check": "Kiểm tra",
  "jobs.score": "Chấm điểm",
  "jobs.summary": "Tổng hợp",
  "jobs.season": "Mùa chấm",
  "counts.label": "Kết quả kiểm tra",
  "counts.errors": "{count} lỗi",
  "counts.warnings": "{count} cảnh báo",
  "counts.units": "{count} đơn vị",
  "counts.none": "Chưa kiểm tra",
  "counts.checking": "Đang kiểm tra…",
} as const;

export const jobsEn: Record<keyof typeof jobsVi, string> = {
  "jobs.label": "Jobs",
  "jobs.check": "Check",
  "jobs.score": "Score",
  "jobs.summary": "Summary",
  "jobs.season": "Season",
  "counts.label": "Check results",
  "counts.errors": "{count} errors",
  "counts.warnings": "{count} warnings",
  "counts.units": "{count} units",
  "counts.none": "Not checked yet",
  "counts.checking": "Checking…",
};
