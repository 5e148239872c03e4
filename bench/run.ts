/**
 * `npm run bench`: how much the cchc command costs over ExcelJS merely reading the same workbooks.
 *
 *   1. check: `cchc check FILE --json > /dev/null` on workbooks of 300 and 100 unit sheets, against a child that
 *      loads the same file with ExcelJS (xlsx.readFile) and visits every cell; target check/baseline ≤ 1.3, and
 *      time linear in units (300/100 near 3).
 *   2. summary: `cchc summary <1,000 one-unit workbooks> --out … --json` against a child that loads the same
 *      1,000 files one at a time and visits every cell; targets ratio ≤ 1.3 and peak RSS ≤ 400 MB.
 *   3. write: `cchc score`'s write step (the package writer) on the 300-unit workbook against ExcelJS merely
 *      writing the loaded workbook, CPU time (target ≤ 1.0); and `cchc score` end to end against ExcelJS loading and
 *      writing the file (writeBench.ts).
 *   4. consolidate: "Tổng hợp nhiều sổ" of 100 unit workbooks on the browser mode's path against merely loading
 *      them (consolidateBench.ts); target ≤ 2.0 (ratio of medians).
 *
 * Every figure is measured in this run on this machine: each subject and its baseline run as child processes
 * (`node bin/cchc.js …`, as users run it), interleaved round by round with the order alternating, after one
 * untimed warm-up run each that also checks the outputs; times are wall-clock medians from spawn to exit, peak
 * RSS is the kernel's (getrusage ru_maxrss) read by a preloaded hook. Exits 1 when a target is missed.
 *
 * Options: --rounds N (5), --summary-rounds N (same), --write-rounds N (same), --units N (1000), --profile (also write and summarize
 * CPU profiles of one check and one summary run, into bench/out/prof), --only write|consolidate (that bench alone).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "fs";
import * as os from "os";
import * as path from "path";
import { parseArgs } from "util";
import { ensureLib } from "./build";
import { ChildResult, ChildSpec, runChild } from "./child";
import { ensureData } from "./generate";
import { CCHC, OUT, PROF_DIR, rel, TOOLS } from "./paths";
import { renderProfile, summarizeProfile } from "./profile";
import { max, mb, median, min, ms, spreadPct, table } from "./stats";
import { TARGET_WRITE_RATIO, writeBench, WriteBenchResult } from "./writeBench";
import { consolidateBench, ConsolidateBenchResult, TARGET_CONSOLIDATE_RATIO } from "./consolidateBench";

const TARGET_RATIO = 1.3;
const TARGET_RSS_MB = 400;
const CHECK_SIZES = [300, 100] as const;

interface Series {
  label: string;
  spec: ChildSpec;
  ms: number[];
  cpuMs: number[];
  rssKb: number[];
}

function series(label: string, spec: Omit<ChildSpec, "label">): Series {
  return { label, spec: { label, ...spec }, ms: [], cpuMs: [], rssKb: [] };
}

async function measure(s: Series): Promise<ChildResult> {
  const r = await runChild(s.spec);
  s.ms.push(r.ms);
  s.cpuMs.push(r.cpuMs);
  s.rssKb.push(r.maxRssKb);
  return r;
}

function log(line = ""): void {
  process.stdout.write(line + "\n");
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Rounds of pairs; within a round the extras run first, then the pairs in order, each pair baseline-first on even
 * rounds and subject-first on odd ones.
 */
async function interleave(pairs: [Series, Series][], rounds: number, what: string, extras: Series[] = []): Promise<void> {
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const s of extras) {
      gc();
      await measure(s);
    }
    for (const [base, subject] of pairs) {
      const order = r % 2 === 0 ? [base, subject] : [subject, base];
      for (const s of order) {
        gc();
        await measure(s);
      }
    }
    log(`  ${what} round ${r + 1}/${rounds} (${ms(performance.now() - t0)}): ` + pairs.map(([b, s]) => `${s.label} ${ms(s.ms[r])} / ${b.label} ${ms(b.ms[r])}`).join(", "));
  }
}

function row(s: Series): string[] {
  return [s.label, ms(median(s.ms)), `${ms(min(s.ms))}–${ms(max(s.ms))}`, `${spreadPct(s.ms).toFixed(0)}%`, ms(median(s.cpuMs)), mb(median(s.rssKb)), mb(max(s.rssKb))];
}

