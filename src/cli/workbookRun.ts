import { rankUnits, UnitResult } from "../core/check/checkWorkbook";
import { IndexedSet } from "../core/criteria/indexed";
import { Finding } from "../core/findings/finding";
import { Lang } from "../core/i18n/lang";
import { readWorkbook } from "../xlsx/xlsxFilePort";
import { checkRead } from "../core/usecases/check";
import { namingFile } from "./aboutFile";
import { displayName, loadWorkbookFile } from "./files";
import { CliIO } from "./io";

export interface RunResult {
  set: IndexedSet;
  units: UnitResult[];
  findings: Finding[];
}

/**
 * Checks many workbooks one at a time, keeping only each unit's results, so memory follows the number of
 * units rather than the size of the files. Every unreadable file is collected, then all are reported together.
 */
export async function checkFiles(
  files: string[],
  given: IndexedSet | undefined,
  lang: Lang,
  io: CliIO
): Promise<RunResult> {
  const units: UnitResult[] = [];
  const findings: Finding[] = [];
  const errors: Error[] = [];
  let set = given;
  const seen = new Map<string, IndexedSet>();
  for (const [i, file] of files.entries()) {
    io.progress(`[${i + 1}/${files.length}] ${file}`);
    try {
      const wb = readWorkbook(await loadWorkbookFile(file, true));
      const checked = checkRead(wb, { given, lang, seen, file: displayName(file) });
      set ??= checked.set;
      units.push(...checked.check.units.map(slim));
      findings.push(...checked.check.findings);
    } catch (e) {
      errors.push(namingFile(file, e) as Error);
    }
  }
  if (errors.length) throw new AggregateError(errors);
  rankUnits(set!, units);
  return { set: set!, units, findings };
}

/** Drops the sheet's cells, keeping what ranking, reports and summaries need. */
function slim(u: UnitResult): UnitResult {
  const { check } = u;
  return {
    ...u,
    check: {
      ...check,
      unit: { ...check.unit, codeRows: [], strayRows: [], adjustmentRows: [] },
      rows: [],
      findings: [],
    },
  };
}
