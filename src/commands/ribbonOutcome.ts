/**
 * Runs a ribbon button's command on the open workbook and says what came of it (RibbonOutcome), never
 * throwing: a failure is an outcome too, its reason in the person's language where the error can say itself.
 * A ribbon button has no pane to ask in, so typed values are never replaced from here: the run stops and
 * the outcome names the cells.
 */
import type { Lang } from "../core/i18n/lang";
import { check } from "../core/usecases/check";
import { score, summarize } from "../core/usecases/score";
import type { ExcelRunner } from "../excel/excelRunner";
import { withActiveWorkbook } from "../excel/excelWorkbookPort";
import { countFindings, type RibbonCommand, type RibbonOutcome } from "./outcomeText";

export interface RibbonRunOptions {
  lang: Lang;
  run?: ExcelRunner;
}

function reasonOf(error: unknown, lang: Lang): string {
  const bilingual = error as { messageFor?: unknown } | null;
  if (bilingual && typeof bilingual.messageFor === "function")
    return String((bilingual.messageFor as (l: Lang) => string)(lang));
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}

export async function runRibbonCommand(
  command: RibbonCommand,
  options: RibbonRunOptions
): Promise<RibbonOutcome> {
  const { lang, run } = options;
  try {
    if (command === "check") {
      const outcome = await withActiveWorkbook((port) => check(port, { lang }), run);
      return {
        command,
        status: "checked",
        units: outcome.check.units.length,
        findings: countFindings(outcome.check.findings),
      };
    }
    const write = command === "score" ? score : summarize;
    const outcome = await withActiveWorkbook(
      (port) => write(port, { lang, confirmTypedCells: () => false }),
      run
    );
    if (outcome.status === "cancelled")
      return {
        command,
        status: "typed-cells",
        conflicts: outcome.conflicts.map((c) => ({ sheet: c.sheet, cell: c.cell })),
      };
    return {
      command,
      status: "written",
      units: outcome.check.units.length,
      findings: countFindings(outcome.check.findings),
      notices: outcome.applied.notices.map((n) => n.messageFor(lang)),
    };
  } catch (error) {
    return { command, status: "failed", reason: reasonOf(error, lang) };
  }
}
