import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import type { Report } from "../../core/report/report";
import { createCheckRunner } from "../checkRunner";
import { usePane } from "../PaneContext";
import { reasonOf, type CheckOutcome, type CriteriaState } from "../session";
import { useAutoRecheck, type AutoRecheck } from "./useAutoRecheck";
import { useWork, type Work } from "./useWork";

export interface CheckRunner {
  criteria: CriteriaState | undefined;
  report: Report | undefined;
  /** When the report shown was made; undefined without a report. */
  checkedAt: Date | undefined;
  checking: boolean;
  /** The check's progress and stop. */
  work: Work;
  /** The person stopped the last check (what is shown is from the one before). */
  stopped: boolean;
  /** Why the last check (or the watch for changes) failed, in the pane's language. */
  error: string | undefined;
  /** Checks now; a request during a check runs once more after it (the workbook changed meanwhile). */
  check: () => Promise<void>;
  /** Shows an outcome that came another way (a workbook opened, criteria imported). */
  apply: (outcome: CheckOutcome) => void;
  clearError: () => void;
  /** Excel: the re-check after edits; undefined in a browser. */
  auto: AutoRecheck | undefined;
}

/**
 * The check and its findings: runs the session's check one at a time, keeps what it found, and in Excel checks
 * the open workbook at once and again after edits. `onOutcome` is called with every outcome shown (it should be
 * stable: the pane resets its go-to state there).
 */
export function useCheckRunner(onOutcome?: () => void): CheckRunner {
  const { session, lang } = usePane();
  const [runner] = useState(createCheckRunner);
  const shown = useSyncExternalStore(runner.subscribe, runner.getSnapshot);
  const work = useWork();
  const { begin } = work;

  const apply = useCallback(
    (outcome: CheckOutcome) => {
      runner.show(outcome);
      onOutcome?.();
    },
    [runner, onOutcome]
  );
  const check = useCallback(async () => {
    if (session) await runner.check(() => session.check(lang, begin()), onOutcome);
  }, [runner, session, lang, onOutcome, begin]);

  // Excel: the open workbook is checked as soon as the session is there.
  useEffect(() => {
    if (session?.mode === "excel") void check();
  }, [session, check]);

  const excel = session?.mode === "excel" ? session : undefined;
  const auto = useAutoRecheck(excel, check, runner.fail);
  return {
    criteria: shown.criteria,
    report: shown.report,
    checkedAt: shown.checkedAt,
    checking: shown.checking,
    work,
    stopped: shown.stopped ?? false,
    error: shown.failure ? reasonOf(shown.failure.error, lang) : undefined,
    check,
    apply,
    clearError: runner.clearFailure,
    auto: excel ? auto : undefined,
  };
}
