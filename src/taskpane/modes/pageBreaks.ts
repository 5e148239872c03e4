/**
 * Breaks in long work (reading and copying a hundred workbooks) for the page to paint and take clicks, made only
 * when a slice of work has run: each break costs at least a task turn, and a timer's more — 1 ms in Node, 4 ms
 * once browser timers nest (HTML Standard, "Timers": nesting level above 5) — so a break after every file added
 * a good part of a second to a hundred.
 */
export function pageBreaks(sliceMs = 16): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await nextTask();
    since = performance.now();
  };
}

interface Scheduler {
  yield?: () => Promise<void>;
}

/** A new task: scheduler.yield() where the browser has it (Chromium 129+), else a message (never clamped). */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  if (typeof MessageChannel !== "function") return new Promise((resolve) => setTimeout(resolve, 0));
  const channel = new MessageChannel();
  return new Promise((resolve) => {
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * After the next frame is painted (a requestAnimationFrame callback, then a task), so that a label set just
 * before is on screen before long work blocks the thread again. A task turn alone is not enough: a
 * scheduler.yield() continuation runs before React's render task. A hidden page paints no frames: at most
 * `capMs` then.
 */
export function afterPaint(capMs = 100): Promise<void> {
  if (typeof requestAnimationFrame !== "function") return nextTask();
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve();
    };
    requestAnimationFrame(() => setTimeout(finish, 0));
    setTimeout(finish, capMs);
  });
}
