/**
 * The pane's "Báo cáo": the same Word document as `cchc report` (core/report/seasonReport) from the open workbook's
 * checked units and, where given, last year's results. The `docx` library is loaded only when a report is asked
 * for (its own lazy chunk: the pane's first load does not grow).
 */
import { WorkbookCheck } from "../../core/check/checkWorkbook";
import { IndexedSet } from "../../core/criteria/indexed";
import { LastYear } from "../../core/previous/lastYear";
import { previousFiguresOf } from "../../core/report/previousFigures";
import { seasonReport } from "../../core/report/seasonReport";
import type { Lang } from "../i18n";
import { PANE_VERSION } from "./coreViews";

export interface ReportFile {
  bytes: Uint8Array;
  fileName: string;
  units: number;
}

export async function reportFile(
  set: IndexedSet,
  check: WorkbookCheck,
  lang: Lang,
  last?: LastYear,
  today: Date = new Date()
): Promise<ReportFile> {
  const { model } = seasonReport({
    set,
    units: check.units,
    findings: check.findings,
    lang,
    version: PANE_VERSION,
    ...(last ? { previous: previousFiguresOf(last) } : {}),
    today,
  });
  const { docxBytesFromModel } = await import(
    /* webpackChunkName: "docx" */ "../../docx/docxFromModel"
  );
  const year = set.set.year !== undefined ? `-${set.set.year}` : "";
  return {
    bytes: await docxBytesFromModel(model),
    fileName: `${lang === "en" ? "par-index-report" : "bao-cao-chi-so-cchc"}${year}.docx`,
    units: check.units.length,
  };
}
