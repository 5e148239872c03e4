import { setFlagsFromString } from "v8";

/**
 * How the command runs V8. A run on one workbook is short — the workbook read, planned and written once — so
 * most of its functions are optimized while it runs, and TurboFan's inlining makes each optimization a compilation
 * of the function with all it calls: on the 300-unit workbook TurboFan spent more CPU compiling `cchc score`'s
 * write than the optimized code saved. Without inlining, `cchc score` used about 15% less CPU end to end and
 * `cchc check` about 9% less. `cchc summary` reads hundreds of workbooks in one run, long enough to repay
 * inlining (without it, 5% more CPU on 1,000 files): it keeps V8's default. (Measured interleaved, whole
 * processes, on the bench's workbooks; `npm run bench` times the write step with the flag set as here,
 * bench/writeChild.ts.)
 *
 * Called first thing, before any of the command's work (V8 reads the flag each time it optimizes a function);
 * it changes which machine code V8 makes, never what the code does. `args`: the command line after `cchc`.
 */
export function tuneV8(args: readonly string[]): void {
  if (args.includes("summary")) return;
  setFlagsFromString("--no-turbo-inlining");
}