/** The 1-minute load average against the number of CPUs: above 1 per CPU, other work competes with the bench. */
function loadLine(): { text: string; busy: boolean } {
  const load = os.loadavg()[0];
  const cpus = os.cpus().length;
  return { text: `load average ${load.toFixed(2)} on ${cpus} CPUs`, busy: load > cpus * 0.75 };
}

function writeFigures(write: WriteBenchResult): string[][] {
  return [
    ["write step / ExcelJS writeBuffer, 300 units, CPU (ratio of medians)", write.cpuRatio.toFixed(2), `≤ ${TARGET_WRITE_RATIO}`],
    ["write step / ExcelJS writeBuffer, wall", write.wallRatio.toFixed(2), ""],
    ["write step / ExcelJS writeBuffer with V8 set as cchc sets it, CPU", write.tunedBaselineCpuRatio.toFixed(2), ""],
    ["  without the undo record / ExcelJS writeBuffer, CPU", write.withoutUndoCpuRatio.toFixed(2), ""],
    ["  the rule check alone / ExcelJS writeBuffer, CPU", write.rulesCpuRatio.toFixed(2), ""],
    ["write step / ExcelJS writeBuffer of the scored workbook (same content), CPU", write.sameContentCpuRatio.toFixed(2), ""],
    ["XML written (parts unpacked), patch / ExcelJS writeBuffer", write.unpackedRatio.toFixed(2), ""],
    ["  CPU per byte of it, patch / ExcelJS writeBuffer", write.cpuPerUnpackedByteRatio.toFixed(2), ""],
    ["cchc score / ExcelJS load + write, whole process, CPU / wall", `${write.endToEndCpuRatio.toFixed(2)} / ${write.endToEndWallRatio.toFixed(2)}`, ""],
  ];
}

function consolidateFigures(c: ConsolidateBenchResult): string[][] {
  return [
    ["consolidate 100 / load 100 unit workbooks, wall (ratio of medians)", c.wallRatio.toFixed(2), `≤ ${TARGET_CONSOLIDATE_RATIO}`],
    ["consolidate 100 / load 100, CPU", c.cpuRatio.toFixed(2), ""],
  ];
}

async function consolidateOnly(units: string[], rounds: number): Promise<number> {
  const c = await consolidateBench(units, rounds, log);
  log();
  log(c.lines);
  log();
  log(table(["figure", "value", "target"], consolidateFigures(c)));
  const met = c.wallRatio <= TARGET_CONSOLIDATE_RATIO;
  log(`bench: machine ${loadLine().text} at the end; consolidate ratio ${c.wallRatio.toFixed(2)} (target ≤ ${TARGET_CONSOLIDATE_RATIO})${met ? "" : " MISSED"}`);
  return met ? 0 : 1;
}

