import { execFile } from "child_process";
import { promises as fs, readFileSync } from "fs";
import * as path from "path";
import { indexSet, IndexedSet } from "../../../src/core/criteria/indexed";
import { parseCriteriaJson } from "../../../src/core/criteria/validate";
import { Report, ReportUnit } from "../../../src/core/report/report";
import { summaryMismatches } from "../../formulas/summarySheet";
import { cchc } from "../cli";
import { recalculateAll, SheetValues } from "../libreoffice";
import { readParts } from "../packageDiff";
import { projectRoot } from "../paths";
import { CorpusEntry } from "./corpus";
import { problemsAfterRevert, problemsAfterScore, ScoreOutcome } from "./nothingLost";
import { sameSheetName, sheetsOf } from "./packageRead";

/**
 * Runs the corpus through the real command line — `node bin/cchc.js score IN --out OUT`, then
 * `revert OUT --out BACK`, and `check --json` on all three (in-process) — then recalculates every input, output and reverted
 * file in one LibreOffice run. Each test then asks `scoreProblems`, `figureProblems` or `revertProblems` for the
 * list of what went wrong with one entry: empty is a pass.
 */

const BIN = path.join(projectRoot(), "bin", "cchc.js");
export const SAMPLE_CRITERIA = path.join(projectRoot(), "examples", "xa-mau-2025.criteria.json");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function cchcCli(...args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 180_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (error as { code?: unknown }).code : 0;
      if (typeof code !== "number") return reject(new Error(`cchc ${args.join(" ")} did not run: ${error?.message ?? ""}`));
      resolve({ code, stdout, stderr });
    });
  });
}

export interface EntryRun {
  entry: CorpusEntry;
  input: string;
  output: string;
  back: string;
  /** Why the file could not be built (a missing program, a builder's error). */
  buildError?: string;
  score?: CliRun;
  revert?: CliRun;
  check: { input?: Report | string; output?: Report | string; back?: Report | string };
  recalc: { input?: SheetValues; output?: SheetValues; back?: SheetValues; error?: string };
}

const done = (r: CliRun | undefined) => !!r && (r.code === 0 || r.code === 1);

/** `cchc check FILE --json`, run in-process (the command's own entry point, without a node start per file). */
async function checkJson(file: string): Promise<Report | string> {
  const r = await cchc("check", file, "--json");
  if (!done(r)) return `cchc check ${path.basename(file)} --json exited ${r.code}: ${r.stderr.trim()}`;
  try {
    return JSON.parse(r.stdout) as Report;
  } catch {
    return `cchc check ${path.basename(file)} --json printed no JSON`;
  }
}

/** Runs `jobs` two at a time (the CI machine has two cores). */
async function twoAtATime<T>(items: T[], job: (x: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await job(items[next++]);
  };
  await Promise.all([worker(), worker()]);
}

export async function runCorpus(entries: CorpusEntry[], dir: string): Promise<Map<string, EntryRun>> {
  const runs = new Map<string, EntryRun>();
  for (const entry of entries) {
    const base = entry.file.replace(/\.[^.]+$/, "");
    const ext = path.extname(entry.file);
    const run: EntryRun = {
      entry,
      input: path.join(dir, entry.file),
      output: path.join(dir, `${base}.scored${ext}`),
      back: path.join(dir, `${base}.reverted${ext}`),
      check: {},
      recalc: {},
    };
    runs.set(entry.file, run);
    try {
      await fs.writeFile(run.input, await entry.build(dir));
    } catch (e) {
      run.buildError = (e as Error).message;
    }
  }
  await twoAtATime([...runs.values()], async (run) => {
    if (run.buildError) return;
    run.check.input = await checkJson(run.input);
    run.score = await cchcCli("score", run.input, "--out", run.output);
    if (!done(run.score)) return;
    run.check.output = await checkJson(run.output);
    run.revert = await cchcCli("revert", run.output, "--out", run.back);
    if (done(run.revert)) run.check.back = await checkJson(run.back);
  });

  const files: [EntryRun, "input" | "output" | "back", string][] = [];
  for (const run of runs.values()) {
    if (run.buildError) continue;
    files.push([run, "input", run.input]);
    if (done(run.score)) files.push([run, "output", run.output]);
    if (done(run.revert)) files.push([run, "back", run.back]);
  }
  // LibreOffice opens an .xlsm or .xltx given as .xlsx just the same (it reads the content types).
  try {
    const all = await recalculateAll(files.map((f) => f[2]));
    for (const [run, which, file] of files) run.recalc[which] = all.get(file);
  } catch {
    // One file LibreOffice cannot open spoils the batch: recalculate them one by one to say which.
    for (const [run, which, file] of files) {
      try {
        run.recalc[which] = (await recalculateAll([file])).get(file);
      } catch (e) {
        run.recalc.error = `${run.recalc.error ? run.recalc.error + "; " : ""}LibreOffice on the ${which}: ${(e as Error).message.split("\n")[0]}`;
      }
    }
  }
  return runs;
}

