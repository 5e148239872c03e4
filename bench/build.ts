/**
 * The bench measures bin/cchc.js, which runs the compiled lib/. A stale lib/ would measure old code, so when any
 * source under src/{core,xlsx,cli} is newer than its compiled file, lib/ is rebuilt first (`tsc -p tsconfig.cli.json`,
 * what `npm run build:cli` runs) and the bench says so.
 */
import { spawnSync } from "child_process";
import { existsSync, readdirSync, statSync } from "fs";
import * as path from "path";
import { ROOT } from "./paths";

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(p));
    else if (e.name.endsWith(".ts") && !e.name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

export function staleLib(): string[] {
  const stale: string[] = [];
  for (const area of ["core", "xlsx", "cli"]) {
    for (const src of tsFiles(path.join(ROOT, "src", area))) {
      const js = path.join(ROOT, "lib", path.relative(path.join(ROOT, "src"), src)).replace(/\.ts$/, ".js");
      if (!existsSync(js) || statSync(js).mtimeMs < statSync(src).mtimeMs) stale.push(path.relative(ROOT, src));
    }
  }
  return stale;
}

/** Returns a line to print about the build, or throws when the build fails. */
export function ensureLib(): string {
  const stale = staleLib();
  if (!stale.length) return "lib/ is up to date with src/";
  const tsc = require.resolve("typescript/bin/tsc", { paths: [ROOT] });
  const r = spawnSync(process.execPath, [tsc, "-p", "tsconfig.cli.json"], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`lib/ is stale (${stale[0]}…) and tsc -p tsconfig.cli.json failed:\n${r.stdout}${r.stderr}`);
  return `lib/ was older than ${stale.length} source file(s) (${stale.slice(0, 3).join(", ")}${stale.length > 3 ? ", …" : ""}): rebuilt with tsc -p tsconfig.cli.json`;
}
