import { useCallback, useRef, useState } from "react";
import type { WorkOptions, WorkProgress } from "../work";

/** A long action's progress as the pane shows it, and its stop. */
export interface Work {
  progress: WorkProgress | undefined;
  /** False while a write into the open workbook runs: Excel's writes are not stopped halfway. */
  canStop: boolean;
  /** Options for a new run: its progress is shown here (an older run's no longer), `stop` stops it. */
  begin: () => WorkOptions;
  stop: () => void;
}

/** `writesInPlace`: the work writes into the open workbook (Excel), so its writing stage cannot be stopped. */
export function useWork(writesInPlace = false): Work {
  const [progress, setProgress] = useState<WorkProgress>();
  const current = useRef<AbortController | undefined>(undefined);
  const begin = useCallback((): WorkOptions => {
    const controller = new AbortController();
    current.current = controller;
    setProgress(undefined);
    return {
      signal: controller.signal,
      onProgress: (p) => {
        if (current.current === controller) setProgress(p);
      },
    };
  }, []);
  const stop = useCallback(() => current.current?.abort(), []);
  const canStop = !(writesInPlace && progress?.step === "writing");
  return { progress, canStop, begin, stop };
}
