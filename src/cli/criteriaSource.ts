import { promises as fs } from "fs";
import { criteriaFromWorkbook } from "../core/criteria/fromWorkbook";
import { indexSet, IndexedSet } from "../core/criteria/indexed";
import { CriteriaResult, parseCriteriaJson } from "../core/criteria/validate";
import { Lang } from "../core/i18n/lang";
import { DomainError } from "../core/errors/domainError";
import { readWorkbook } from "../xlsx/xlsxFilePort";
import { FileError, loadWorkbookFile, readBytes } from "./files";

export async function loadCriteriaFile(file: string, lang: Lang): Promise<IndexedSet> {
  const result = await readCriteriaFile(file, lang);
  return accept(file, result);
}

export async function readCriteriaFile(file: string, lang: Lang): Promise<CriteriaResult> {
  if (/\.json$/i.test(file)) {
    const text = (await readBytes(file)).toString("utf8").replace(/^\uFEFF/, "");
    return parseCriteriaJson(text, lang);
  }
  if (/\.xlsx$/i.test(file)) {
    const wb = readWorkbook(await loadWorkbookFile(file, true));
    const result = criteriaFromWorkbook(wb, lang);
    if (!result) throw new FileError(file, new DomainError("no-criteria"));
    return result;
  }
  await fs.access(file).catch(() => {
    throw new FileError(file, new DomainError("file-not-found"));
  });
  throw new FileError(file, new DomainError("criteria-unknown-type"));
}

/** A criteria file's set, or its refusal (every problem, printed one line each) naming the file. */
function accept(file: string, result: CriteriaResult): IndexedSet {
  if (!result.ok)
    throw new FileError(
      file,
      new DomainError("criteria-refused", {
        count: result.problems.length,
        problems: result.problems,
      })
    );
  return indexSet(result.set);
}
