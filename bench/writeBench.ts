/**
 * The write bench (part of `npm run bench`), on the 300-unit workbook:
 *
 *   - the write step: `cchc score`'s write (`patchEditor` on the package the file was read from: snapshot, plan,
 *     undo sheet, save) against ExcelJS merely writing the loaded workbook (`writeBuffer`); target at most 1.0× in CPU time.
 *     Each figure is a child process (writeChild.js) that loads and plans as `cchc score` does, with V8 set as the
 *     command sets it (src/cli/v8Tuning.ts), and times only its write step; ExcelJS runs as V8 comes, and also,
 *     reported beside the target, with the command's setting;
 *   - its parts: the same write without the undo record (`undo: false`), and the check of the plan against Excel's
 *     rules alone, each timed in its own child as the write step is (reported, no target);
 *   - for comparison, ExcelJS writing the workbook cchc score made (the same content as patch's output, about 2.2
 *     times the input's XML: formulas, validations, conditional formats, the summary and undo sheets), reported
 *     without a target; and how much XML each write makes (its output's parts unpacked, counted after the timing),
 *     with the CPU per byte of it;
 *   - end to end: `cchc score FILE --out OUT` against ExcelJS loading FILE and writing it to OUT (loadWriteChild.js),
 *     each a whole process as a user runs it (reported, no target).
 *
 * The subjects run interleaved, their order turning each round, after an untimed warm-up of each; figures are
 * medians of CPU time (user + system: steadier than wall time on a shared machine), wall time beside them.
 */
import { rmSync } from "fs";
import * as path from "path";
import { runChild } from "./child";
import { CCHC, OUT, rel, TOOLS } from "./paths";
import { median, ms, table } from "./stats";

export const TARGET_WRITE_RATIO = 1.0;
const SUBJECTS = [
  "exceljs",
  "exceljs tuned",
  "patch",
  "patch-no-undo",
  "rules",
  "exceljs scored",
  "load+write",
  "cchc score",
] as const;
/** Subjects that are a write step timed inside writeChild.js, by its mode. */
const CHILD_MODES: Partial<Record<Subject, string>> = {
  exceljs: "exceljs",
  "exceljs tuned": "exceljs-tuned",
  patch: "patch",
  "patch-no-undo": "patch-no-undo",
  rules: "rules",
  "exceljs scored": "exceljs",
};
type Subject = (typeof SUBJECTS)[number];

interface Figure {
  /** The write step's (exceljs, patch) or the whole process's (load+write, cchc score). */
  wallMs: number;
  cpuMs: number;
  bytes?: number;
  /** The output's parts unpacked: the XML the write made. */
  xmlBytes?: number;
}

export interface WriteBenchResult {
  /** patch / exceljs, medians of the write step's CPU time: the figure with the target. */
  cpuRatio: number;
  /** The same, wall time. */
  wallRatio: number;
  /** patch / ExcelJS writeBuffer in a process with V8 set as the command sets it (src/cli/v8Tuning.ts), CPU. */
  tunedBaselineCpuRatio: number;
  /**
   * patch / ExcelJS writing the workbook cchc score made (the same content: formulas, rules, undo sheet), CPU:
   * reported beside the target, which compares with the input's write.
   */
  sameContentCpuRatio: number;
  /** The write step without the undo record, and the rule check alone, each / ExcelJS writeBuffer, CPU. */
  withoutUndoCpuRatio: number;
  rulesCpuRatio: number;
  /** What patch's output holds unpacked / what ExcelJS's holds: how much more XML the scored write makes. */
  unpackedRatio: number;
  /** CPU per unpacked byte written, patch / ExcelJS: the write's cost for the work it does. */
  cpuPerUnpackedByteRatio: number;
  /** cchc score / ExcelJS load and write, whole processes: CPU time, wall time. */
  endToEndCpuRatio: number;
  endToEndWallRatio: number;
  lines: string;
}

/** The scored workbook ExcelJS writes in "exceljs scored": made once per bench run by cchc score. */
const SCORED = path.join(OUT, "tmp", "write-scored.xlsx");

