import { useEffect, useState } from "react";
import { createRecheckScheduler } from "../recheck";
import type { ExcelSession } from "../session";

export interface AutoRecheck {
  enabled: boolean;
  /** A re-check waits for its delay ("checking again shortly"). */
  pending: boolean;
  onToggle: (enabled: boolean) => void;
}

/**
 * Excel: runs `check` again ~1 s after edits to the workbook (not after the add-in's own writes), while enabled.
 * `check` and `onError` should be stable: a new one subscribes again.
 */
export function useAutoRecheck(
  session: ExcelSession | undefined,
  check: () => Promise<void>,
  onError: (error: unknown) => void
): AutoRecheck {
  const [enabled, setEnabled] = useState(true);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (!session || !enabled) return;
    const scheduler = createRecheckScheduler({
      run: () => void check(),
      isAddinWriting: () => session.isAddinWriting(),
      onPendingChange: setPending,
    });
    let unsubscribe: (() => Promise<void>) | undefined;
    let disposed = false;
    session
      .watchChanges(() => scheduler.notify())
      .then((off) => {
        if (disposed) void off();
        else unsubscribe = off;
      }, onError);
    return () => {
      disposed = true;
      scheduler.cancel();
      if (unsubscribe) void unsubscribe();
    };
  }, [session, enabled, check, onError]);

  return { enabled, pending, onToggle: setEnabled };
}
