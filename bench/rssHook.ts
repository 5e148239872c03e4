/**
 * Preloaded into every measured child (`node -r rssHook.js …`): at exit it writes the process's peak resident
 * set size, as the kernel counted it (getrusage ru_maxrss, kilobytes on Linux), to the file named by
 * BENCH_RSS_FILE. Nothing else; the program under test runs unchanged with its own argv.
 */
import { writeFileSync } from "fs";

const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on("exit", () => {
    try {
      writeFileSync(target, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, uptimeMs: process.uptime() * 1000 }));
    } catch {
      /* the parent reports a missing figure */
    }
  });
}
