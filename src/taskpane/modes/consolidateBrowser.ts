/**
 * "Tổng hợp nhiều sổ" in the browser mode (and the bench): the picked unit workbooks' sheets copied, with their
 * styles, into the open workbook's package (or a new one) by the package writer (src/xlsx consolidatePackage),
 * then "Tính điểm" over the result writes the formulas and "Tổng hợp"; the consolidated workbook is downloaded.
 * The picked files and the open one are never changed.
 */
import type { UnitCheck } from "../../core/check/checkUnit";
import { IndexedSet } from "../../core/criteria/indexed";
import { SheetGrid, WorkbookRead } from "../../core/port";
import { sheetNameKey } from "../../core/owned/sheetNames";
import { checkRead } from "../../core/usecases/check";
import { score } from "../../core/usecases/score";
import { consolidateInto, emptyPackage } from "../../xlsx/xlsxFilePort";
import { xlsxWorkbookPort } from "../../xlsx/xlsxWorkbookPort";
import type { ConsolidateOptions, ConsolidateOutcome, PickedFile } from "../session";
import type { Lang } from "../i18n";
import {
  Cancelled,
  consolidation,
  consolidationDone,
  ownSet,
  readUnitFiles,
  UnitFile,
} from "./unitFiles";
import { pageBreaks } from "./pageBreaks";
import { Placement } from "./unitPlacement";

/** The workbook open in the browser mode (none: a new one), and the set the session uses (imported). */
export interface ConsolidationBase {
  bytes?: Uint8Array;
  read?: WorkbookRead;
  fileName?: string;
  given?: IndexedSet;
}

export async function consolidateInBrowser(
  base: ConsolidationBase,
  files: PickedFile[],
  lang: Lang,
  options: ConsolidateOptions
): Promise<ConsolidateOutcome> {
  const baseRead = base.read ?? { sheets: [] };
  const own = base.given ?? (base.read ? ownSet(base.read, lang) : undefined);
  let read;
  try {
    read = await readUnitFiles(files, own, lang, options, true);
  } catch (error) {
    if (error instanceof Cancelled) return { status: "cancelled" };
    throw error;
  }
  const set = own ?? read.read[0]?.set;
  if (!set) throw new Error(read.failed.map((f) => `${f.file}: ${f.reason}`).join("\n"));
  const existing = checkRead(baseRead, { given: set, lang }).check.units;
  const hasCriteria = base.given !== undefined || (base.read && ownSet(base.read, lang));
  const plan = consolidation(
    baseRead.sheets.map((s) => s.name),
    existing.map((u) => ({ sheet: u.sheet, name: u.name })),
    read.read,
    !hasCriteria
  );
  if (plan.replacing.length && !(await options.confirmReplace(plan.replacing)))
    return { status: "declined" };
  const sources = [...plan.byFile]
    .filter(([, placed]) => placed.length)
    .map(([file, placed]) => ({
      bytes: file.bytes,
      opened: file.opened,
      copies: placed.map((p) => ({ from: p.from, to: p.to })),
    }));
  // The sources now hold the opened packages; the files let go of them (a file not copied from, at once).
  for (const file of read.read) file.opened = undefined;
  options.onProgress({ phase: "copying", done: 0, total: sources.length });
  let target: Awaited<ReturnType<typeof consolidateInto>>;
  const breathe = pageBreaks();
  try {
    target = await consolidateInto(
      base.bytes ?? (await emptyPackage()),
      plan.placements.filter((p) => p.replaces).map((p) => p.replaces!),
      sources,
      async (done) => {
        options.onProgress({ phase: "copying", done, total: sources.length });
        await breathe();
        if (options.signal.aborted) throw new Cancelled();
      }
    );
  } catch (error) {
    if (error instanceof Cancelled) return { status: "cancelled" };
    throw error;
  }
  options.onProgress({ phase: "summary", done: 0, total: 1 });
  const { read: consolidated, checks } = consolidatedRead(baseRead, plan.byFile);
  // Scored at once in the same open package: its copied sheets are neither saved nor parsed again first, nor
  // checked again where the set the score uses is the one each file was checked with.
  let sameSet: boolean | undefined;
  const written = await score(xlsxWorkbookPort(target, consolidated), {
    given: base.given,
    lang,
    confirmTypedCells: options.confirmTyped,
    known: (grid, inUse) => {
      sameSet ??= inUse === set || JSON.stringify(inUse.set) === JSON.stringify(set.set);
      return sameSet ? checks.get(grid) : undefined;
    },
  });
  if (written.status !== "written") return { status: "declined" };
  return {
    ...consolidationDone(set, read, plan, written, lang),
    download: { bytes: written.applied.bytes, fileName: consolidatedFileName(base.fileName) },
  };
}

/**
 * The consolidated package as the reader would read it, without reading it again (a second ExcelJS load of every
 * sheet would double the work): the base's sheets but the replaced ones, then each copied sheet's grid as its
 * file was read, under its new name — the cells copySheets wrote; and each copied unit sheet's check, as its
 * file's check made it, under the sheet's new name.
 */
function consolidatedRead(
  base: WorkbookRead,
  byFile: Map<UnitFile, Placement[]>
): { read: WorkbookRead; checks: Map<SheetGrid, UnitCheck> } {
  const replaced = new Set(
    [...byFile.values()].flat().flatMap((p) => (p.replaces ? [sheetNameKey(p.replaces)] : []))
  );
  const copied: SheetGrid[] = [];
  const checks = new Map<SheetGrid, UnitCheck>();
  let stale = base.formulaResults === "stale";
  for (const [file, placed] of byFile) {
    if (placed.length && file.read.formulaResults === "stale") stale = true;
    for (const p of placed) {
      const grid = { ...file.read.sheets.find((g) => g.name === p.from)!, name: p.to };
      copied.push(grid);
      const check = file.checks?.get(p.from);
      if (check) checks.set(grid, renamedCheck(check, p.from, p.to));
    }
  }
  const read: WorkbookRead = {
    ...base,
    sheets: [...base.sheets.filter((s) => !replaced.has(sheetNameKey(s.name))), ...copied],
    ...(stale ? { formulaResults: "stale" } : {}),
  };
  return { read, checks };
}

/** A unit sheet's check as if made under its new name (its findings copies: the score's check may add to them). */
function renamedCheck(check: UnitCheck, from: string, to: string): UnitCheck {
  return {
    ...check,
    unit: { ...check.unit, sheet: to },
    findings: check.findings.map((f) => ({ ...f, ...(f.sheet === from ? { sheet: to } : {}) })),
  };
}

/** "huyen-a.xlsx" → "huyen-a-tong-hop.xlsx"; a new workbook: "tong-hop.xlsx". */
export function consolidatedFileName(fileName?: string): string {
  const base = fileName?.replace(/\.xlsx$/i, "");
  return base ? `${base}-tong-hop.xlsx` : "tong-hop.xlsx";
}
