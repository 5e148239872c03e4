/**
 * The consolidate bench (part of `npm run bench`, issue 12 item 5): "Tổng hợp nhiều sổ" of 100 one-unit workbooks
 * on the browser mode's path (consolidateInBrowser, run in Node) against merely loading the same 100 files as the
 * browser mode opens one; target at most 2× (ratio of medians, wall time; CPU beside it). Each figure is a child
 * process (consolidateChild.js) timing only its work, the file bytes already read; the two run interleaved, the
 * order turning each round, after an untimed warm-up of each.
 */
import * as path from "path";
import { runChild } from "./child";
import { rel, TOOLS } from "./paths";
import { median, ms, table } from "./stats";

export const TARGET_CONSOLIDATE_RATIO = 2.0;
export const CONSOLIDATE_FILES = 100;
const SUBJECTS = ["load", "consolidate"] as const;
type Subject = (typeof SUBJECTS)[number];

export interface ConsolidateBenchResult {
  wallRatio: number;
  cpuRatio: number;
  lines: string;
}

async function run(subject: Subject, files: string[]): Promise<{ wallMs: number; cpuMs: number; made: string }> {
  const r = await runChild({
    label: `consolidate bench ${subject}`,
    args: [path.join(TOOLS, "consolidateChild.js"), subject, ...files.map(rel)],
    nodeOptions: ["--expose-gc"],
    okCodes: [0],
    captureStdout: true,
  });
  const f = JSON.parse(r.stdout) as { ms: number; cpuMs: number } & Record<string, number>;
  const { ms: wallMs, cpuMs, ...made } = f;
  return { wallMs, cpuMs, made: JSON.stringify(made) };
}

export async function consolidateBench(
  units: string[],
  rounds: number,
  log: (line: string) => void
): Promise<ConsolidateBenchResult> {
  const files = units.slice(0, CONSOLIDATE_FILES);
  if (files.length < CONSOLIDATE_FILES) throw new Error(`consolidate bench needs ${CONSOLIDATE_FILES} unit files`);
  const figures = new Map<Subject, { wallMs: number; cpuMs: number }[]>(SUBJECTS.map((s) => [s, []]));
  for (const s of SUBJECTS) {
    const f = await run(s, files);
    log(`  warm-up ${s}: ${ms(f.wallMs)} (CPU ${ms(f.cpuMs)}) ${f.made}`);
  }
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? SUBJECTS : [...SUBJECTS].reverse();
    for (const s of order) figures.get(s)!.push(await run(s, files));
  }
  const med = (s: Subject, k: "wallMs" | "cpuMs") => median(figures.get(s)!.map((f) => f[k]));
  const wallRatio = med("consolidate", "wallMs") / med("load", "wallMs");
  const cpuRatio = med("consolidate", "cpuMs") / med("load", "cpuMs");
  const lines = table(
    ["", "load 100 (median)", "consolidate 100 (median)", "ratio", "target"],
    [
      ["wall", ms(med("load", "wallMs")), ms(med("consolidate", "wallMs")), wallRatio.toFixed(2), `≤ ${TARGET_CONSOLIDATE_RATIO}`],
      ["CPU", ms(med("load", "cpuMs")), ms(med("consolidate", "cpuMs")), cpuRatio.toFixed(2), ""],
    ]
  );
  return { wallRatio, cpuRatio, lines };
}
