/**
 * One ribbon button: runs its command, shows the outcome (showOutcome) and calls event.completed() exactly
 * once, also when something throws on the way.
 */
import type { Lang } from "../core/i18n/lang";
import { outcomeText, type RibbonCommand, type RibbonOutcome } from "./outcomeText";
import {
  COMMAND_TIME_LIMIT_MS,
  LIMIT_MARGIN_MS,
  showOutcome,
  type OfficeForDialog,
} from "./showOutcome";

export interface RibbonDeps {
  office: OfficeForDialog;
  /** The person's language (Office's display language). */
  lang: () => Lang;
  run: (command: RibbonCommand, lang: Lang) => Promise<RibbonOutcome>;
  /** The dialog page's absolute URL. */
  page: () => string;
  now?: () => number;
  log?: (...args: unknown[]) => void;
}

export function ribbonAction(
  command: RibbonCommand,
  deps: RibbonDeps
): (event: { completed(): void }) => Promise<void> {
  return async (event) => {
    const now = deps.now ?? Date.now;
    const log = deps.log ?? console.error;
    const deadline = now() + COMMAND_TIME_LIMIT_MS - LIMIT_MARGIN_MS;
    let completed = false;
    const complete = () => {
      if (completed) return;
      completed = true;
      event.completed();
    };
    try {
      const lang = deps.lang();
      const outcome = await deps.run(command, lang);
      showOutcome({ lang, ...outcomeText(outcome, lang) }, complete, {
        office: deps.office,
        page: deps.page(),
        deadline,
        now,
        log,
      });
    } catch (error) {
      log(`CCHC Scoring: command "${command}" failed`, error);
      complete();
    }
  };
}
