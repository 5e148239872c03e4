import { lastYearFromReport } from "../core/previous/fromReport";
import { lastYearFromWorkbook } from "../core/previous/fromSummaryWorkbook";
import { LastYear } from "../core/previous/lastYear";
import { readWorkbook } from "../xlsx/xlsxFilePort";
import { aboutFile } from "./aboutFile";
import { loadWorkbookFile, readBytes } from "./files";

/** Last year's results from `--previous LAST`: a .json report, else a summary workbook; failures name LAST. */
export function readLastYear(file: string): Promise<LastYear> {
  return aboutFile(file, async () => {
    if (/\.json$/i.test(file)) return lastYearFromReport((await readBytes(file)).toString("utf8"));
    return lastYearFromWorkbook(readWorkbook(await loadWorkbookFile(file, true)));
  });
}
