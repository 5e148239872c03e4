/**
 * The Excel mode's re-check after edits: worksheet change events are debounced (a burst of typing is one
 * check, ~1 s after the last change), and events caused by the add-in's own writes are ignored.
 */
export const RECHECK_DELAY_MS = 1000;

export interface RecheckScheduler {
  /** A worksheet changed. Returns false when the change was ignored (the add-in was writing). */
  notify(): boolean;
  /** Whether a re-check is waiting for its delay. */
  pending(): boolean;
  cancel(): void;
}

export interface RecheckOptions {
  run: () => void;
  isAddinWriting: () => boolean;
  delayMs?: number;
  /** Called when `pending()` changes, for the pane's "checking again shortly" hint. */
  onPendingChange?: (pending: boolean) => void;
}

export function createRecheckScheduler(options: RecheckOptions): RecheckScheduler {
  const delay = options.delayMs ?? RECHECK_DELAY_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const setPending = (next: boolean): void => {
    if ((timer !== undefined) !== next) options.onPendingChange?.(next);
  };
  const fire = (): void => {
    // A write of the add-in started during the delay: its events will follow; wait for it to finish.
    if (options.isAddinWriting()) {
      timer = setTimeout(fire, delay);
      return;
    }
    setPending(false);
    timer = undefined;
    options.run();
  };
  return {
    notify() {
      if (options.isAddinWriting()) return false;
      if (timer !== undefined) clearTimeout(timer);
      else setPending(true);
      timer = setTimeout(fire, delay);
      return true;
    },
    pending: () => timer !== undefined,
    cancel() {
      if (timer === undefined) return;
      clearTimeout(timer);
      setPending(false);
      timer = undefined;
    },
  };
}
