import { spawnSync } from "child_process";
import { createHash } from "crypto";
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { run } from "../../src/cli/run";
import { projectRoot } from "./paths";

export const ROOT = projectRoot();
export const SAMPLE = path.join(ROOT, "examples", "xa-mau-2025.xlsx");
export const SAMPLE_CRITERIA = path.join(ROOT, "examples", "xa-mau-2025.criteria.json");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The command in-process: fast, and what the binary runs. */
export async function cchc(...args: string[]): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await run(args, { out: (s) => (stdout += s), err: (s) => (stderr += s), progress: () => undefined });
  return { code, stdout, stderr };
}

/** The built binary as users run it. */
export function cchcBinary(...args: string[]): CliResult {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "cchc.js"), ...args], { encoding: "utf8", timeout: 120000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "cchc-test-"));
}

export function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** No stack trace and no Node error banner: what users must never see. */
export function expectPlainStderr(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/^(Type|Range|Reference|Syntax)?Error:/m);
}
