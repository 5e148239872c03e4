/**
 * "Tổng hợp nhiều sổ" in Excel: the picked unit workbooks are read and checked (ExcelJS, in this lazily loaded
 * chunk), their unit sheets copied into the open workbook (src/excel/insertSheets: whole sheets with ExcelApi
 * 1.13, else values and formulas), then "Tính điểm" writes the formulas and "Tổng hợp" over every unit sheet.
 */
import { checkRead } from "../../core/usecases/check";
import { score } from "../../core/usecases/score";
import { excelRun, ExcelRunner } from "../../excel/excelRunner";
import { insertSheets, withActiveWorkbook, WorkbookToCopy } from "../../excel/excelWorkbookPort";
import type { ConsolidateOptions, ConsolidateOutcome, PickedFile } from "../session";
import { ct } from "../consolidateText";
import type { Lang } from "../i18n";
import { base64Of } from "./base64";
import { Cancelled, consolidation, consolidationDone, ownSet, readUnitFiles } from "./unitFiles";

export async function consolidateInExcel(
  files: PickedFile[],
  lang: Lang,
  options: ConsolidateOptions,
  run: ExcelRunner = excelRun
): Promise<ConsolidateOutcome> {
  const before = await withActiveWorkbook((port) => port.read("check"), run);
  const own = ownSet(before, lang);
  let read;
  try {
    read = await readUnitFiles(files, own, lang, options);
  } catch (error) {
    if (error instanceof Cancelled) return { status: "cancelled" };
    throw error;
  }
  const set = own ?? read.read[0]?.set;
  if (!set) throw new Error(read.failed.map((f) => `${f.file}: ${f.reason}`).join("\n"));
  const existing = checkRead(before, { given: set, lang }).check.units;
  const plan = consolidation(
    before.sheets.map((s) => s.name),
    existing.map((u) => ({ sheet: u.sheet, name: u.name })),
    read.read,
    own === undefined
  );
  if (plan.replacing.length && !(await options.confirmReplace(plan.replacing)))
    return { status: "declined" };
  if (options.signal.aborted) return { status: "cancelled" };

  const books: WorkbookToCopy[] = [...plan.byFile]
    .filter(([, placed]) => placed.length)
    .map(([file, placed]) => ({
      base64: base64Of(file.bytes),
      sheets: placed.map((p) => ({
        from: p.from,
        to: p.to,
        grid: file.read.sheets.find((s) => s.name === p.from)!,
        ...(p.replaces ? { replaces: p.replaces } : {}),
      })),
    }));
  options.onProgress({ phase: "copying", done: 0, total: books.length });
  const inserted = await run((context) =>
    insertSheets(context, books, (done) =>
      options.onProgress({ phase: "copying", done, total: books.length })
    )
  );
  options.onProgress({ phase: "summary", done: 0, total: 1 });
  const written = await withActiveWorkbook(
    (port) => score(port, { lang, confirmTypedCells: options.confirmTyped }),
    run
  );
  return {
    ...consolidationDone(set, read, plan, written, lang),
    path: inserted.path,
    notices:
      written.status === "written"
        ? written.applied.notices.map((n) => n.messageFor(lang))
        : [ct("consolidate.notScored", undefined, lang)],
  };
}
