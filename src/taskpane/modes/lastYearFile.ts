/**
 * Last year's results picked as a file in the pane, read as `summary --previous` reads them (core/previous): a
 * `cchc check --json` / `cchc summary --json` report, else a summary workbook written by cchc (read with ExcelJS,
 * loaded only when such a file is given). A file that is neither is refused with one line naming it.
 */
import { lastYearFromReport } from "../../core/previous/fromReport";
import { lastYearFromWorkbook } from "../../core/previous/fromSummaryWorkbook";
import { LastYear } from "../../core/previous/lastYear";
import { WorkbookRead } from "../../core/port";
import type { Lang } from "../i18n";
import type { PickedFile } from "../session";
import { localized, reasonLine } from "./coreViews";

export async function lastYearFromFile(file: PickedFile, lang: Lang): Promise<LastYear> {
  try {
    if (/\.json$/i.test(file.name))
      return lastYearFromReport(new TextDecoder("utf-8").decode(file.bytes));
    return lastYearFromWorkbook(await readXlsxBytes(file.bytes));
  } catch (error) {
    throw new Error(`${file.name}: ${reasonLine(localized(error, lang))}`);
  }
}

/** An .xlsx's bytes read into the port's shapes, ExcelJS loaded on first use (its own lazy chunk). */
export async function readXlsxBytes(bytes: Uint8Array): Promise<WorkbookRead> {
  const { loadWorkbookBytes, readWorkbook } = await import(
    /* webpackChunkName: "xlsx-reader" */ "../../xlsx/xlsxFilePort"
  );
  return readWorkbook(await loadWorkbookBytes(bytes, { readOnly: true }));
}
