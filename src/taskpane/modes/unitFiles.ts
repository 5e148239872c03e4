/**
 * The picked unit workbooks of a consolidation, read and checked one at a time from their own packages (the .xlsx
 * adapter's package reader: parsed once, for the check and the copy), and where their sheets go (unitPlacement).
 * Shared by both modes; in the Excel mode this module is loaded with import() only when the person consolidates.
 */
import { UnitResult } from "../../core/check/checkWorkbook";
import type { UnitCheck } from "../../core/check/checkUnit";
import { isCriteriaSheetName, isSummarySheetName } from "../../core/check/sheetNames";
import { IndexedSet } from "../../core/criteria/indexed";
import { errorLine, DomainError } from "../../core/errors/domainError";
import { Finding } from "../../core/findings/finding";
import { WorkbookRead } from "../../core/port";
import { checkRead } from "../../core/usecases/check";
import { criteriaInUse } from "../../core/usecases/criteriaInUse";
import { sheetNameKey } from "../../core/owned/sheetNames";
import { PackageWorkbook, readPackageBytes } from "../../xlsx/xlsxFilePort";
import { buildReport } from "../../core/report/report";
import type {
  ConsolidateOptions,
  ConsolidateOutcome,
  FileFailure,
  PickedFile,
  ReplaceView,
} from "../session";
import type { Lang } from "../i18n";
import { pageBreaks } from "./pageBreaks";
import { criteriaSummary, PANE_VERSION } from "./coreViews";
import { freeSheetName, Placement, placeUnits, PlacedUnit } from "./unitPlacement";

export interface UnitFile {
  file: string;
  bytes: Uint8Array;
  read: WorkbookRead;
  /**
   * The file's package as opened to read it: the copy takes its sheets from it without parsing them again, and
   * lets go of it then (undefined after).
   */
  opened?: PackageWorkbook["ed"];
  set: IndexedSet;
  /** Its units' sheets and names (a unit's check is let go: a hundred files' would be kept for nothing). */
  units: Pick<UnitResult, "sheet" | "name">[];
  /**
   * Its unit sheets' checks by sheet, kept with the opened package (the browser mode): the score of the
   * consolidated workbook takes them rather than checking each copied sheet again.
   */
  checks?: Map<string, UnitCheck>;
  findings: Finding[];
  /** The file's criteria sheet, if it has one. */
  criteriaSheet?: string;
}

export class Cancelled extends Error {}

/**
 * Reads and checks each file with `given` (else its own criteria sheet). A file that cannot be read or has no
 * usable criteria is a failure named by its file, not the end of the run. Throws Cancelled when asked to stop.
 */
export async function readUnitFiles(
  files: PickedFile[],
  given: IndexedSet | undefined,
  lang: Lang,
  options: Pick<ConsolidateOptions, "onProgress" | "signal">,
  /**
   * Keep each file's opened package for a copy made from it, and its units' checks for the score after (the
   * browser mode); else they go once read.
   */
  keepOpened = false
): Promise<{ read: UnitFile[]; failed: FileFailure[] }> {
  const read: UnitFile[] = [];
  const failed: FileFailure[] = [];
  let set = given;
  const breathe = pageBreaks();
  for (const [i, f] of files.entries()) {
    options.onProgress({ phase: "reading", done: i, total: files.length, file: f.name });
    await breathe();
    if (options.signal.aborted) throw new Cancelled();
    try {
      // What the check and the copy will not look at is not read: a summary sheet, and the criteria sheet once
      // the set is known and one file's criteria sheet is kept.
      const criteriaKnown = set !== undefined && read.some((r) => r.criteriaSheet);
      const opened = await readPackageBytes(f.bytes, {
        skip: (name) => isSummarySheetName(name) || (criteriaKnown && isCriteriaSheetName(name)),
      });
      const wb = opened.read;
      const checked = checkRead(wb, { given: set, lang, file: f.name });
      set ??= checked.set;
      const criteriaSheet = wb.sheets.find((s) => isCriteriaSheetName(s.name))?.name;
      // Only the grids a copy may need are kept (its unit sheets; one file's criteria sheet): a hundred files'
      // other sheets would be held, and collected, for nothing.
      const keep = new Set(checked.check.units.map((u) => u.sheet));
      if (criteriaSheet !== undefined && !read.some((r) => r.criteriaSheet))
        keep.add(criteriaSheet);
      read.push({
        file: f.name,
        bytes: f.bytes,
        ...(keepOpened
          ? {
              opened: opened.ed,
              checks: new Map(checked.check.units.map((u) => [u.sheet, u.check])),
            }
          : {}),
        read: { ...wb, sheets: wb.sheets.filter((s) => keep.has(s.name)) },
        set: checked.set,
        units: checked.check.units.map((u) => ({ sheet: u.sheet, name: u.name })),
        findings: checked.check.findings,
        ...(criteriaSheet !== undefined ? { criteriaSheet } : {}),
      });
    } catch (error) {
      failed.push({ file: f.name, reason: reasonText(error, lang) });
    }
  }
  options.onProgress({ phase: "reading", done: files.length, total: files.length });
  return { read, failed };
}

