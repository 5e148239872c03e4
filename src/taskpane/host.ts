/**
 * Where the pane runs: inside an Office host (Excel) or in a plain browser (the browser-only mode, where
 * workbooks are opened as .xlsx files). "No Office host" means Office.js is absent, or Office.onReady
 * resolves with host null (office.js loaded outside Office), or Office.onReady does not settle in time.
 */
export type HostMode = "excel" | "browser";

/** How long to wait for Office.onReady before showing the browser mode (Excel switches it back if late). */
export const OFFICE_READY_TIMEOUT_MS = 10_000;

function officeJsPresent(): boolean {
  return typeof Office !== "undefined" && typeof Office.onReady === "function";
}

/**
 * Calls `onMode` as soon as the mode is known. If Office.onReady is slower than `timeoutMs`, it first reports
 * "browser", then "excel" once Office.onReady does resolve with a host.
 */
export function whenHostKnown(
  onMode: (mode: HostMode) => void,
  timeoutMs = OFFICE_READY_TIMEOUT_MS
): void {
  if (!officeJsPresent()) {
    onMode("browser");
    return;
  }
  let reported: HostMode | undefined;
  const report = (mode: HostMode): void => {
    if (reported === mode) return;
    reported = mode;
    onMode(mode);
  };
  const timer = setTimeout(() => report("browser"), timeoutMs);
  Office.onReady().then(
    (info) => {
      clearTimeout(timer);
      report(info && info.host ? "excel" : "browser");
    },
    () => {
      clearTimeout(timer);
      report("browser");
    }
  );
}
