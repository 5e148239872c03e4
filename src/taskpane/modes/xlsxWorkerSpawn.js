/**
 * Starts the .xlsx worker. Webpack bundles xlsxWorker.ts as the worker's own chunk from this `new URL(…,
 * import.meta.url)` form (https://webpack.js.org/guides/web-workers/). JavaScript, typed by xlsxWorkerSpawn.d.ts:
 * the TypeScript config's CommonJS (for the command line and jest) has no import.meta.
 */
export function spawnXlsxWorker() {
  return new Worker(new URL("./xlsxWorker.ts", import.meta.url), { name: "cchc-xlsx" });
}
