import * as path from "path";
import { projectRoot } from "../test/support/paths";

/** Where the bench reads and writes; everything generated lives under bench/out (gitignored). */
export const ROOT = projectRoot();
export const OUT = path.join(ROOT, "bench", "out");
export const UNITS_DIR = path.join(OUT, "units");
export const TMP = path.join(OUT, "tmp");
export const PROF_DIR = path.join(OUT, "prof");
/** Compiled bench helpers (tsconfig.tools.json puts bench/ into build-tools/bench). */
export const TOOLS = path.join(ROOT, "build-tools", "bench");
export const CCHC = path.join(ROOT, "bin", "cchc.js");

/** Relative to the project root, so command lines stay short and readable. */
export function rel(p: string): string {
  return path.relative(ROOT, p) || ".";
}
