/**
 * The add-in's own writes fire worksheet change events. The pane's debounced re-check asks isAddinWriting()
 * and ignores the events those writes cause.
 */
let writesInFlight = 0;
let lastWriteEndedAt = Number.NEGATIVE_INFINITY;

/** Change events are delivered asynchronously, after the sync that caused them has resolved. */
export const WRITE_EVENT_GRACE_MS = 1500;

export function isAddinWriting(now: number = Date.now()): boolean {
  return writesInFlight > 0 || now - lastWriteEndedAt < WRITE_EVENT_GRACE_MS;
}

export async function whileAddinWrites<T>(write: () => Promise<T>): Promise<T> {
  writesInFlight++;
  try {
    return await write();
  } finally {
    writesInFlight--;
    lastWriteEndedAt = Date.now();
  }
}