function reasonText(error: unknown, lang: Lang): string {
  if (error instanceof DomainError) return errorLine(error.code, error.params, lang);
  return error instanceof Error ? error.message : String(error);
}

/** The set of the open workbook, or undefined when it has none (then the first file's is used and copied). */
export function ownSet(read: WorkbookRead, lang: Lang): IndexedSet | undefined {
  try {
    return criteriaInUse(read, { lang }).set;
  } catch (error) {
    if (DomainError.is(error, "no-criteria")) return undefined;
    throw error;
  }
}

export interface Consolidation {
  placements: Placement[];
  /** Per file, the sheets it gives (its criteria sheet too, where the workbook has none). */
  byFile: Map<UnitFile, Placement[]>;
  replacing: ReplaceView[];
}

/** Where every file's unit sheets go in a workbook with `sheetNames` and `existing` units. */
export function consolidation(
  sheetNames: string[],
  existing: PlacedUnit[],
  files: UnitFile[],
  copyCriteria: boolean
): Consolidation {
  const incoming = files.flatMap((f) =>
    f.units.map((u) => ({ file: f.file, sheet: u.sheet, name: u.name }))
  );
  const { placements } = placeUnits(sheetNames, existing, incoming);
  const byFile = new Map<UnitFile, Placement[]>();
  for (const f of files)
    byFile.set(
      f,
      placements.filter((p) => p.file === f.file)
    );
  const source = copyCriteria ? files.find((f) => f.criteriaSheet) : undefined;
  if (source) {
    const taken = new Set([...sheetNames, ...placements.map((p) => p.to)].map(sheetNameKey));
    const to = freeSheetName(source.criteriaSheet!, taken);
    byFile.get(source)!.unshift({ file: source.file, from: source.criteriaSheet!, to, name: "" });
  }
  const replacing = placements
    .filter((p) => p.replaces)
    .map((p) => ({ unit: p.name, sheet: p.replaces!, file: p.file }));
  return { placements, byFile, replacing };
}

/**
 * The findings to show: every file's, about the sheet under its name in the consolidated workbook, and the
 * workbook's own about the sheets that were not copied in.
 */
export function consolidatedFindings(
  files: UnitFile[],
  byFile: Map<UnitFile, Placement[]>,
  own: Finding[]
): Finding[] {
  const copied = new Set<string>();
  const out: Finding[] = [];
  for (const f of files) {
    const to = new Map(byFile.get(f)!.map((p) => [p.from, p.to]));
    for (const p of byFile.get(f)!) copied.add(sheetNameKey(p.to));
    for (const finding of f.findings)
      out.push(
        finding.sheet && to.has(finding.sheet)
          ? { ...finding, sheet: to.get(finding.sheet) }
          : finding
      );
  }
  for (const finding of own)
    if (!finding.sheet || !copied.has(sheetNameKey(finding.sheet))) out.push(finding);
  return out;
}

/**
 * What both modes show once the sheets are in and scored: the consolidated workbook's check with every picked
 * file's findings, what was added and replaced, and the files that could not be read.
 */
export function consolidationDone(
  set: IndexedSet,
  files: { read: UnitFile[]; failed: FileFailure[] },
  plan: Consolidation,
  written: { sheet?: string; check: { units: UnitResult[]; findings: Finding[] } },
  lang: Lang
): Extract<ConsolidateOutcome, { status: "done" }> {
  const findings = consolidatedFindings(files.read, plan.byFile, written.check.findings);
  return {
    status: "done",
    check: {
      criteria: {
        status: "ok",
        summary: criteriaSummary(set, { kind: "sheet", sheet: written.sheet ?? "" }),
      },
      report: buildReport(set, written.check.units, findings, lang, PANE_VERSION),
    },
    added: plan.placements.filter((p) => !p.replaces).length,
    replaced: plan.placements.filter((p) => p.replaces).length,
    failed: files.failed,
    notices: [],
  };
}
