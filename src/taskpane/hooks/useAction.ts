import { useCallback, useRef, useState } from "react";
import { useLang } from "../PaneContext";
import { reasonOf } from "../session";
import { isCancelled } from "../work";

/** One run of an action: the status while it works, then the status for its result or for its failure. */
export interface ActionSteps<S, R> {
  busy: S;
  work: () => Promise<R>;
  /** The status for the result; may act on it (download, apply a check). Throwing here counts as a failure. */
  done: (result: R) => S;
  /** The status for a failure, given the reason in the pane's language. */
  failed: (reason: string) => S;
  /** The status when the person stopped the work (WorkCancelled); without it a stop counts as a failure. */
  cancelled?: () => S;
}

export interface Action<S> {
  status: S;
  run: <R>(steps: ActionSteps<S, R>) => Promise<void>;
  /** Back to the idle status (a run in progress still reports its outcome). */
  reset: () => void;
}

/**
 * The busy → done/failed sequence of every pane action, written once. Only the latest run reports: a run that
 * finishes after a newer one started (a second file picked while the first is read) is dropped, its `done` not
 * called.
 */
export function useAction<S>(idle: S): Action<S> {
  const lang = useLang();
  const [initial] = useState(idle);
  const [status, setStatus] = useState<S>(initial);
  const latest = useRef(0);

  const run = useCallback(
    async <R>(steps: ActionSteps<S, R>): Promise<void> => {
      const seq = ++latest.current;
      setStatus(steps.busy);
      let next: S;
      try {
        const result = await steps.work();
        if (seq !== latest.current) return;
        next = steps.done(result);
      } catch (error) {
        if (seq !== latest.current) return;
        next =
          isCancelled(error) && steps.cancelled
            ? steps.cancelled()
            : steps.failed(reasonOf(error, lang));
      }
      setStatus(next);
    },
    [lang]
  );
  const reset = useCallback(() => setStatus(initial), [initial]);
  return { status, run, reset };
}
