import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "fs";
import { checkWorkbook } from "../../../src/core/check/checkWorkbook";
import { indexSet, IndexedSet } from "../../../src/core/criteria/indexed";
import { parseCriteriaJson } from "../../../src/core/criteria/validate";
import { planScoreWorkbook } from "../../../src/core/plan/workbookPlan";
import { WorkbookRead, WritePlan } from "../../../src/core/port";
import { loadWorkbookBytes } from "../../../src/xlsx/loadWorkbook";
import { readWorkbook } from "../../../src/xlsx/readWorkbook";
import { SAMPLE, SAMPLE_CRITERIA } from "../../support/cli";

/** Helpers for the package writer's tests: the sample, plans made as `cchc score` makes them, parts compared. */

export function sampleBytes(): Uint8Array {
  return new Uint8Array(readFileSync(SAMPLE));
}

export function sampleSet(): IndexedSet {
  const r = parseCriteriaJson(readFileSync(SAMPLE_CRITERIA, "utf8"));
  if (!r.ok) throw new Error("sample criteria refused");
  return indexSet(r.set);
}

export async function loadBook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  return wb;
}

/** The read and the score plan `cchc score` makes for these bytes. */
export async function scorePlanOf(
  bytes: Uint8Array,
  set = sampleSet()
): Promise<{ read: WorkbookRead; plan: WritePlan }> {
  const read = readWorkbook(await loadWorkbookBytes(bytes, { readOnly: true }));
  const result = checkWorkbook(set, read);
  return { read, plan: planScoreWorkbook(set, read, result.units).plan };
}

/** Every part's decompressed bytes, by path, in the package's order. */
export async function partsOf(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir) continue;
    out.set(name, Buffer.from(await zip.files[name].async("uint8array")));
  }
  return out;
}

export async function partText(bytes: Uint8Array, path: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const f = zip.file(path);
  if (!f) throw new Error(`no part ${path}`);
  return f.async("string");
}

/** A package with some parts replaced or added (text), others as they were. */
export async function withParts(
  bytes: Uint8Array,
  parts: Record<string, string | null>
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [path, text] of Object.entries(parts)) {
    if (text === null) zip.remove(path);
    else zip.file(path, text);
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
