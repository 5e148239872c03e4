import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "fs";
import * as path from "path";
import { fixtureSet } from "../support/sample";
import { brokenPromises, runCapture, sha256, unplainLines } from "../support/badInputs";
import { cchcBinary, tempDir } from "../support/cli";
import { Case, CORPUS, CorpusEntry, Ctx } from "./corpus";

/**
 * Every entry of the bad-input corpus, in-process through run(): the exit code, the finding or the error line
 * naming the file, nothing on stdout and nothing written on exit 2, no stack trace, the inputs unchanged, in time.
 * The entries marked `binary` run again through `node bin/cchc.js`, as users see them.
 */

const SET = fixtureSet();
let root: string;
const built = new Map<string, Case>();

beforeAll(() => {
  root = tempDir();
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

async function build(entry: CorpusEntry): Promise<Case> {
  const dir = mkdtempSync(path.join(root, "case-"));
  const c = await entry.build(new Ctx(dir, SET));
  built.set(entry.name, c);
  return c;
}

function inputsOf(c: Case): string[] {
  return c.inputs ?? c.argv.filter((a) => existsSync(a) && statSync(a).isFile());
}

function hashes(files: string[]): Record<string, string> {
  return Object.fromEntries(files.map((f) => [f, sha256(readFileSync(f))]));
}

/** Each fragment matches a line of stderr, in order. */
function expectLines(stderr: string, fragments: (string | RegExp)[]): void {
  const lines = stderr.split("\n").filter(Boolean);
  let from = 0;
  for (const f of fragments) {
    const i = lines.findIndex((l, k) => k >= from && (typeof f === "string" ? l.includes(f) : f.test(l)));
    if (i < 0) throw new Error(`no stderr line (from line ${from + 1}) matching ${String(f)} in:\n${stderr}`);
    from = i + 1;
  }
}

test("the corpus holds at least 30 bad inputs, each with a distinct name and an expected outcome", () => {
  expect(CORPUS.length).toBeGreaterThanOrEqual(30);
  expect(new Set(CORPUS.map((e) => e.name)).size).toBe(CORPUS.length);
  for (const e of CORPUS) expect(e.made && e.expect && [0, 1, 2].includes(e.exit)).toBeTruthy();
});

describe.each(CORPUS.map((e) => [e.name, e] as const))("%s", (_name, entry) => {
  test(`exits ${entry.exit} with ${entry.expect}`, async () => {
    const c = await build(entry);
    const inputs = inputsOf(c);
    const before = hashes(inputs);
    const o = await runCapture(c.argv);

    expect(brokenPromises(o, { json: c.argv.includes("--json") })).toEqual([]);
    if (o.code !== entry.exit) throw new Error(`exit ${o.code}, expected ${entry.exit}\nstderr:\n${o.stderr}\nstdout:\n${o.stdout.slice(0, 2000)}`);
    expect(o.ms).toBeLessThan(entry.maxMs ?? 20_000);

    if (entry.exit === 2) {
      for (const name of c.names ?? [c.argv[1]]) expect(o.stderr).toContain(name);
      if (c.out) {
        expect(existsSync(c.out)).toBe(false);
        const dir = path.dirname(c.out);
        if (existsSync(dir)) expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
      }
    } else if (c.argv.includes("--json")) {
      const report = JSON.parse(o.stdout);
      for (const want of c.findings ?? []) {
        const hit = report.findings.find((f: Record<string, string>) => f.rule === want.rule && (!want.sheet || f.sheet === want.sheet) && (!want.cell || f.cell === want.cell));
        if (!hit) throw new Error(`no ${JSON.stringify(want)} among ${JSON.stringify(report.findings.map((f: Record<string, string>) => [f.rule, f.sheet, f.cell]))}`);
        // A finding names its file.
        expect(path.basename(c.argv[1])).toBe(hit.file);
      }
    }
    if (c.lines) expectLines(o.stderr, c.lines);
    await c.extra?.(o);
    expect(hashes(inputs)).toEqual(before);
  });
});

const BINARY = CORPUS.filter((e) => e.binary);

describe("through the real binary (node bin/cchc.js)", () => {
  test("runs a handful of entries", () => expect(BINARY.length).toBeGreaterThanOrEqual(5));

  test.each(BINARY.map((e) => [e.name, e] as const))("%s", async (_name, entry) => {
    const c = await build(entry);
    const inputs = inputsOf(c);
    const before = hashes(inputs);
    const inProcess = await runCapture(c.argv);
    if (c.out) rmSync(c.out, { force: true });
    const r = cchcBinary(...c.argv);
    expect(r.code).toBe(entry.exit);
    expect(unplainLines(r.stderr)).toEqual([]);
    expect(r.stderr).not.toMatch(/^\s+at |Error:/m);
    // Users see exactly what the in-process run printed.
    expect(r.stderr).toBe(inProcess.stderr);
    if (entry.exit === 2) {
      expect(r.stdout).toBe("");
      expect(r.stderr.trim()).not.toBe("");
    } else {
      expect(JSON.parse(r.stdout).findings).toEqual(JSON.parse(inProcess.stdout).findings);
    }
    expect(hashes(inputs)).toEqual(before);
  });
});