function precondition(run: EntryRun, need: "score" | "revert"): string[] {
  if (run.buildError) return [`the corpus file could not be made: ${run.buildError}`];
  if (!done(run.score)) return [`cchc score exited ${run.score?.code}: ${run.score?.stderr.trim()}`];
  if (need === "revert" && !done(run.revert)) return [`cchc revert exited ${run.revert?.code}: ${run.revert?.stderr.trim()}`];
  return [];
}

/** The unit sheets of the input, as `cchc check` found them. */
function unitSheetsOf(run: EntryRun): string[] | string {
  const r = run.check.input;
  if (typeof r === "string" || !r) return `the input: ${r ?? "not checked"}`;
  return r.units.map((u) => u.sheet);
}

const scoreOutcomes = new WeakMap<EntryRun, Promise<ScoreOutcome>>();

async function scoreOutcome(run: EntryRun, units: string[]): Promise<ScoreOutcome> {
  let p = scoreOutcomes.get(run);
  if (!p) {
    p = (async () => problemsAfterScore(await readParts(readFileSync(run.input)), await readParts(readFileSync(run.output)), units))();
    scoreOutcomes.set(run, p);
  }
  return p;
}

/** Score kept every part, sheet and element it does not own. */
export async function scoreProblems(run: EntryRun): Promise<string[]> {
  const pre = precondition(run, "score");
  if (pre.length) return pre;
  const units = unitSheetsOf(run);
  if (typeof units === "string") return [units];
  return (await scoreOutcome(run, units)).problems;
}

function sampleSet(): IndexedSet {
  const r = parseCriteriaJson(readFileSync(SAMPLE_CRITERIA, "utf8"));
  if (!r.ok) throw new Error("the sample criteria set is refused");
  return indexSet(r.set);
}

const FIGURES: (keyof ReportUnit)[] = ["sheet", "name", "self", "appraised", "index", "rank", "band"];

function unitDifferences(what: string, a: Report, b: Report | string | undefined): string[] {
  if (typeof b === "string" || !b) return [`${what}: ${b ?? "not checked"}`];
  const out: string[] = [];
  const pick = (u: ReportUnit) => Object.fromEntries(FIGURES.map((k) => [k, u[k]]));
  const as = a.units.map(pick);
  const bs = b.units.map(pick);
  for (const u of as) {
    const v = bs.find((x) => x.sheet === u.sheet);
    if (!v) out.push(`${what}: unit sheet "${u.sheet}" is no longer found by cchc check`);
    else for (const k of FIGURES) if (JSON.stringify(u[k]) !== JSON.stringify(v[k])) out.push(`${what}: "${u.sheet}" ${k} ${JSON.stringify(u[k])} → ${JSON.stringify(v[k])}`);
  }
  for (const v of bs) if (!as.some((u) => u.sheet === v.sheet)) out.push(`${what}: a new unit sheet "${v.sheet}"`);
  return out;
}

/** Recalculated texts of every cell of the original sheets, input against another file, but for `skip`. */
function recalcDifferences(what: string, a: SheetValues, b: SheetValues, sheets: string[], skip: Map<string, Set<string>>): string[] {
  const out: string[] = [];
  for (const name of sheets) {
    const ga = a.get(name.normalize("NFC"));
    const gb = b.get(name.normalize("NFC"));
    if (!ga) continue; // LibreOffice exports no CSV for some sheet kinds
    if (!gb) {
      out.push(`${what}: LibreOffice finds no sheet "${name}"`);
      continue;
    }
    const rows = Math.max(ga.length, gb.length);
    let n = 0;
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(ga[r]?.length ?? 0, gb[r]?.length ?? 0);
      for (let c = 0; c < cols; c++) {
        const ref = `${colName(c + 1)}${r + 1}`;
        if (skip.get(name)?.has(ref)) continue;
        const x = ga[r]?.[c] ?? "";
        const y = gb[r]?.[c] ?? "";
        if (x !== y && n++ < 12) out.push(`${what}: '${name}'!${ref} recalculated ${JSON.stringify(x)} before, ${JSON.stringify(y)} after`);
      }
    }
    if (n > 12) out.push(`${what}: '${name}': ${n - 12} more cells differ`);
  }
  return out;
}

