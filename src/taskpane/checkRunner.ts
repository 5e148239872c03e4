import type { Report } from "../core/report/report";
import type { CheckOutcome, CriteriaState } from "./session";
import { isCancelled } from "./work";

/** What the pane shows of the checks: the last outcome, whether one runs, and why the last one failed. */
export interface CheckSnapshot {
  criteria?: CriteriaState;
  report?: Report;
  /** When the report shown was made; absent without a report. */
  checkedAt?: Date;
  checking: boolean;
  failure?: { error: unknown };
  /** The person stopped the last check: what is shown is from the check before. */
  stopped?: boolean;
}

export interface CheckRunnerStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): CheckSnapshot;
  /**
   * Runs `fetch` and shows its outcome (calling `onShown` after). One check at a time: a request during a check
   * runs `fetch` once more after it (the workbook changed meanwhile), however many requests came.
   */
  check(fetch: () => Promise<CheckOutcome>, onShown?: () => void): Promise<void>;
  /** Shows an outcome that came another way (a workbook opened, criteria imported). */
  show(outcome: CheckOutcome): void;
  fail(error: unknown): void;
  clearFailure(): void;
}

/**
 * The pane's checks as a small store outside React (read with useSyncExternalStore): the one-at-a-time rule is
 * plain state here rather than refs in a component.
 */
export function createCheckRunner(now: () => Date = () => new Date()): CheckRunnerStore {
  let snapshot: CheckSnapshot = { checking: false };
  const listeners = new Set<() => void>();
  let running = false;
  let again = false;

  const update = (patch: Partial<CheckSnapshot>): void => {
    snapshot = { ...snapshot, ...patch };
    for (const listener of listeners) listener();
  };
  const show = (outcome: CheckOutcome): void =>
    update({
      criteria: outcome.criteria,
      report: outcome.report,
      checkedAt: outcome.report ? now() : undefined,
    });

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    async check(fetch, onShown) {
      if (running) {
        again = true;
        return;
      }
      running = true;
      update({ checking: true, failure: undefined, stopped: false });
      try {
        do {
          again = false;
          show(await fetch());
          onShown?.();
        } while (again);
      } catch (error) {
        update(isCancelled(error) ? { stopped: true } : { failure: { error } });
      } finally {
        running = false;
        update({ checking: false });
      }
    },
    show,
    fail: (error) => update({ failure: { error } }),
    clearFailure: () => update({ failure: undefined }),
  };
}
