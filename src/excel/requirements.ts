/**
 * Which ExcelApi requirement sets the host supports, asked at run time (the manifest only promises 1.9).
 * Outside Office (tests, the browser-only mode) nothing is supported unless a test installs an answer.
 */
export function supportsExcelApi(version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  return typeof requirements?.isSetSupported === "function"
    ? requirements.isSetSupported("ExcelApi", version)
    : false;
}

/** The host cannot do what the command needs; nothing was read or written. */
export class HostTooOldError extends Error {
  constructor(readonly version: string) {
    super(
      `Phiên bản Excel này chưa hỗ trợ ExcelApi ${version}; hãy cập nhật Excel hoặc dùng Excel trên web.`
    );
    this.name = "HostTooOldError";
  }
}

export function requireExcelApi(version: string): void {
  if (!supportsExcelApi(version)) throw new HostTooOldError(version);
}

/** The ExcelApi versions this adapter uses beyond the manifest's 1.9, each with what needs it. */
export const EXCEL_API = {
  /** application.suspendApiCalculationUntilNextSync. */
  suspendCalculation: "1.6",
  /** Series.setXAxisValues and freezePanes, for the summary chart and frozen header rows. */
  chartAxisAndFreeze: "1.7",
  /** Worksheet.getRanges / RangeAreas: one conditional format or validation over many areas (the manifest's minimum). */
  rangeAreas: "1.9",
  /** Range.getMergedAreasOrNullObject. */
  mergedAreas: "1.13",
} as const;
