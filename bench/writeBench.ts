/**
 * The write bench (part of `npm run bench`): on the 300-unit workbook, the package writer (`patchPackage`)
 * against ExcelJS merely writing the loaded workbook back (target: at most 1.0×) and against today's writer
 * (the plan applied to ExcelJS's model, then written). Each figure is a child process (writeChild.js) that
 * loads and plans as `cchc score` does and times only its write step, wall and CPU; the modes run interleaved,
 * their order turning each round, after an untimed warm-up of each.
 */
import { runChild } from "./child";
import { rel, TOOLS } from "./paths";
import { median, ms, table } from "./stats";
import * as path from "path";

export const TARGET_WRITE_RATIO = 1.0;
const MODES = ["exceljs", "today", "patch"] as const;
type Mode = (typeof MODES)[number];

interface WriteFigure {
  writeMs: number;
  writeCpuMs: number;
  bytes: number;
}

export interface WriteBenchResult {
  /** patch / exceljs, medians of the write step's wall time. */
  ratio: number;
  cpuRatio: number;
  /** patch / today. */
  ratioToday: number;
  cpuRatioToday: number;
  lines: string;
}

async function writeRun(mode: Mode, file: string): Promise<WriteFigure> {
  const r = await runChild({
    label: `write ${mode}`,
    args: [path.join(TOOLS, "writeChild.js"), mode, rel(file)],
    nodeOptions: ["--expose-gc"],
    okCodes: [0],
    captureStdout: true,
  });
  return JSON.parse(r.stdout) as WriteFigure;
}

export async function writeBench(
  file: string,
  rounds: number,
  log: (line: string) => void
): Promise<WriteBenchResult> {
  const figures = new Map<Mode, WriteFigure[]>(MODES.map((m) => [m, []]));
  for (const m of MODES) {
    const f = await writeRun(m, file);
    log(
      `  warm-up write ${m}: ${ms(f.writeMs)} (CPU ${ms(f.writeCpuMs)}), ${Math.round(f.bytes / 1024)} KB written`
    );
  }
  for (let r = 0; r < rounds; r++) {
    const order = [...MODES.slice(r % MODES.length), ...MODES.slice(0, r % MODES.length)];
    for (const m of order) figures.get(m)!.push(await writeRun(m, file));
    log(
      `  write round ${r + 1}/${rounds}: ` +
        MODES.map((m) => `${m} ${ms(figures.get(m)![r].writeMs)}`).join(", ")
    );
  }
  const wall = (m: Mode) => median(figures.get(m)!.map((f) => f.writeMs));
  const cpu = (m: Mode) => median(figures.get(m)!.map((f) => f.writeCpuMs));
  const result = {
    ratio: wall("patch") / wall("exceljs"),
    cpuRatio: cpu("patch") / cpu("exceljs"),
    ratioToday: wall("patch") / wall("today"),
    cpuRatioToday: cpu("patch") / cpu("today"),
  };
  const lines = table(
    ["write step, 300 units", "wall median", "CPU median", "output"],
    MODES.map((m) => [
      {
        exceljs: "ExcelJS writing the loaded workbook",
        today: "today's writer (ExcelJS model)",
        patch: "package writer (patchPackage)",
      }[m],
      ms(wall(m)),
      ms(cpu(m)),
      `${Math.round(figures.get(m)![0].bytes / 1024)} KB`,
    ])
  );
  return { ...result, lines };
}
