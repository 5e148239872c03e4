/**
 * The Web Worker that runs the pane's .xlsx jobs off the page's thread: ExcelJS's parse of a 300-sheet workbook
 * and the scored package's writing take seconds, during which the page would neither paint nor take a click on
 * "Dừng". Started by xlsxWorkerSpawn.js; spoken to by xlsxWorkerClient.ts.
 */
import { serveJobs, type JobScope } from "./xlsxJobServer";

serveJobs(self as unknown as JobScope);
