/**
 * Runs one measured child process: wall time from spawn to exit, as seen by this process (so it includes Node's
 * start-up and module loading, as a user's run does), and the child's peak RSS from the kernel (getrusage via the
 * preloaded rssHook), with its CPU time. Stdout goes to /dev/null unless asked for, as with `cchc check … --json > /dev/null`.
 */
import { spawn } from "child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from "fs";
import * as path from "path";
import { ROOT, TMP, TOOLS } from "./paths";

export interface ChildSpec {
  label: string;
  /** Arguments to node after the preload: a script and its arguments. */
  args: string[];
  /** Extra node options before the script (e.g. --cpu-prof). */
  nodeOptions?: string[];
  /** Exit codes that mean "ran to completion". */
  okCodes: number[];
  captureStdout?: boolean;
}

export interface ChildResult {
  ms: number;
  maxRssKb: number;
  /** User + system CPU time of the child, all threads: steadier than wall time on a shared machine. */
  cpuMs: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

let seq = 0;

export async function runChild(spec: ChildSpec): Promise<ChildResult> {
  mkdirSync(TMP, { recursive: true });
  const rssFile = path.join(TMP, `rss-${process.pid}-${++seq}.json`);
  rmSync(rssFile, { force: true });
  const devNull = spec.captureStdout ? undefined : openSync("/dev/null", "w");
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_RSS_FILE: rssFile };
  delete env.NODE_OPTIONS;
  const args = [...(spec.nodeOptions ?? []), "-r", path.join(TOOLS, "rssHook.js"), ...spec.args];
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", devNull ?? "pipe", "pipe"] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout?.on("data", (b: Buffer) => out.push(b));
  child.stderr?.on("data", (b: Buffer) => err.push(b));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (c) => resolve(c));
  });
  const ms = performance.now() - t0;
  if (devNull !== undefined) closeSync(devNull);
  const stderr = Buffer.concat(err).toString("utf8");
  if (!spec.okCodes.includes(code ?? -1)) throw new Error(`${spec.label}: exit code ${code}\n${stderr.split("\n").slice(0, 10).join("\n")}`);
  if (!existsSync(rssFile)) throw new Error(`${spec.label}: the child reported no peak RSS`);
  const { maxRssKb, cpuMs } = JSON.parse(readFileSync(rssFile, "utf8")) as { maxRssKb: number; cpuMs: number };
  rmSync(rssFile, { force: true });
  return { ms, maxRssKb, cpuMs, code, stdout: Buffer.concat(out).toString("utf8"), stderr };
}