function colName(n: number): string {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * The units' figures unchanged by scoring: `cchc check --json` of the output gives the input's units; the
 * output recalculated by LibreOffice shows them in the tool's summary sheet; and every cell the run did not
 * write recalculates to what it did in the input (a shared formula broken by a written anchor shows here).
 */
export async function figureProblems(run: EntryRun): Promise<string[]> {
  const pre = precondition(run, "score");
  if (pre.length) return pre;
  const units = unitSheetsOf(run);
  if (typeof units === "string") return [units];
  const input = run.check.input as Report;
  const out = unitDifferences("cchc check of the output", input, run.check.output);
  if (run.recalc.error) return [...out, run.recalc.error];
  if (!run.recalc.input || !run.recalc.output) return [...out, "LibreOffice did not recalculate the input and the output"];
  const outcome = await scoreOutcome(run, units);
  const summary = outcome.addedSheets.find((s) => s.state === "visible" && s.kind === "worksheet");
  if (!summary) out.push("the output has no new visible sheet: where is the summary?");
  else {
    const grid = run.recalc.output.get(summary.name.normalize("NFC"));
    if (!grid) out.push(`LibreOffice finds no sheet "${summary.name}" in the output`);
    else out.push(...summaryMismatches(grid, sampleSet(), input, (u) => u.sheet).map((m) => `recalculated summary "${summary.name}": ${m}`));
  }
  const original = sheetsOf(await readParts(readFileSync(run.input))).map((s) => s.name);
  out.push(...recalcDifferences("LibreOffice, input vs output", run.recalc.input, run.recalc.output, original, outcome.changedCells));
  return out;
}

/** Revert gives back the original: parts, cells, figures and recalculated values. */
export async function revertProblems(run: EntryRun): Promise<string[]> {
  const pre = precondition(run, "revert");
  if (pre.length) return pre;
  const units = unitSheetsOf(run);
  if (typeof units === "string") return [units];
  const original = await readParts(readFileSync(run.input));
  const out = await problemsAfterRevert(original, await readParts(readFileSync(run.back)), units);
  out.push(...unitDifferences("cchc check of the reverted file", run.check.input as Report, run.check.back));
  if (run.recalc.error) out.push(run.recalc.error);
  else if (!run.recalc.input || !run.recalc.back) out.push("LibreOffice did not recalculate the input and the reverted file");
  else out.push(...recalcDifferences("LibreOffice, input vs reverted", run.recalc.input, run.recalc.back, sheetsOf(original).map((s) => s.name), new Map()));
  return out;
}

/**
 * A person's sheet named like ours: theirs stays as it was (name, part, bytes), and the tool's summary and undo
 * sheets take names that differ from it as Excel compares names.
 */
export async function collisionProblems(run: EntryRun, sheet: string): Promise<string[]> {
  const pre = precondition(run, "score");
  if (pre.length) return pre;
  const units = unitSheetsOf(run);
  if (typeof units === "string") return [units];
  if (units.some((u) => u === sheet)) return [`cchc check took the person's sheet "${sheet}" for a unit sheet`];
  const a = await readParts(readFileSync(run.input));
  const b = await readParts(readFileSync(run.output));
  const out: string[] = [];
  const mine = sheetsOf(a).find((s) => s.name === sheet)!;
  const theirs = sheetsOf(b).find((s) => s.name === sheet);
  if (!theirs) out.push(`the person's sheet "${sheet}" is gone from the output (sheets: ${sheetsOf(b).map((s) => s.name).join(", ")})`);
  else if (theirs.part !== mine.part) out.push(`the person's sheet "${sheet}" moved from ${mine.part} to ${theirs.part}`);
  else if (Buffer.compare(Buffer.from(a.get(mine.part)!), Buffer.from(b.get(theirs.part)!)) !== 0) out.push(`the person's sheet "${sheet}" (${mine.part}) was rewritten`);
  const outcome = await scoreOutcome(run, units);
  const summary = outcome.addedSheets.find((s) => s.state === "visible");
  if (!summary) out.push("no new visible sheet in the output: the tool's summary took the person's sheet or is missing");
  else if (sameSheetName(summary.name, sheet)) out.push(`the tool's summary "${summary.name}" has the person's sheet's name`);
  for (const s of outcome.addedSheets) if (sameSheetName(s.name, sheet)) out.push(`the tool added a sheet "${s.name}" named like the person's "${sheet}"`);
  return out;
}