async function writeOnly(file: string, rounds: number, started: number): Promise<number> {
  log(`bench: write on ${rel(file)}, ${rounds} rounds`);
  const write = await writeBench(file, rounds, log);
  log();
  log(write.lines);
  log();
  log(table(["figure", "value", "target"], writeFigures(write)));
  const met = write.cpuRatio <= TARGET_WRITE_RATIO;
  log(`bench: machine ${loadLine().text} at the end; whole run ${ms(performance.now() - started)}; write CPU ratio ${write.cpuRatio.toFixed(2)} (target ≤ ${TARGET_WRITE_RATIO})${met ? "" : " MISSED"}`);
  return met ? 0 : 1;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      rounds: { type: "string", default: "5" },
      "summary-rounds": { type: "string" },
      "write-rounds": { type: "string" },
      units: { type: "string", default: "1000" },
      profile: { type: "boolean", default: false },
      only: { type: "string" },
    },
    strict: true,
  });
  const count = (name: string, text: string | undefined, dflt: number): number => {
    const n = text === undefined ? dflt : Number(text);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} takes a whole number ≥ 1 (got "${text}")`);
    return n;
  };
  const rounds = count("rounds", values.rounds, 5);
  const summaryRounds = count("summary-rounds", values["summary-rounds"], rounds);
  const writeRounds = count("write-rounds", values["write-rounds"], rounds);
  const unitCount = count("units", values.units, 1000);
  const started = performance.now();

  log(`bench: node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GB; ${rounds} rounds (summary ${summaryRounds}), interleaved, medians`);
  log(`bench: subjects and baselines run as child processes (node bin/cchc.js …); times are wall-clock spawn→exit; CPU time and peak RSS via getrusage in the child`);
  const loadBefore = loadLine();
  log(`bench: machine ${loadBefore.text}${loadBefore.busy ? " — busy: wall times will be noisy; the CPU-time ratios are the steadier guide" : ""}`);
  log(`bench: ${ensureLib()}`);

  // Data.
  const data = await ensureData({ multiSizes: [...CHECK_SIZES], unitFiles: unitCount });
  const dataLine = data.generated
    ? `generated in ${ms(data.generateMs)} (key ${data.key})`
    : `cached in ${rel(OUT)} (key ${data.key}), generation skipped`;
  log(`bench: data: ${CHECK_SIZES.map((n) => `${rel(data.multi.get(n)!)}`).join(", ")}, ${data.units.length} files in ${rel(path.dirname(data.units[0]))}; ${mb(data.bytes / 1024)} on disk; ${dataLine}`);
  gc();
  if (values.only !== undefined) {
    if (values.only === "consolidate") return consolidateOnly(data.units, rounds);
    if (values.only !== "write") throw new Error(`--only takes "write" or "consolidate" (got "${values.only}")`);
    return writeOnly(data.multi.get(300)!, writeRounds, started);
  }

  // The series. The floor is Node starting and loading ExcelJS, which both sides pay once per run.
  const baseline = path.join(TOOLS, "baseline.js");
  const floor = series("node + require(exceljs)", { args: ["-e", "require('exceljs')"], okCodes: [0] });
  const check = new Map<number, { base: Series; subject: Series }>();
  for (const n of CHECK_SIZES) {
    const file = rel(data.multi.get(n)!);
    check.set(n, {
      base: series(`ExcelJS load ${n}`, { args: [baseline, file], okCodes: [0] }),
      // check exits 1 when its report holds errors: that is a completed run.
      subject: series(`cchc check ${n}`, { args: [CCHC, "check", file, "--json"], okCodes: [0, 1] }),
    });
  }
  const unitArgs = data.units.map(rel);
  const summaryOut = path.join(OUT, "summary.xlsx");
  const sumBase = series(`ExcelJS load ${unitArgs.length} files`, { args: [baseline, ...unitArgs], okCodes: [0] });
  const sumSubject = series(`cchc summary ${unitArgs.length} files`, { args: [CCHC, "summary", ...unitArgs, "--out", rel(summaryOut), "--json"], okCodes: [0, 1] });

  // Warm-up: one untimed run of each, which also checks both sides did the same work.
  log(`bench: warm-up and output checks (untimed)`);
  for (const n of CHECK_SIZES) {
    const { base, subject } = check.get(n)!;
    const b = JSON.parse((await runChild({ ...base.spec, captureStdout: true })).stdout) as { sheets: number; cells: number };
    const s = await runChild({ ...subject.spec, captureStdout: true });
    const report = JSON.parse(s.stdout) as { units: unknown[]; counts?: Record<string, number> };
    if (report.units.length !== n) throw new Error(`cchc check on ${n} unit sheets reported ${report.units.length} units`);
    log(`  ${n} sheets: baseline visited ${b.sheets} sheets, ${b.cells} cells; cchc check reported ${report.units.length} units, findings ${JSON.stringify(report.counts ?? {})}, exit ${s.code}`);
  }
  await runChild(floor.spec);
  {
    rmSync(summaryOut, { force: true });
    const b = JSON.parse((await runChild({ ...sumBase.spec, captureStdout: true })).stdout) as { files: number; sheets: number; cells: number };
    const s = await runChild({ ...sumSubject.spec, captureStdout: true });
    const report = JSON.parse(s.stdout) as { units: unknown[]; counts?: Record<string, number> };
    if (report.units.length !== unitArgs.length) throw new Error(`cchc summary on ${unitArgs.length} files reported ${report.units.length} units`);
    if (!existsSync(summaryOut)) throw new Error(`cchc summary wrote no ${rel(summaryOut)}`);
    log(`  summary: baseline visited ${b.files} files, ${b.sheets} sheets, ${b.cells} cells; cchc summary reported ${report.units.length} units, findings ${JSON.stringify(report.counts ?? {})}, exit ${s.code}, wrote ${rel(summaryOut)} (${Math.round(statSync(summaryOut).size / 1024)} KB)`);
  }

  // Timed rounds.
  log(`bench: check, ${rounds} rounds`);
  await interleave(
    CHECK_SIZES.map((n) => [check.get(n)!.base, check.get(n)!.subject]),
    rounds,
    "check",
    [floor],
  );
  log(`bench: summary, ${summaryRounds} rounds`);
  await interleave([[sumBase, sumSubject]], summaryRounds, "summary");
  log(`bench: write step on ${rel(data.multi.get(300)!)}, ${writeRounds} rounds`);
  const write = await writeBench(data.multi.get(300)!, writeRounds, log);
  log(`bench: consolidate 100 unit workbooks vs load 100, ${rounds} rounds`);
  const consolidate = await consolidateBench(data.units, rounds, log);

  // Figures.
  const med = (s: Series) => median(s.ms);
  const c300 = check.get(300)!;
  const c100 = check.get(100)!;
  const checkRatio = med(c300.subject) / med(c300.base);
  const checkRatio100 = med(c100.subject) / med(c100.base);
  const linear = med(c300.subject) / med(c100.subject);
  const linearBase = med(c300.base) / med(c100.base);
  const fl = med(floor);
  const linearNet = (med(c300.subject) - fl) / (med(c100.subject) - fl);
  const perUnit = (med(c300.subject) - med(c100.subject)) / 200;
  const perUnitBase = (med(c300.base) - med(c100.base)) / 200;
  const summaryRatio = med(sumSubject) / med(sumBase);
  const summaryRssMb = max(sumSubject.rssKb) / 1024;
  const cpuRatio = (c: { base: Series; subject: Series }) => median(c.subject.cpuMs) / median(c.base.cpuMs);
  /** Each round's subject over the baseline run next to it, then the median: steadier when the load drifts. */
  const pairedRatio = (c: { base: Series; subject: Series }) => median(c.subject.ms.map((t, i) => t / c.base.ms[i]));
  const loadAfter = loadLine();

  log();
  log(table(["run", "median", "range", "spread", "CPU med", "RSS med", "RSS max"], [floor, c300.base, c300.subject, c100.base, c100.subject, sumBase, sumSubject].map(row)));
  log();
  log(
    table(
      ["figure", "value", "target"],
      [
        ["check/baseline, 300 sheets (ratio of medians)", checkRatio.toFixed(2), `≤ ${TARGET_RATIO}`],
        ["check/baseline, 100 sheets", checkRatio100.toFixed(2), ""],
        ["check/baseline, median of per-round ratios, 300 / 100", `${pairedRatio(c300).toFixed(2)} / ${pairedRatio(c100).toFixed(2)}`, ""],
        ["check/baseline CPU time, 300 / 100 sheets", `${cpuRatio(c300).toFixed(2)} / ${cpuRatio(c100).toFixed(2)}`, ""],
        ["check extra time over baseline, 300 sheets", ms(med(c300.subject) - med(c300.base)), ""],
        ["check 300/100 time", linear.toFixed(2), "≈ 3 (linear)"],
        ["baseline 300/100 time", linearBase.toFixed(2), ""],
        ["check 300/100 time net of node+exceljs start-up", linearNet.toFixed(2), ""],
        ["check marginal cost per unit sheet", `${perUnit.toFixed(2)} ms`, ""],
        ["baseline marginal cost per unit sheet", `${perUnitBase.toFixed(2)} ms`, ""],
        ["check peak RSS, 300 / baseline", `${mb(max(c300.subject.rssKb))} / ${mb(max(c300.base.rssKb))}`, ""],
        [`summary/baseline, ${unitArgs.length.toLocaleString("en")} files (ratio of medians)`, summaryRatio.toFixed(2), `≤ ${TARGET_RATIO}`],
        ["summary/baseline, median of per-round ratios", pairedRatio({ base: sumBase, subject: sumSubject }).toFixed(2), ""],
        ["summary/baseline CPU time", cpuRatio({ base: sumBase, subject: sumSubject }).toFixed(2), ""],
        ["summary per file / baseline per file", `${(med(sumSubject) / unitArgs.length).toFixed(1)} ms / ${(med(sumBase) / unitArgs.length).toFixed(1)} ms`, ""],
        ["summary peak RSS / baseline", `${Math.round(summaryRssMb)} MB / ${mb(max(sumBase.rssKb))}`, `≤ ${TARGET_RSS_MB} MB`],
        ...writeFigures(write),
        ...consolidateFigures(consolidate),
        ["data generation", data.generated ? ms(data.generateMs) : "cached", ""],
      ],
    ),
  );
  log();
  log(write.lines);
  log();
  log(consolidate.lines);

  if (values.profile) {
    log();
    log(`bench: CPU profiles (one extra run each, --cpu-prof into ${rel(PROF_DIR)})`);
    for (const [label, spec] of [
      ["cchc check 300", c300.subject.spec],
      ["ExcelJS load 300", c300.base.spec],
      ["cchc summary", sumSubject.spec],
      ["ExcelJS load files", sumBase.spec],
    ] as [string, ChildSpec][]) {
      const dir = path.join(PROF_DIR, label.replace(/\W+/g, "-"));
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      await runChild({ ...spec, nodeOptions: ["--cpu-prof", "--cpu-prof-dir", dir, "--cpu-prof-interval", "200"] });
      const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
      if (!file) throw new Error(`no profile written for ${label}`);
      log();
      log(renderProfile(`${label} (${rel(path.join(dir, file))})`, summarizeProfile(path.join(dir, file))));
    }
  }

  const missed: string[] = [];
  if (!(checkRatio <= TARGET_RATIO)) missed.push(`check ratio ${checkRatio.toFixed(2)} > ${TARGET_RATIO}`);
  if (!(summaryRatio <= TARGET_RATIO)) missed.push(`summary ratio ${summaryRatio.toFixed(2)} > ${TARGET_RATIO}`);
  if (!(summaryRssMb <= TARGET_RSS_MB)) missed.push(`summary peak RSS ${Math.round(summaryRssMb)} MB > ${TARGET_RSS_MB} MB`);
  if (!(write.cpuRatio <= TARGET_WRITE_RATIO)) missed.push(`write CPU ratio ${write.cpuRatio.toFixed(2)} > ${TARGET_WRITE_RATIO}`);
  if (!(consolidate.wallRatio <= TARGET_CONSOLIDATE_RATIO)) missed.push(`consolidate ratio ${consolidate.wallRatio.toFixed(2)} > ${TARGET_CONSOLIDATE_RATIO}`);
  log();
  const busy = loadBefore.busy || loadAfter.busy;
  log(`bench: machine ${loadAfter.text} at the end${busy ? " — it was busy during the run: compare CPU-time ratios too, or rerun on a quiet machine" : ""}`);
  // On a shared machine the wall-time verdict can flip from run to run; say so when CPU time disagrees with it.
  const verdicts: [string, number, number][] = [
    ["check", checkRatio, cpuRatio(c300)],
    ["summary", summaryRatio, cpuRatio({ base: sumBase, subject: sumSubject })],
  ];
  for (const [what, wall, cpu] of verdicts.filter(([, w, c]) => w <= TARGET_RATIO !== c <= TARGET_RATIO))
    log(`bench: caution: ${what} wall-time ratio ${wall.toFixed(2)} and CPU-time ratio ${cpu.toFixed(2)} fall on different sides of ${TARGET_RATIO}${busy ? " (busy machine: trust neither verdict; rerun when it is quiet)" : ""}`);
  log(`bench: whole run ${ms(performance.now() - started)}${missed.length ? `; MISSED: ${missed.join("; ")}${values.profile ? "" : " (rerun with `npm run bench -- --profile` to see where the time goes)"}` : "; all targets met"}`);
  log(
    `bench: check ratio ${checkRatio.toFixed(2)} (target ≤ ${TARGET_RATIO}), check 300/100 ${linear.toFixed(2)}, summary ratio ${summaryRatio.toFixed(2)} (target ≤ ${TARGET_RATIO}), summary peak RSS ${Math.round(summaryRssMb)} MB (target ≤ ${TARGET_RSS_MB}), write CPU ratio ${write.cpuRatio.toFixed(2)} (target ≤ ${TARGET_WRITE_RATIO})`,
  );
  return missed.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
