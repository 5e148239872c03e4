/**
 * `cchc` without the source tree: `npm pack` from a clean copy of the project (what a clone holds: no lib/,
 * no dist/, so `prepare` has to build the command), the tarball installed globally into an empty prefix, and
 * the command run from there, outside the project, with nothing but what the install brought.
 */
import { execFile, execFileSync } from "child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from "fs";
import * as os from "os";
import * as path from "path";
import { expectPlainStderr } from "../support/cli";
import { projectRoot } from "../support/paths";

const ROOT = projectRoot();
const PKG = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment without what `npm test` adds for its own package (npm_package_*, npm_lifecycle_*). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_(package|lifecycle)_/i.test(key) && key !== "NODE_PATH" && key !== "INIT_CWD")
      env[key] = value;
  }
  return env;
}

function exec(file: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { cwd, env: cleanEnv(), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({
          code: error ? (typeof error.code === "number" ? error.code : -1) : 0,
          stdout,
          stderr,
        });
      }
    );
  });
}

/** Package names installed under a node_modules folder, at any depth (scoped ones as @scope/name). */
function installedNames(dir: string): Set<string> {
  const names = new Set<string>();
  const visit = (modules: string): void => {
    if (!existsSync(modules)) return;
    for (const entry of readdirSync(modules)) {
      if (entry.startsWith(".")) continue;
      const scoped = entry.startsWith("@");
      for (const name of scoped
        ? readdirSync(path.join(modules, entry)).map((n) => `${entry}/${n}`)
        : [entry]) {
        names.add(name);
        visit(path.join(modules, name, "node_modules"));
      }
    }
  };
  visit(dir);
  return names;
}

let tmp: string;
let tarball: string;
let packed: string[];
let prefix: string;
let installed: string;
let cchcBin: string;

// Packing (prepare compiles the command) and a global install of the production dependencies: a few minutes.
beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "cchc-pack-"));
  // A clean copy: the files a clone has (tracked, or new and not ignored), and the shared node_modules.
  const clone = path.join(tmp, "clone");
  const listed = execFileSync(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    {
      cwd: ROOT,
      encoding: "utf8",
    }
  )
    .split("\0")
    .filter((f) => f !== "" && f !== "node_modules" && existsSync(path.join(ROOT, f)));
  for (const file of listed) {
    mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(clone, file));
  }
  expect(existsSync(path.join(clone, "lib"))).toBe(false);
  symlinkSync(path.join(ROOT, "node_modules"), path.join(clone, "node_modules"), "dir");

  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const pack = await exec(npm, ["pack", "--json", "--pack-destination", tmp], clone);
  if (pack.code !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
  const [result] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf("["))) as {
    filename: string;
    files: { path: string }[];
  }[];
  tarball = path.join(tmp, result.filename);
  packed = result.files.map((f) => f.path).sort();

  prefix = path.join(tmp, "prefix");
  const install = await exec(
    npm,
    [
      "install",
      "--global",
      "--prefix",
      prefix,
      tarball,
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
    ],
    tmp
  );
  if (install.code !== 0) throw new Error(`npm install -g failed:\n${install.stderr}`);
  installed = path.join(
    prefix,
    ...(process.platform === "win32" ? [] : ["lib"]),
    "node_modules",
    PKG.name
  );
  cchcBin = path.join(prefix, ...(process.platform === "win32" ? ["cchc.cmd"] : ["bin", "cchc"]));
}, 900_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test("the tarball holds the command, its compiled code and the sample, and no sources or tests", () => {
  for (const file of [
    "package.json",
    "README.md",
    "bin/cchc.js",
    "lib/cli/main.js",
    "examples/xa-mau-2025.xlsx",
  ])
    expect(packed).toContain(file);
  expect(packed.some((f) => f.startsWith("lib/core/"))).toBe(true);
  expect(packed.some((f) => f.startsWith("lib/xlsx/"))).toBe(true);
  const unwanted = packed.filter((f) =>
    /^(src|test|scripts|dist|release|node_modules|bench|\.ci)\//.test(f)
  );
  expect(unwanted).toEqual([]);
});

test("installed into an empty prefix, `cchc --version` answers the package's version", async () => {
  expect(existsSync(cchcBin)).toBe(true);
  const r = await exec(cchcBin, ["--version"], tmp);
  expect(r).toEqual({ code: 0, stdout: `${PKG.version}\n`, stderr: "" });
});

test("the installed `cchc check` checks the bundled sample as the project's own build does", async () => {
  const sample = path.join(installed, "examples", "xa-mau-2025.xlsx");
  expect(existsSync(sample)).toBe(true);
  const ownBuild = (...args: string[]): Promise<Run> =>
    exec(process.execPath, [path.join(ROOT, "bin", "cchc.js"), ...args], tmp);

  const there = await exec(cchcBin, ["check", sample], tmp);
  expectPlainStderr(there.stderr);
  // The sample holds the mistakes real units make: error findings, exit code 1.
  expect(there.code).toBe(1);
  expect(there.stdout).toMatch(/score-out-of-range/);
  expect(there.stdout).toBe((await ownBuild("check", sample)).stdout);

  const json = await exec(cchcBin, ["check", sample, "--json"], tmp);
  expect(JSON.parse(json.stdout)).toEqual(
    JSON.parse((await ownBuild("check", sample, "--json")).stdout)
  );
}, 240_000);

test("the install brought production dependencies only: no build tools, no Office debugging toolkit", () => {
  const names = installedNames(path.join(installed, "node_modules"));
  for (const dependency of Object.keys(PKG.dependencies)) expect(names.has(dependency)).toBe(true);
  // Type packages may come with production dependencies; every other development tool must not.
  const tools = [
    ...Object.keys(PKG.devDependencies).filter((name) => !name.startsWith("@types/")),
    "@microsoft/m365agentstoolkit-cli",
    "keytar",
  ];
  expect(tools.filter((tool) => names.has(tool))).toEqual([]);
});
