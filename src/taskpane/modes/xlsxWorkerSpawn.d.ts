/** Starts the Web Worker of xlsxWorker.ts (see xlsxWorkerSpawn.js). */
export function spawnXlsxWorker(): Worker;
