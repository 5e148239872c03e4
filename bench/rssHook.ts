/**
 * Preloaded into every measured child (`node -r rssHook.js …`): at exit it writes the process's peak resident
 * set size, as the kernel counted it (getrusage ru_maxrss, kilobytes on Linux), and the CPU time it used (user +
 * system, all its threads) to the file named by BENCH_RSS_FILE. Nothing else; the program under test runs
 * unchanged with its own argv.
 */
import { writeFileSync } from "fs";

const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on("exit", () => {
    try {
      const u = process.resourceUsage();
      writeFileSync(target, JSON.stringify({ maxRssKb: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
    } catch {
      /* the parent reports a missing figure */
    }
  });
}
