import { isCriteriaSheetName } from "../../core/check/sheetNames";
import { IndexedSet } from "../../core/criteria/indexed";
import { diffReadings, hasChanges } from "../../core/diff/diffReadings";
import { buildDiffReport } from "../../core/diff/diffReport";
import { unitReadings } from "../../core/diff/unitReadings";
import { Lang } from "../../core/i18n/lang";
import { DomainError } from "../../core/errors/domainError";
import { criteriaInUse } from "../../core/usecases/criteriaInUse";
import { WorkbookRead } from "../../core/port";
import { readWorkbook } from "../../xlsx/xlsxFilePort";
import { namingFile } from "../aboutFile";
import { renderDiffText } from "../diffText";
import { FileError, loadWorkbookFile } from "../files";
import { CommandContext } from "../io";

/**
 * `cchc diff OLD NEW`: what changed between two versions of unit workbooks. Exit 0 when nothing did, 1 when
 * something did; a file that cannot be read or holds no unit sheet throws (exit 2, a line naming it).
 */
export async function diffCommand(
  files: { before: string; after: string },
  opts: { criteria?: IndexedSet; json: boolean },
  ctx: CommandContext
): Promise<number> {
  const books = await readBoth([files.before, files.after]);
  // Each version is read with its own criteria sheet; one without uses the other's (--criteria wins over both).
  const own = books.map(
    ({ file, wb }) =>
      opts.criteria ??
      (wb.sheets.some((s) => isCriteriaSheetName(s.name)) ? ownSet(file, wb, ctx.lang) : undefined)
  );
  const sets = [own[0] ?? own[1], own[1] ?? own[0]];
  if (!sets[0]) throw new FileError(files.before, new DomainError("no-criteria"));
  const readings = books.map(({ file, wb }, i) => {
    const units = unitReadings(sets[i]!, wb);
    if (!units.length) throw new FileError(file, new DomainError("no-unit-sheets"));
    return units;
  });
  const diff = diffReadings(readings[0], readings[1]);
  if (opts.json)
    ctx.io.out(JSON.stringify(buildDiffReport(diff, files, ctx.version), null, 2) + "\n");
  else ctx.io.out(renderDiffText(diff, files, ctx.lang));
  return hasChanges(diff) ? 1 : 0;
}

/** Both files read; when either cannot be, every failure is reported, each naming its file. */
async function readBoth(files: string[]): Promise<{ file: string; wb: WorkbookRead }[]> {
  const errors: Error[] = [];
  const out: { file: string; wb: WorkbookRead }[] = [];
  for (const file of files) {
    try {
      out.push({ file, wb: readWorkbook(await loadWorkbookFile(file, true)) });
    } catch (e) {
      errors.push(namingFile(file, e) as Error);
    }
  }
  if (errors.length) throw new AggregateError(errors);
  return out;
}

/** The workbook's own criteria sheet's set; a refused sheet names the file. */
function ownSet(file: string, wb: WorkbookRead, lang: Lang): IndexedSet {
  try {
    return criteriaInUse(wb, { lang }).set;
  } catch (e) {
    throw namingFile(file, e);
  }
}
