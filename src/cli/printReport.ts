import { Report } from "../core/report/report";
import { CommandContext } from "./io";
import { renderText } from "./textOutput";

/**
 * Prints a run's report (JSON or readable text, then the file written, if any) and returns the exit code of
 * docs/contracts/cli.md: 1 when a finding is an error, else 0.
 */
export function printReport(
  report: Report,
  json: boolean,
  ctx: CommandContext,
  written?: string
): number {
  if (json) ctx.io.out(JSON.stringify(report, null, 2) + "\n");
  else {
    const note =
      written === undefined
        ? ""
        : ctx.lang === "en"
          ? `\nWritten: ${written}\n`
          : `\nĐã ghi: ${written}\n`;
    ctx.io.out(renderText(report, ctx.lang) + note);
  }
  return report.counts.error > 0 ? 1 : 0;
}