async function run(subject: Subject, file: string): Promise<Figure> {
  const out = path.join(OUT, "tmp", "write-out.xlsx");
  const mode = CHILD_MODES[subject];
  if (mode) {
    const input = subject === "exceljs scored" ? SCORED : file;
    const r = await runChild({
      label: `write ${subject}`,
      args: [path.join(TOOLS, "writeChild.js"), mode, rel(input)],
      nodeOptions: ["--expose-gc"],
      okCodes: [0],
      captureStdout: true,
    });
    const f = JSON.parse(r.stdout) as {
      writeMs: number;
      writeCpuMs: number;
      bytes: number;
      xmlBytes: number;
    };
    return { wallMs: f.writeMs, cpuMs: f.writeCpuMs, bytes: f.bytes, xmlBytes: f.xmlBytes };
  }
  rmSync(out, { force: true });
  const r =
    subject === "cchc score"
      ? // score exits 1 when its report holds errors: a completed run.
        await runChild({
          label: subject,
          args: [CCHC, "score", rel(file), "--out", rel(out)],
          okCodes: [0, 1],
        })
      : await runChild({
          label: subject,
          args: [path.join(TOOLS, "loadWriteChild.js"), rel(file), rel(out)],
          okCodes: [0],
        });
  return { wallMs: r.ms, cpuMs: r.cpuMs };
}

export async function writeBench(
  file: string,
  rounds: number,
  log: (line: string) => void
): Promise<WriteBenchResult> {
  const figures = new Map<Subject, Figure[]>(SUBJECTS.map((m) => [m, []]));
  rmSync(SCORED, { force: true });
  await runChild({
    label: "score for exceljs scored",
    args: [CCHC, "score", rel(file), "--out", rel(SCORED)],
    okCodes: [0, 1],
  });
  for (const m of SUBJECTS) {
    const f = await run(m, file);
    log(
      `  warm-up ${m}: ${ms(f.wallMs)} (CPU ${ms(f.cpuMs)})` +
        (f.bytes ? `, ${Math.round(f.bytes / 1024)} KB written` : "")
    );
  }
  for (let r = 0; r < rounds; r++) {
    const order = [
      ...SUBJECTS.slice(r % SUBJECTS.length),
      ...SUBJECTS.slice(0, r % SUBJECTS.length),
    ];
    for (const m of order) figures.get(m)!.push(await run(m, file));
    log(
      `  write round ${r + 1}/${rounds}, CPU: ` +
        SUBJECTS.map((m) => `${m} ${ms(figures.get(m)![r].cpuMs)}`).join(", ")
    );
  }
  const wall = (m: Subject) => median(figures.get(m)!.map((f) => f.wallMs));
  const cpu = (m: Subject) => median(figures.get(m)!.map((f) => f.cpuMs));
  const unpacked = (m: Subject) => figures.get(m)![0].xmlBytes ?? NaN;
  const lines = table(
    ["300 units", "CPU median", "CPU range", "wall median", "output", "unpacked"],
    SUBJECTS.map((m) => {
      const cpus = figures.get(m)!.map((f) => f.cpuMs);
      return [
        {
          exceljs: "write step: ExcelJS writeBuffer of the loaded workbook",
          "exceljs tuned": "  the same, V8 set as cchc sets it (no TurboFan inlining)",
          patch: "write step: cchc score's package writer (patchEditor)",
          "patch-no-undo": "  the same without the undo record (undo: false)",
          rules: "  of which: the plan's check against Excel's rules",
          "exceljs scored": "write step: ExcelJS writeBuffer of the scored workbook (same content)",
          "load+write": "process: ExcelJS readFile + writeFile",
          "cchc score": "process: cchc score FILE --out OUT",
        }[m],
        ms(cpu(m)),
        `${ms(Math.min(...cpus))}–${ms(Math.max(...cpus))}`,
        ms(wall(m)),
        figures.get(m)![0].bytes ? `${Math.round(figures.get(m)![0].bytes! / 1024)} KB` : "",
        figures.get(m)![0].xmlBytes ? `${Math.round(figures.get(m)![0].xmlBytes! / 1024)} KB` : "",
      ];
    })
  );
  return {
    cpuRatio: cpu("patch") / cpu("exceljs"),
    wallRatio: wall("patch") / wall("exceljs"),
    tunedBaselineCpuRatio: cpu("patch") / cpu("exceljs tuned"),
    sameContentCpuRatio: cpu("patch") / cpu("exceljs scored"),
    withoutUndoCpuRatio: cpu("patch-no-undo") / cpu("exceljs"),
    rulesCpuRatio: cpu("rules") / cpu("exceljs"),
    unpackedRatio: unpacked("patch") / unpacked("exceljs"),
    cpuPerUnpackedByteRatio:
      cpu("patch") / unpacked("patch") / (cpu("exceljs") / unpacked("exceljs")),
    endToEndCpuRatio: cpu("cchc score") / cpu("load+write"),
    endToEndWallRatio: wall("cchc score") / wall("load+write"),
    lines,
  };
}
